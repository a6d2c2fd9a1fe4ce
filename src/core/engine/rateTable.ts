import { readCurrency } from '../import/currency';
import type { Rate } from './currencies';
import { RatesError, type RateTable } from './currencies';

/** The spreadsheet tab the add-on reads a rate table from, when the spreadsheet has one. */
export const RATES_TAB = '汇率';

/** The rate table's columns by the names a header may give them. Apart from currencies.ts: Code.js needs none of it. */
const HEADER: Record<string, keyof Rate | 'to'> = {
  currency: 'currency',
  币种: 'currency',
  幣別: 'currency',
  period: 'period',
  期间: 'period',
  期間: 'period',
  month: 'period',
  月份: 'period',
  rate: 'rate',
  汇率: 'rate',
  匯率: 'rate',
  to: 'to',
  报告币种: 'to',
  報告幣別: 'to',
  'report currency': 'to',
};

/**
 * A rate table from its rows (a CSV file, or the 汇率 tab): a header naming currency, period, rate and
 * to (the report currency), then one row per currency and period. A period is a month (2026-11) or
 * empty/all for every period. Anything that cannot be read one way is refused naming the source, its
 * row (as the file or tab numbers it, blank rows counted), the column and what to write.
 */
export function readRateTable(rows: readonly (readonly string[])[], source: string): RateTable {
  const filled = rows
    .map((row, i) => ({ row, number: i + 1 }))
    .filter(({ row }) => row.some((cell) => cell.trim() !== ''));
  const [{ row: header } = { row: [] as readonly string[] }, ...data] = filled;
  const at: Partial<Record<keyof Rate | 'to', number>> = {};
  header.forEach((name, i) => {
    const field = HEADER[name.trim().toLowerCase()];
    if (field !== undefined) at[field] = i;
  });
  const missing = (['currency', 'period', 'rate', 'to'] as const).filter((f) => at[f] === undefined);
  if (missing.length > 0)
    throw new RatesError(
      `${source}: the rate table has no ${missing.join(', ')} column. Write a header currency,period,rate,to (币种,期间,汇率,报告币种) and one row per currency and month, such as TWD,2026-11,0.031,USD.`,
    );
  const cell = (row: readonly string[], field: keyof Rate | 'to') => (row[at[field] as number] ?? '').trim();
  let to: string | null = null;
  const rates: Rate[] = [];
  for (const { row, number } of data) {
    /** Where a cell is: the source, its row and its column's header. */
    const where = (field: keyof Rate | 'to') =>
      `${source} row ${number}, column ${(header[at[field] as number] ?? '').trim()}`;
    const currency = readCurrency(cell(row, 'currency'));
    const target = readCurrency(cell(row, 'to'));
    if (currency === null)
      throw new RatesError(
        `${where('currency')}: "${cell(row, 'currency')}" is not a currency; write its ISO code, such as TWD.`,
      );
    if (target === null)
      throw new RatesError(
        `${where('to')}: "${cell(row, 'to')}" is not a currency; write the report currency's ISO code, such as USD.`,
      );
    if (to !== null && target !== to)
      throw new RatesError(
        `${where('to')}: the report currency is ${target} here and ${to} above; write one report currency on every row.`,
      );
    to = target;
    const periodText = cell(row, 'period');
    // A month typed into a spreadsheet becomes its first day (2026-11-01): read as the month.
    const firstDay = /^(\d{4}-\d{2})-01(?: 00:00(?::00)?)?$/.exec(periodText);
    const period =
      periodText === '' || periodText.toLowerCase() === 'all' ? 'all' : (firstDay?.[1] ?? periodText);
    if (period !== 'all' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
      throw new RatesError(
        `${where('period')}: "${periodText}" is not a month; write it as 2026-11 (or all for every month).`,
      );
    const rateText = cell(row, 'rate');
    const rate = /^\d+(\.\d+)?$/.test(rateText) ? Number(rateText) : Number.NaN;
    if (!(rate > 0))
      throw new RatesError(
        `${where('rate')}: "${rateText}" is not a rate; write how many ${target} one ${currency} is, such as 0.031 (digits and a decimal point, no thousands separator).`,
      );
    if (rates.some((r) => r.currency === currency && r.period === period))
      throw new RatesError(
        `${where('period')}: a second rate for ${currency} in ${period}; keep one row for each currency and month.`,
      );
    rates.push({ currency, period, rate });
  }
  if (to === null)
    throw new RatesError(
      `${source}: the rate table has no rates; add one row per currency and month under its header.`,
    );
  return { to, rates };
}
