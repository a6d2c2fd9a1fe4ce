/**
 * What differs between DuckDB's SQL and BigQuery's in the views (views.ts): time zones, day labels,
 * literals and type names. Everything else is written once, in the SQL both accept.
 */
export type DialectName = 'duckdb' | 'bigquery';

export interface Dialect {
  name: DialectName;
  /** A table or view of the canonical data, in the dataset when one is given. */
  table(name: string): string;
  text(value: string): string;
  /**
   * The local day number (days since 1970-01-01 on the shop's wall clock) of an epoch-ms expression,
   * in the report's zone, or in `zone`: an expression giving each row's (a shop in another market).
   */
  dayOf(ms: string, zone?: string): string;
  /** Minutes since local midnight of an epoch-ms expression, in the report's zone or in `zone`. */
  minuteOf(ms: string, zone?: string): string;
  /** A day number as the report labels it (strftime pattern: %Y-%m-%d, %G-W%V, %Y-%m). */
  dayLabel(day: string, pattern: string): string;
  /**
   * A sum of doubles added in the order of `order`, as the JS engine adds amounts (order by order), so
   * that it is the JS engine's to the last bit. BigQuery has no ordered fold: its SUM may differ in
   * the last binary place (docs/scale.md).
   */
  orderedSum(value: string, order: string): string;
  /**
   * Two keys equal, NULL equal to NULL. DuckDB joins on IS NOT DISTINCT FROM by hashing; the same
   * test spelled with OR and IS NULL made it compare every pair of a customer's rows (a join of the
   * 1M-message month's consultations with its orders took 12 s instead of 0.2 s).
   */
  sameKey(a: string, b: string): string;
}

function escapedText(value: string, backslash: boolean): string {
  if (!backslash) return `'${value.replaceAll("'", "''")}'`;
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\u0000', '\\x00')}'`;
}

export function dialect(name: DialectName, zone: string, dataset?: string): Dialect {
  const prefix = dataset ? `${dataset}.` : '';
  if (name === 'duckdb') {
    const report = escapedText(zone, false);
    const local = (ms: string, at = report) => `(to_timestamp(${ms} / 1000.0) AT TIME ZONE ${at})`;
    return {
      name,
      table: (t) => `${prefix}${t}`,
      text: (v) => escapedText(v, false),
      dayOf: (ms, at) => `CAST(CAST(${local(ms, at)} AS DATE) - DATE '1970-01-01' AS BIGINT)`,
      minuteOf: (ms, at) => `(hour(${local(ms, at)}) * 60 + minute(${local(ms, at)}))`,
      dayLabel: (day, pattern) => `strftime(DATE '1970-01-01' + CAST(${day} AS INTEGER), '${pattern}')`,
      orderedSum: (value, order) => `list_reduce(list(${value} ORDER BY ${order}), lambda a, b: a + b)`,
      sameKey: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
    };
  }
  const report = escapedText(zone, true);
  const local = (ms: string, at = report) => `DATETIME(TIMESTAMP_MILLIS(${ms}), ${at})`;
  return {
    name,
    table: (t) => (dataset ? `\`${dataset}.${t}\`` : t),
    text: (v) => escapedText(v, true),
    dayOf: (ms, at = report) => `UNIX_DATE(DATE(TIMESTAMP_MILLIS(${ms}), ${at}))`,
    minuteOf: (ms, at) =>
      `(EXTRACT(HOUR FROM ${local(ms, at)}) * 60 + EXTRACT(MINUTE FROM ${local(ms, at)}))`,
    dayLabel: (day, pattern) => `FORMAT_DATE('${pattern}', DATE_FROM_UNIX_DATE(${day}))`,
    orderedSum: (value) => `SUM(${value})`,
    sameKey: (a, b) => `(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))`,
  };
}
