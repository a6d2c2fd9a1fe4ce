/**
 * With CS_KPI_SQL_TIMES set, a step of the DuckDB engine and its milliseconds since `since` on stderr:
 * where its time goes, view by view, finer than `--timings` (docs/scale.md).
 */
export function sqlLap(step: string, since: number): void {
  if (process.env.CS_KPI_SQL_TIMES) console.error(step, Math.round(performance.now() - since));
}
