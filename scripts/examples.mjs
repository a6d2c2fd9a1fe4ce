// npm run examples: regenerates examples/ (a small seeded month: 8 agents, canonical CSV columns).
// The output is committed; a test checks it is exactly what this script makes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';
import { writeSyntheticMonth } from './synthetic.mjs';

export const EXAMPLE_SIZE = { messages: 4000, orders: 500, days: 30, seed: 20261001 };

export async function writeExamples(dir = join(ROOT, 'examples')) {
  mkdirSync(dir, { recursive: true });
  await writeSyntheticMonth(dir, EXAMPLE_SIZE);
  return dir;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  console.log(`wrote ${await writeExamples()}`);
}
