// npm run examples: regenerates examples/ (a seeded month of a Taobao shop, 8 agents, in the
// back-end's own export formats: 千牛 chat records, 淘宝订单报表 with SKU rows, service ratings).
// Also the cross-border month (examples/crossborder/: a Shopee TW and an Amazon US shop, one Zendesk
// helpdesk, TWD and USD; scripts/crossborder.mjs). The output is committed; a test checks it is exactly
// what this script makes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';
import { writeCrossBorderMonth } from './crossborder.mjs';
import { writeSyntheticMonth } from './synthetic.mjs';

export const EXAMPLE_SIZE = { messages: 4000, orders: 500, days: 30, seed: 20261001, layout: 'taobao' };

export async function writeExamples(dir = join(ROOT, 'examples')) {
  mkdirSync(dir, { recursive: true });
  const written = await writeSyntheticMonth(dir, EXAMPLE_SIZE);
  return { ...written, crossborder: writeCrossBorderMonth(join(dir, 'crossborder')) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { crossborder, ...written } = await writeExamples();
  console.log([...Object.values(written), ...Object.values(crossborder)].join('\n'));
}
