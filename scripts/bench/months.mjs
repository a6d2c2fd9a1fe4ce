// The bench's synthetic months, generated once and kept: a 20M-message month is about 2 GB of CSV and
// takes minutes to write. Kept under out/bench (gitignored), or under CS_KPI_BENCH_DATA when set (a
// folder outside the repository, shared by several checkouts), in a folder named by size, seed and
// generator version, so a change to the generator or its seed makes new files rather than reusing old.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build.mjs';
import { GENERATOR_VERSION, writeSyntheticMonth } from '../synthetic.mjs';

export const SEED = 20261001;

export const BENCH_DATA = process.env.CS_KPI_BENCH_DATA || join(ROOT, 'out', 'bench');

/** The folder holding chats.csv, orders.csv and ratings.csv of the month, written if missing. */
export async function benchMonth(messages, orders) {
  const dir = join(BENCH_DATA, `${messages}-${orders}-s${SEED}-v${GENERATOR_VERSION}`);
  if (existsSync(join(dir, 'ratings.csv'))) return dir;
  // Written beside and renamed when whole: a run stopped halfway leaves no month that looks finished.
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  await writeSyntheticMonth(partial, { messages, orders, seed: SEED });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return dir;
}
