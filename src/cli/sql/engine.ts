import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SAME_TEXT_CONSULTATIONS } from '../../core/engine/autoReplies';
import { INDICATORS, type Level } from '../../core/engine/catalog';
import { effectiveSplit } from '../../core/engine/consultations';
import {
  converts,
  currencyRows,
  OrderConversion,
  type RateTable,
  UNKNOWN_CURRENCY,
  withoutMoney,
} from '../../core/engine/currencies';
import type { Available } from '../../core/engine/facts';
import { evaluate } from '../../core/engine/formula';
import { hashText } from '../../core/engine/messageColumns';
import type { Message, Order } from '../../core/engine/model';
import { platformRule, platformWindow } from '../../core/engine/platform';
import type { Report, Row } from '../../core/engine/report';
import type { Settings } from '../../core/engine/settings';
import { nameComparer } from '../../core/lib/nameOrder';
import type { DetailConsultation } from '../../core/sheets/tabs';
import { dayLabel } from '../../core/time/zone';
import { appenderSink } from './appenderSink';
import { createTableSql, MessageRows, OrderRows } from './canonical';
import { EngineRefusal } from './choice';
import { sqlRefusals, sqlSources } from './coverage';
import { detailConsultation, detailSql } from './detailRows';
import { dialect } from './dialect';
import { openEngineFolder } from './engineFolder';
import { duckdbMemoryBytes, duckdbSize } from './memory';
import { type ChatCsvRead, type ChatCsvRequest, readChatCsv } from './nativeCsv';
import { RECORD_TABLE_NAMES, type RecordOfTable, RecordRows, type RecordTable } from './recordTables';
import { sqlLap } from './sqlTimes';
import type { View } from './sqlTypes';
import { column, reportViews, type Zoned } from './views';

export { appenderSink } from './appenderSink';

type Value = string | number | boolean | null;
const plain = (v: unknown): Value =>
  typeof v === 'bigint' ? Number(v) : v === null || v === undefined ? null : (v as Value);

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, Value>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
}

/**
 * The report computed by DuckDB: messages stream into its canonical table through the appender as
 * the importer reads them (JS keeps none of them), the views of views.ts compute the facts and the
 * indicators, and the few rows of the result become the Report the JS engine would give.
 */
export class DuckdbEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appenders: DuckDBAppender[],
    readonly messages: MessageRows,
    /** The orders, into their table (canonical.ts). */
    readonly orders: OrderRows,
    /** Ratings, complaints, online time and issues, each into its table (recordTables.ts). */
    readonly records: { [T in RecordTable]: RecordRows<T> },
    private readonly settings: Settings,
    /** The engine's temporary folder: DuckDB's spills and the workers' parts; close() removes it. */
    private readonly folder: { dir: string; remove(): void },
  ) {}

  /**
   * `threads`: DuckDB's worker threads (its default: one per core); small inputs run fastest on one.
   * `rates`: the rate table (`--rates`) the orders are converted by as they come. DuckDB keeps within
   * its memory limit (memory.ts) by writing into the engine's temporary folder.
   */
  static async open(
    settings: Settings,
    options: { threads?: number; rates?: RateTable } = {},
  ): Promise<DuckdbEngine> {
    const t0 = performance.now();
    const memory = duckdbSize(duckdbMemoryBytes());
    // Imported here: the native module loads only when DuckDB computes (the JS engine never waits for it).
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const folder = openEngineFolder();
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: memory,
      temp_directory: join(folder.dir, 'spill'),
      ...(options.threads ? { threads: String(options.threads) } : {}),
    }).catch((error) => {
      folder.remove();
      throw error;
    });
    sqlLap('open', t0);
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    const appenders: DuckDBAppender[] = [];
    const appenderOf = async (table: string) => {
      await connection.run(createTableSql(table, 'duckdb'));
      const appender = await connection.createAppender(table);
      appenders.push(appender);
      return appenderSink(appender);
    };
    const messages = new MessageRows(await appenderOf('messages'), settings);
    const orders = new OrderRows(
      await appenderOf('orders'),
      options.rates ? new OrderConversion(options.rates, settings.timeZone) : undefined,
    );
    const records = {} as { [T in RecordTable]: RecordRows<T> };
    for (const table of RECORD_TABLE_NAMES)
      (records as Record<RecordTable, RecordRows<RecordTable>>)[table] = new RecordRows(
        table,
        await appenderOf(table),
      );
    return new DuckdbEngine(instance, connection, appenders, messages, orders, records, settings, folder);
  }

  addMessage(message: Message): void {
    this.messages.add(message);
  }

  addOrder(order: Order): void {
    this.orders.add(order);
  }

  /** Where the importer hands each record of a kind as it reads it (RowsRequest.onRecord). */
  recordSink<T extends RecordTable>(table: T): (record: unknown) => void {
    const rows = this.records[table];
    return (record) => rows.add(record as RecordOfTable[T]);
  }

  private appending = true;
  private parts = 0;

  /**
   * A new file for a worker to write a chat export's second part into (CanonicalPart), in a folder of
   * the engine's own that close() removes.
   */
  partFile(): string {
    return join(this.folder.dir, `part${++this.parts}.duckdb`);
  }

  /**
   * The `count` messages a worker wrote into `file` (partFile), numbered after those appended so far:
   * the rows the file's first part ended before, as reading the file in one piece numbers them.
   */
  async addPart(file: string, count: number): Promise<void> {
    // The rows appended so far go in first, so that the table's rows stay in file order.
    for (const appender of this.appenders) appender.flushSync();
    const sqlFile = file.replaceAll("'", "''");
    await this.connection.run(`ATTACH '${sqlFile}' AS cs_part (READ_ONLY)`);
    try {
      const [held] = await rows(this.connection, 'SELECT COUNT(*) AS n FROM cs_part.messages');
      if (held?.n !== count) throw new Error(`${file} holds ${held?.n} messages, not the ${count} read`);
      await this.connection.run(
        `INSERT INTO messages SELECT seq + ${this.messages.count} AS seq, * EXCLUDE (seq) FROM cs_part.messages`,
      );
    } finally {
      await this.connection.run('DETACH cs_part');
    }
    this.messages.skip(count);
    rmSync(file, { force: true });
  }

  /**
   * A chat export read by DuckDB's CSV reader into the table (nativeCsv.ts), numbered after the
   * messages so far; or, appending nothing, why it is left to the importer.
   */
  async readChatCsv(request: Omit<ChatCsvRequest, 'rules' | 'reportZone'>): Promise<ChatCsvRead> {
    // The rows appended so far go in first, so that the table's rows stay in file order.
    for (const appender of this.appenders) appender.flushSync();
    const settings = this.settings;
    const read = await readChatCsv(
      this.connection,
      { ...request, rules: settings, reportZone: settings.timeZone },
      this.messages.count,
    );
    if ('read' in read) this.messages.skip(read.read.rows);
    return read;
  }

  /** Whether agent_zones names an agent (setAgentZones). */
  private agentsZoned = false;

  /**
   * The agents whose chat exports were read in another zone than the report's, with it (AgentZones):
   * their consultations' days and hours follow it. Into the agent_zones table the views join.
   */
  async setAgentZones(zones: ReadonlyMap<string, string>): Promise<void> {
    if (zones.size === 0) return;
    await this.connection.run('CREATE TABLE agent_zones (agent VARCHAR, zone VARCHAR)');
    const appender = await this.connection.createAppender('agent_zones');
    for (const [agent, zone] of zones) {
      appender.appendVarchar(agent);
      appender.appendVarchar(zone);
      appender.endRow();
    }
    appender.closeSync();
    this.agentsZoned = true;
  }

  /**
   * The agent accounts of each chat export, the messages of export k being those from `starts[k]` (in
   * the order read) to the next export's start: to give each agent its export's zone (agentZonesAcross).
   */
  async agentsOfExports(starts: readonly number[]): Promise<string[][]> {
    await this.finishAppending();
    const exportOf =
      starts.length <= 1
        ? '0'
        : `CASE ${starts
            .slice(1)
            .map((start, k) => `WHEN seq < ${start} THEN ${k}`)
            .join(' ')} ELSE ${starts.length - 1} END`;
    const found = await rows(
      this.connection,
      // Each export's accounts in the order they first come, as the JS engine meets them.
      `SELECT ${exportOf} AS export, agent, MIN(seq) AS first FROM messages GROUP BY export, agent ORDER BY export, first`,
    );
    const agents = starts.map((): string[] => []);
    for (const row of found) agents[Number(row.export)]?.push(String(row.agent));
    return agents;
  }

  /** Which exports were read in a zone of their own: the views then count their rows' days in it. */
  private get zoned(): Zoned {
    return {
      agents: this.agentsZoned,
      records: this.orders.zoned || RECORD_TABLE_NAMES.some((table) => this.records[table].zoned),
    };
  }

  /** The records of exports read in a zone of their own, by their place in their table (zoneRecords). */
  private readonly recordZones: { table: RecordTable; from: number; to: number; zone: string }[] = [];

  /**
   * The records `from` … `to` − 1 of a table (one export's, as numbered when read) were read in `zone`,
   * a zone other than the report's: their days follow it. They stream in as the importer reads them,
   * before it says the zone it read the export in (its dialect's market's), so their `zone` is set after.
   */
  zoneRecords(table: RecordTable, from: number, to: number, zone: string): void {
    if (to > from) this.recordZones.push({ table, from, to, zone });
  }

  /** Every row appended is in the table from now on, each record with its zone. */
  private async finishAppending(): Promise<void> {
    if (this.appending) for (const appender of this.appenders) appender.closeSync();
    this.appending = false;
    for (const { table, from, to, zone } of this.recordZones.splice(0)) {
      await this.connection.run(
        `UPDATE ${table} SET zone = '${zone.replaceAll("'", "''")}' WHERE seq >= ${from} AND seq < ${to}`,
      );
      this.records[table].zoned = true;
    }
  }

  /**
   * Writes each canonical table asked for, in file order, as DIR/TABLE.parquet (`cs-kpi export`):
   * the files written.
   */
  async exportParquet(dir: string, tables: readonly string[] = ['messages']): Promise<string[]> {
    await this.finishAppending();
    const files: string[] = [];
    for (const table of tables) {
      const file = join(dir, `${table}.parquet`);
      await this.connection.run(
        `COPY (SELECT * FROM ${table} ORDER BY seq) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`,
      );
      files.push(file);
    }
    return files;
  }

  /**
   * The workbook's 明细 rows, a page (DuckDB's chunk, 2,048 rows) at a time, in the JS engine's order:
   * streamed from DuckDB, so that JavaScript holds one page (after report()).
   */
  async *detailPages(): AsyncGenerator<(DetailConsultation & { firstCustomerAt: number })[]> {
    const zone = this.settings.timeZone;
    const result = await this.connection.stream(
      detailSql(this.settings, dialect('duckdb', zone), this.zoned.agents),
    );
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return;
      yield chunk
        .getRows()
        .map((row) => detailConsultation(row as Parameters<typeof detailConsultation>[0], zone));
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    this.folder.remove();
  }

  /** Runs any SQL on the engine's data (the parquet export, tests). */
  async run(sql: string): Promise<Record<string, Value>[]> {
    return rows(this.connection, sql);
  }

  async report(available: Available, hasSessions: boolean): Promise<Report> {
    try {
      return await this.computeReport(available, hasSessions);
    } catch (error) {
      throw beyondMemoryLimit(error);
    }
  }

  private async computeReport(available: Available, hasSessions: boolean): Promise<Report> {
    await this.finishAppending();
    const settings = this.settings;
    const split = effectiveSplit(settings, hasSessions);
    const sources = sqlSources(available, settings);
    const refusals = sqlRefusals(sources);
    if (refusals.length > 0)
      throw new EngineRefusal(
        `--engine duckdb does not compute this report yet: ${refusals.join('; ')}. Use --engine js.`,
      );
    const d = dialect('duckdb', settings.timeZone);
    const currencies = [...this.orders.currencies.keys()].sort();
    // Orders in a currency other than the rate table's: converted as they came in (OrderRows), or the
    // report refused as the JS engine refuses it (an order no rate converts).
    const { conversion } = this.orders;
    const converted = conversion && converts(conversion.table, currencies) ? conversion.finish() : null;
    const zoned = this.zoned;
    await this.computeViews(reportViews({ settings, split, sources, dialect: d, zoned }));
    const results = await rows(this.connection, 'SELECT * FROM cs_indicators');
    const [counts] = await rows(this.connection, countsSql());
    const [orderCounts] = sources.orders ? await rows(this.connection, orderCountsSql(settings)) : [];
    const [days] = await rows(
      this.connection,
      "SELECT first_day AS first, last_day AS last FROM cs_period_days WHERE period = 'all'",
    );
    const report = assembleReport(
      results,
      { ...counts, ...orderCounts },
      days ?? {},
      { ...settings, split },
      await this.platformWindow(),
    );
    const [currency] = currencies;
    if (converted) {
      report.currency = converted.to;
      report.conversion = converted;
    } else if (currencies.length === 1 && currency !== UNKNOWN_CURRENCY) report.currency = currency;
    else if (currencies.length > 1) {
      // Never added together (report.ts): each currency's money figures from its own orders, computed
      // again by the order views and those after them; the main rows' money emptied.
      report.byCurrency = [];
      for (const own of currencies) {
        const views = reportViews({ settings, split, sources, dialect: d, currency: own, zoned });
        await this.computeViews(views.slice(views.findIndex((v) => v.name === 'cs_orders')));
        const ownRows = assembleReport(
          await rows(this.connection, 'SELECT * FROM cs_indicators'),
          {},
          days ?? {},
          { ...settings, split },
        );
        report.byCurrency.push(currencyRows(own, this.orders.currencies.get(own) ?? 0, ownRows));
      }
      withoutMoney(report);
    }
    return report;
  }

  /**
   * With a platform: its window (null: the period) and the days the chats cover, from the first kept
   * message's day to the last's in the report's zone (addPlatformFacts, chatSpan).
   */
  private async platformWindow(): Promise<Report['platformWindow']> {
    const { platform, platformWindowDays, timeZone } = this.settings;
    const rule = platformRule(platform);
    if (rule === null) return undefined;
    const d = dialect('duckdb', timeZone);
    const [span] = await rows(
      this.connection,
      `SELECT ${d.dayOf('MAX(time_ms)')} - ${d.dayOf('MIN(time_ms)')} + 1 AS days FROM cs_steps`,
    );
    const days = span?.days;
    return {
      platform,
      windowDays: platformWindow(rule, platformWindowDays),
      dataDays: days === null || days === undefined ? 0 : Number(days),
    };
  }

  /** Each view created in order: a table where several later views read it (View.materialize). */
  private async computeViews(views: readonly View[]): Promise<void> {
    for (const view of views) {
      const t0 = performance.now();
      await this.connection.run(
        `CREATE OR REPLACE TEMP ${view.materialize ? 'TABLE' : 'VIEW'} ${view.name} AS ${view.sql}`,
      );
      sqlLap(view.name, t0);
    }
  }
}

/** DuckDB's "Out of Memory Error" said as what to do; any other error as it is. */
function beyondMemoryLimit(error: unknown): unknown {
  const message = (error as Error | null)?.message ?? '';
  if (!message.startsWith('Out of Memory Error')) return error;
  return new Error(
    `DuckDB needed more memory than its limit of ${duckdbSize(duckdbMemoryBytes())} allows for this report, even writing into its temporary folder (${message.split('\n')[0]}). Give it more with CS_KPI_DUCKDB_MEMORY (such as CS_KPI_DUCKDB_MEMORY=4GB), or use --engine js.`,
  );
}

function countsSql(): string {
  const empty = new Int32Array(2);
  hashText('', empty, 0);
  const emptyKey = (empty[0] as number) * 2 ** 21 + ((empty[1] as number) & 0x1f_ffff);
  return `WITH inst AS (
  SELECT DISTINCT agent, customer, k1, k2, close_text FROM cs_rounds WHERE instant AND close_text <> ${emptyKey}
), common AS (SELECT close_text FROM inst GROUP BY close_text HAVING COUNT(*) >= ${SAME_TEXT_CONSULTATIONS})
SELECT
  (SELECT COUNT(*) FROM messages) AS read,
  -- cs_steps has a row per kept message, and is a table (cs_kept, a view, would rank them again).
  (SELECT COUNT(*) FROM cs_steps) AS kept,
  (SELECT COUNT(*) FROM messages) - (SELECT COUNT(*) FROM cs_read) AS internal,
  (SELECT COUNT(*) FROM cs_consultations WHERE fc IS NOT NULL) AS consultations,
  (SELECT COUNT(*) FROM ratings) AS ratings_read,
  (SELECT COUNT(*) FROM cs_ratings_kept) AS ratings,
  (SELECT COUNT(*) FROM (SELECT DISTINCT agent, customer, k1, k2 FROM inst WHERE close_text IN (SELECT close_text FROM common)) AS s) AS suspected`;
}

/** The report's counts of orders (report.ts computeOneCurrency), from the order views. */
function orderCountsSql(settings: Settings): string {
  const marked = 'SELECT * FROM cs_consultation_orders WHERE after_sales = 1';
  // With after_sales_chat_days off: marked consultations (a week back) of a customer the agent served
  // in no other consultation, which lower 询单转化率 (countLoweringConversion).
  const notSeparated =
    settings.afterSalesChatDays > 0
      ? '0'
      : `(SELECT COUNT(*) FROM (${marked}) AS m WHERE NOT EXISTS (
    SELECT 1 FROM cs_consultation_orders AS o
    WHERE o.fc IS NOT NULL AND o.after_sales = 0 AND o.agent = m.agent AND o.customer = m.customer))`;
  return `SELECT
  (SELECT COUNT(*) FROM cs_orders) AS orders,
  (SELECT COUNT(*) FROM orders) - (SELECT COUNT(*) FROM cs_orders) AS duplicate_orders,
  (SELECT COUNT(*) FROM cs_attributions WHERE basis = 'settings' AND agent IS NOT NULL) AS attributed_orders,
  (SELECT COUNT(*) FROM cs_attributions WHERE basis = 'settings' AND agent IS NULL) AS silent_orders,
  ${settings.afterSalesChatDays > 0 ? `(SELECT COUNT(*) FROM (${marked}) AS m)` : '0'} AS after_sales,
  ${notSeparated} AS after_sales_not_separated`;
}

/** The report's rows from cs_indicators' rows, as reportRows makes them from facts. */
function assembleReport(
  results: readonly Record<string, Value>[],
  counts: Record<string, Value>,
  days: Record<string, Value>,
  settings: Report['settings'],
  platformWindow?: Report['platformWindow'],
): Report {
  const sampleSizes = new Map<Row, Record<string, number>>();
  const rowOf = (r: Record<string, Value>, level: Level, withPeriod: boolean): Row => {
    const row: Row = {};
    if (level === 'agent') row.agent = String(r.who);
    if (withPeriod) row.period = String(r.period);
    const lowSample: string[] = [];
    const read = {
      fact: (name: string) => Number(r[`${column(name)}_fact`]),
      mean: () => null,
      count: (name: string) => Number(r[`${column(name)}_n`]),
    };
    for (const indicator of INDICATORS) {
      const raw = r[indicator.id];
      const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
      row[indicator.id] = value;
      if (value !== null && indicator.cases) {
        const cases = evaluate(indicator.cases, read) as number;
        if (cases < settings.minSample) {
          lowSample.push(indicator.id);
          const sizes = sampleSizes.get(row) ?? {};
          sizes[indicator.id] = cases;
          sampleSizes.set(row, sizes);
        }
      }
      if (indicator.samples) {
        row[`${indicator.id}_median`] = r[`${indicator.id}_median`] as number | null;
        row[`${indicator.id}_p90`] = r[`${indicator.id}_p90`] as number | null;
      }
    }
    row.low_sample = lowSample;
    return row;
  };
  const find = (level: string, who: string, period: string) =>
    results.find((r) => r.level === level && r.who === who && r.period === period);
  const periods = [
    ...new Set(results.filter((r) => r.level === 'team' && r.period !== 'all').map((r) => String(r.period))),
  ].sort();
  const byName = nameComparer();
  const agentRows: Row[] = [];
  for (const period of settings.period === 'all' ? ['all'] : periods) {
    const agents = results
      .filter((r) => r.level === 'agent' && r.period === period)
      .map((r) => String(r.who));
    for (const agent of agents.sort(byName))
      agentRows.push(
        rowOf(find('agent', agent, period) as Record<string, Value>, 'agent', settings.period !== 'all'),
      );
  }
  const n = (v: Value | undefined) => Number(v ?? 0);
  const report: Report = {
    settings,
    period: {
      unit: settings.period,
      from: days.first === null || days.first === undefined ? null : dayLabel(n(days.first)),
      to: days.last === null || days.last === undefined ? null : dayLabel(n(days.last)),
    },
    agents: agentRows,
    team: rowOf(find('team', '', 'all') as Record<string, Value>, 'team', false),
    shop: rowOf(find('shop', '', 'all') as Record<string, Value>, 'shop', false),
    sampleSizes,
    counts: {
      messages: n(counts.kept),
      duplicateMessages: n(counts.read) - n(counts.internal) - n(counts.kept),
      internalMessages: n(counts.internal),
      consultations: n(counts.consultations),
      orders: n(counts.orders),
      duplicateOrders: n(counts.duplicate_orders),
      attributedOrders: n(counts.attributed_orders),
      silentOrders: n(counts.silent_orders),
      ratings: n(counts.ratings),
      duplicateRatings: n(counts.ratings_read) - n(counts.ratings),
      suspectedAutoReplies: n(counts.suspected),
      afterSalesConsultations: n(counts.after_sales),
      afterSalesNotSeparated: n(counts.after_sales_not_separated),
    },
    consultations: [],
  };
  if (platformWindow) report.platformWindow = platformWindow;
  if (settings.period !== 'all') {
    report.teamByPeriod = periods.map((p) =>
      rowOf(find('team', '', p) as Record<string, Value>, 'team', true),
    );
    report.shopByPeriod = periods.map((p) =>
      rowOf(find('shop', '', p) as Record<string, Value>, 'shop', true),
    );
  }
  return report;
}
