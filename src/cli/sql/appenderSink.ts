import type { DuckDBAppender } from '@duckdb/node-api';
import type { RowSink } from './sqlTypes';

/** Canonical rows into a DuckDB table through its appender. */
export function appenderSink(appender: DuckDBAppender): RowSink {
  return {
    bigint: (v) => appender.appendBigInt(BigInt(v)),
    double: (v) => appender.appendDouble(v),
    integer: (v) => appender.appendInteger(v),
    text: (v) => appender.appendVarchar(v),
    bool: (v) => appender.appendBoolean(v),
    nothing: () => appender.appendNull(),
    endRow: () => appender.endRow(),
  };
}
