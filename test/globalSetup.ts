import { build } from '../scripts/build.mjs';

export default async function setup() {
  await build();
}
