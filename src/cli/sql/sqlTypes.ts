/** The types the SQL engine's modules share (kept apart so that they import one another in one direction). */

export interface CanonicalColumn {
  name: string;
  duckdb: 'BIGINT' | 'INTEGER' | 'VARCHAR' | 'BOOLEAN' | 'DOUBLE';
  /** What it holds, for docs/scale.md and `cs-kpi sql`. */
  means: string;
}

/** Where canonical rows go: DuckDB's appender (engine.ts); the columns in their table's order. */
export interface RowSink {
  bigint(value: number): void;
  double(value: number): void;
  integer(value: number): void;
  text(value: string): void;
  bool(value: boolean): void;
  nothing(): void;
  endRow(): void;
}

/** A view of the report: its name and its SELECT. */
export interface View {
  name: string;
  sql: string;
  /**
   * Kept as a table by the DuckDB engine: read by several later views, which would each compute it
   * again (and its windows over every message) if it were a view. The others stay views, so that the
   * messages are not copied at each step.
   */
  materialize?: true;
}
