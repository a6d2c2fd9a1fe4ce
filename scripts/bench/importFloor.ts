// What an import cannot go below while Papa Parse reads the file: one measured run in a fresh process,
// printing {ms, rows} as JSON. `papa` reads, decodes and splits the rows, converting nothing; `minimal`
// also makes each row of the order export with the Tmall report's columns into the least an order is
// (its ID, two times, two amounts, kept), with the engine's own value readers and none of the import's
// checks, mapping, collapsing or warnings. The bench runs both on the whole export and on its two
// halves in two processes at once (the most two cores could do with no joining at all).
import { readFileSync } from 'node:fs';
import { forEachCsvRow } from '../../src/core/import/csv';
import { parseMoney } from '../../src/core/import/values';
import { parseTime } from '../../src/core/time/parseTime';

const [path, mode] = process.argv.slice(2);
const started = performance.now();
const text = new TextDecoder().decode(readFileSync(path as string));
const kept: unknown[] = [];
let rows = 0;
forEachCsvRow(
  text,
  (cells, index) => {
    rows++;
    // 订单编号,总金额,买家实际支付金额,收货地址,订单创建时间,订单付款时间,退款金额
    if (mode !== 'minimal' || index === 0 || cells.length < 7) return;
    kept.push({
      orderId: cells[0],
      createdAt: parseTime(cells[4] as string, 'Asia/Shanghai'),
      paidAt: cells[5] ? parseTime(cells[5] as string, 'Asia/Shanghai') : null,
      amount: parseMoney(cells[2] as string),
      refundAmount: parseMoney(cells[6] as string),
    });
  },
  { delimiter: ',' },
);
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, rows, kept: kept.length })}\n`);
