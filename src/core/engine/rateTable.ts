import { readCurrency } from '../import/currency';
import type { Rate } from './currencies';
import { RatesError, type RateTable } from './currencies';

/** The spreadsheet tab the add-on reads a rate table from, when the spreadsheet has one. */
export const RATES_TAB = '汇率';

/** The rate table's columns by the names a header may give them. Apart from currencies.ts: Code.js reads it only for 按设置重新计算. */
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

/**
 * Whether 绩效's money figures follow the 汇率 tab as it is now. They are the last import's: converted
 * at the rates its 所用汇率 tab lists (`used`, header first), or per currency in 销售指标 TWD… tabs
 * (`perCurrency`, their currencies) and empty in 绩效, or in the one currency the import's `record`
 * names, not converted. 按设置重新计算 reads no orders, so it cannot convert them again: a 汇率 tab
 * that would convert otherwise is said, with what to do; null when 绩效 follows it (or there is no 汇率
 * tab). A 汇率 tab that cannot be read throws as the import's does.
 */
export function ratesNotFollowed(
  rates: readonly (readonly string[])[] | null,
  used: readonly (readonly unknown[])[] | null,
  perCurrency: readonly string[],
  /** The last import's record (pipeline/importRecord.ts): its one currency and its exports. */
  record: {
    currency: string | null;
    exports: readonly { name: string; currencies: readonly string[] }[];
  } | null = null,
): string | null {
  if (rates === null) return null;
  const table = readRateTable(rates, RATES_TAB);
  const redo =
    '「绩效」的金额类指标是导入时算的，重新计算不读订单、不能重新折算：请在侧边栏重新导入订单；未做改动。绩效’s money figures are the import’s, and a recompute reads no orders to convert again: import the orders again from the sidebar. Nothing was changed.';
  if (used !== null) {
    const differ = used.slice(1).flatMap(([currency, period, rate, to]) => {
      const now = table.rates.find((r) => r.currency === String(currency) && r.period === String(period));
      // A rate for every month that the 汇率 tab now overrides with a month's own may convert otherwise.
      const monthly =
        String(period) === 'all' &&
        table.rates.some((r) => r.currency === String(currency) && r.period !== 'all');
      if (now && now.rate === Number(rate) && table.to === String(to) && !monthly) return [];
      return [
        `${currency} ${period} ${rate} ${to} → ${monthly ? `${currency} 按月 by month` : now ? `${now.rate} ${table.to}` : '—'}`,
      ];
    });
    return differ.length === 0
      ? null
      : `「${RATES_TAB}」与上次导入所用的汇率不同 ${RATES_TAB} differs from the rates the last import used (所用汇率): ${differ.join('; ')}.\n${redo}`;
  }
  if (perCurrency.length > 1)
    return `上次导入的订单有 ${perCurrency.join('、')} 几种币种，金额类指标按币种分列，「绩效」中为空；「${RATES_TAB}」是之后加的。The last import's orders were in ${perCurrency.join(', ')}, their money figures per currency and empty in 绩效; ${RATES_TAB} came after it.\n${redo}`;
  // Orders of one currency, not converted: 汇率 now converts them into another.
  const one = record?.currency;
  if (one && one !== table.to) {
    const files = (record?.exports ?? []).filter((e) => e.currencies.includes(one)).map((e) => e.name);
    return `上次导入的订单都是 ${one}${files.length > 0 ? `（${files.join('、')}）` : ''}，未折算，金额类指标以 ${one} 计；「${RATES_TAB}」现在折算为 ${table.to}。The last import's orders were all in ${one}${files.length > 0 ? ` (${files.join(', ')})` : ''}, not converted: 绩效's money figures are in ${one}, and ${RATES_TAB} now converts into ${table.to}.\n${redo}`;
  }
  return null;
}
