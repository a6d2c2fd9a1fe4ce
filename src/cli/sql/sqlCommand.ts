import { parseArgs } from 'node:util';
import { NOTHING_AVAILABLE } from '../../core/engine/facts';
import { DEFAULT_SETTINGS, SETTINGS, type Settings, settingText } from '../../core/engine/settings';
import type { Given } from '../../core/import/fields';
import {
  parseReportOptions,
  type ReportOptions,
  settingFlags,
  settingsFromFlags,
  UsageError,
} from '../options';
import type { ParquetExport } from '../report';
import { CANONICAL_TABLES, createTableSql } from './canonical';
import { EngineRefusal } from './choice';
import { ORDER_GIVES, REFUND_GIVES, sqlRefusals, sqlSources } from './coverage';
import { type DialectName, dialect } from './dialect';
import { RECORD_TABLE_NAMES, type RecordTable } from './recordTables';
import { reportViews } from './views';

/** What `cs-kpi sql` prints the views for. */
export interface SqlText {
  dialect: DialectName;
  /** DuckDB: a schema; BigQuery: DATASET or PROJECT.DATASET. */
  dataset?: string;
  /** Settings whose split is id, day or gap: the canonical table cannot tell what auto would pick. */
  settings: Settings & { split: 'id' | 'day' | 'gap' };
  /** Whether the chat exports had a rating-invitation column (邀评率 is empty without, as in the report). */
  invites: boolean;
  /** Whether chat exports were given (`--no-chats`: the service figures are empty, as in the report). */
  chats: boolean;
  /**
   * What the order exports' columns gave (their fields' `gives`: buyers, times, amounts …), which the
   * canonical table cannot tell (a NULL is also an empty cell); null: no order exports.
   */
  orderColumns: readonly Given[] | null;
  /** The exports besides chats and orders that were given (`--records`): their figures are empty without. */
  records: readonly RecordTable[];
  /** What the refund exports' columns gave (`--refund-columns`; none when not said), with refunds given. */
  refundColumns: readonly Given[];
}

/**
 * The canonical tables and the report's views as one SQL script for DuckDB or BigQuery: what
 * `cs-kpi sql` prints. The views are the ones `--engine duckdb` runs (views.ts), for chat exports.
 */
export function sqlScript(text: SqlText): string {
  const { dialect: name, dataset, settings, invites, chats, orderColumns, records, refundColumns } = text;
  const d = dialect(name, settings.timeZone, dataset);
  const given = [...(orderColumns === null ? [] : ['orders', ...orderColumns]), ...records, ...refundColumns];
  const available = {
    ...NOTHING_AVAILABLE,
    chats,
    invites: chats && invites,
    ...Object.fromEntries(given.map((g) => [g, true])),
  };
  const sources = sqlSources(available, settings);
  const refusals = sqlRefusals(sources);
  if (refusals.length > 0)
    throw new EngineRefusal(`cs-kpi sql cannot print these views yet: ${refusals.join('; ')}.`);
  const views = reportViews({ settings, split: settings.split, sources, dialect: d });
  const tables = Object.keys(CANONICAL_TABLES)
    // The orders' table only with order exports (--order-columns): the views read it only then.
    .filter((table) => table !== 'orders' || sources.orders)
    .map((table) => `${createTableSql(table, name, d.table(table), true)};`);
  const header = [
    `-- cs-kpi ${name} views (issue 21; docs/scale.md): the report's figures over the canonical tables.`,
    `-- Settings: ${JSON.stringify({ ...settings, ...(chats ? { invites } : { chats }), ...(orderColumns ? { orderColumns } : {}), ...(records.length > 0 ? { records, refundColumns } : {}) })}`,
    '-- cs_indicators has one row per agent, team and shop and period, a column per indicator.',
  ];
  const schema = name === 'duckdb' && dataset ? [`CREATE SCHEMA IF NOT EXISTS ${dataset};`] : [];
  const body = views.map((v) => `CREATE OR REPLACE VIEW ${d.table(v.name)} AS\n${v.sql};`);
  return `${[...header, '', ...schema, ...tables, '', ...body].join('\n')}\n`;
}

/** DuckDB's schema names as written unquoted; BigQuery's project IDs (with hyphens) and dataset names. */
const DATASET: Record<DialectName, { pattern: RegExp; says: string }> = {
  duckdb: { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, says: 'a schema name (letters, digits, _)' },
  bigquery: {
    pattern: /^([a-z][a-z0-9-]{4,28}[a-z0-9]\.)?[A-Za-z0-9_]{1,1024}$/,
    says: 'DATASET or PROJECT.DATASET (a project ID: lowercase letters, digits, -; a dataset: letters, digits, _)',
  },
};

export function parseSqlOptions(argv: readonly string[]): SqlText {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      dialect: { type: 'string' },
      dataset: { type: 'string' },
      'no-invites': { type: 'boolean' },
      'no-chats': { type: 'boolean' },
      'order-columns': { type: 'string' },
      records: { type: 'string' },
      'refund-columns': { type: 'string' },
      ...settingFlags(),
    },
  });
  const name = values.dialect ?? 'duckdb';
  if (name !== 'duckdb' && name !== 'bigquery')
    throw new UsageError(`--dialect is duckdb or bigquery; got "${name}".`);
  const dataset = values.dataset;
  if (dataset !== undefined && !DATASET[name].pattern.test(dataset))
    throw new UsageError(`--dataset for ${name} is ${DATASET[name].says}; got "${dataset}".`);
  const settings = settingsFromFlags(values);
  const split = settings.split;
  if (split === 'auto')
    throw new UsageError(
      'cs-kpi sql needs --split id, day or gap: auto splits by session ID when the chat exports have that column, which the canonical table does not tell. cs-kpi export says which its rows need.',
    );
  const records =
    wordsOf(
      '--records',
      values.records,
      RECORD_TABLE_NAMES,
      'the exports besides chats and orders that were given',
    ) ?? [];
  const refundColumns =
    wordsOf(
      '--refund-columns',
      values['refund-columns'],
      REFUND_GIVES,
      "what the refund exports' columns give",
    ) ?? [];
  if (values['refund-columns'] !== undefined && !records.includes('refunds'))
    throw new UsageError(
      '--refund-columns says what the refund exports gave, and --records names no refunds: give --records …,refunds, or leave --refund-columns out. cs-kpi export says which its rows need.',
    );
  return {
    dialect: name,
    ...(dataset ? { dataset } : {}),
    settings: { ...settings, split },
    invites: !values['no-invites'],
    chats: !values['no-chats'],
    orderColumns:
      wordsOf(
        '--order-columns',
        values['order-columns'],
        ORDER_GIVES,
        "what the order exports' columns give",
      ) ?? null,
    records,
    refundColumns,
  };
}

/**
 * A flag's list of words (`--order-columns amounts,orderBuyers,…`, or `none`: an export none of whose
 * columns give more), each one of `known`; undefined when the flag is not given.
 */
function wordsOf<T extends string>(
  flag: string,
  text: string | undefined,
  known: readonly T[],
  lists: string,
): T[] | undefined {
  if (text === undefined) return undefined;
  const words = text === 'none' ? [] : text.split(',').map((w) => w.trim());
  const unknown = words.filter((w) => !known.includes(w as T));
  if (unknown.length > 0)
    throw new UsageError(
      `${flag} lists ${lists}: ${known.join(', ')} (or none); got "${unknown.join(', ')}". cs-kpi export says which its rows need.`,
    );
  return words as T[];
}

/** Report flags that mean nothing to `cs-kpi export`: refused rather than ignored. */
const NOT_FOR_EXPORT = ['--engine', '--xlsx', '--previous', '--rates'];

/**
 * `cs-kpi export`'s own flags (--format parquet, --out DIR), the rest read as the report's (the
 * exports, --map, the settings): every kind of export has its canonical table.
 */
export function parseExportOptions(argv: readonly string[]): { dir: string; options: ReportOptions } {
  const rest: string[] = [];
  let format: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--format') format = argv[++i];
    else if (arg === '--out') dir = argv[++i];
    else if (NOT_FOR_EXPORT.includes(arg)) throw new UsageError(`cs-kpi export takes no ${arg}.`);
    else rest.push(arg);
  }
  if (format !== 'parquet')
    throw new UsageError(`cs-kpi export writes --format parquet; got "${format ?? ''}".`);
  if (!dir) throw new UsageError('cs-kpi export --format parquet writes into a folder: give --out DIR.');
  const options = parseReportOptions([...rest, '--format', 'json']);
  const zone = options.settings.timeZone;
  const [file, own] = Object.entries(options.zones.chats ?? {}).find(([, z]) => z !== zone) ?? [];
  if (file !== undefined)
    throw new UsageError(
      `cs-kpi export reads every chat export in one zone, --tz ${zone}, as the views count days in one; ${file} was given ${own}. Export it in a run of its own with --tz ${own}.`,
    );
  return { dir, options: { ...options, engine: 'duckdb' } };
}

/** A word as a POSIX shell reads it back. */
const shellWord = (text: string) =>
  /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;

/**
 * The `cs-kpi sql` flags for the views over an export's rows: the split auto took and whether there
 * was an invitation column (which the canonical table cannot tell), then every setting not at its
 * default, so that the views compute what `cs-kpi report` computes from the same exports.
 */
export function sqlFlagsFor(parquet: ParquetExport, settings: Settings): string {
  const flags = [
    `--split ${parquet.split}`,
    ...(parquet.chats ? (parquet.invites ? [] : ['--no-invites']) : ['--no-chats']),
  ];
  if (parquet.orderColumns)
    flags.push(
      `--order-columns ${parquet.orderColumns.length === 0 ? 'none' : parquet.orderColumns.join(',')}`,
    );
  const records = (parquet.records ?? []).map((r) => r.table);
  if (records.length > 0) flags.push(`--records ${records.join(',')}`);
  if (parquet.refundColumns && parquet.refundColumns.length > 0)
    flags.push(`--refund-columns ${parquet.refundColumns.join(',')}`);
  for (const s of SETTINGS) {
    const value = settings[s.id];
    if (s.id === 'split' || JSON.stringify(value) === JSON.stringify(DEFAULT_SETTINGS[s.id])) continue;
    const texts = s.type.kind === 'list' ? (value as string[]) : [settingText(s.id, value)];
    for (const text of texts) flags.push(`${s.flag} ${shellWord(text)}`);
  }
  return flags.join(' ');
}
