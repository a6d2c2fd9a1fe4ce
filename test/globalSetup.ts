import { build } from '../scripts/build.mjs';
import { installMissing } from './systemPackages';

export default async function setup() {
  // A fresh machine has neither Chromium nor LibreOffice: install them, as root, before any test.
  for (const message of installMissing()) console.warn(message);
  await build();
}
