import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../scripts/build.mjs';
import { installMissing } from './systemPackages';

export default async function setup() {
  // A fresh machine has neither Chromium nor LibreOffice: install them, as root, before any test.
  for (const message of installMissing()) console.warn(message);
  await build();
  // Every temporary file of the run (the tests' folders, the command line's DuckDB folders, Chromium's
  // and LibreOffice's profiles) goes into one folder, removed when the run ends: the workers and every
  // process they start take TMPDIR from here, so a run leaves nothing behind in the system's folder.
  const runTemp = mkdtempSync(join(tmpdir(), 'cs-kpi-tests-'));
  process.env.TMPDIR = runTemp;
  return () => rmSync(runTemp, { recursive: true, force: true });
}
