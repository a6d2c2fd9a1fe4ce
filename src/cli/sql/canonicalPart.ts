import type { AutoReplyRules } from '../../core/engine/messageColumns';
import type { Message } from '../../core/engine/model';
import { appenderSink } from './appenderSink';
import { createTableSql, MessageRows } from './canonical';
import { duckdbSize, PART_MEMORY_BYTES } from './memory';

/**
 * The canonical messages of a chat export's second part, written by the worker that reads it
 * (importWorker.ts) into a DuckDB database file of its own, so that the appender's work (a call per
 * value, as much as reading the rows) is done on the other core too. Numbered from 0 in the part: the
 * DuckDB engine renumbers them after the first part's as it takes them in (DuckdbEngine.addPart), so
 * that the table is the one reading the file in one piece gives, row for row.
 */
export class CanonicalPart {
  private constructor(
    private readonly close: () => void,
    private readonly rows: MessageRows,
  ) {}

  static async create(file: string, rules: AutoReplyRules): Promise<CanonicalPart> {
    // Imported here: the JS engine's worker never loads the native module.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    // One thread: the appender is this thread's work, and the other core reads the first part. Its
    // memory is limited too (memory.ts): past it, DuckDB writes into the file (its spills go beside it).
    const instance = await DuckDBInstance.create(file, {
      threads: '1',
      memory_limit: duckdbSize(PART_MEMORY_BYTES),
    });
    const connection = await instance.connect();
    await connection.run(createTableSql('messages', 'duckdb'));
    const appender = await connection.createAppender('messages');
    return new CanonicalPart(
      () => {
        appender.closeSync();
        connection.closeSync();
        instance.closeSync();
      },
      new MessageRows(appenderSink(appender), rules),
    );
  }

  add(message: Message): void {
    this.rows.add(message);
  }

  /** Every row is in the file, and the file is closed (the engine can attach it). */
  finish(): void {
    this.close();
  }
}
