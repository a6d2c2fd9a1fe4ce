import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveSettings, SETTINGS, type Settings, settingFromText } from '../core/engine/settings';
import { fieldNames, type Kind } from '../core/import/fields';
import { assertTimeZone, TimeZoneError } from '../core/time/zone';

export class UsageError extends Error {}

export interface ReportOptions {
  /** Files per kind; several files of a kind (overlapping exports) are read together, duplicates once. */
  files: Partial<Record<Kind, string[]>>;
  /** The zone a file's times are read in, where given as FILE@ZONE (a shop in another market), by path. */
  zones: Partial<Record<Kind, Record<string, string>>>;
  /** Field → column, for all files (`time=created_at`) or one (`chats.time=created_at`). */
  mapping: Record<Kind | 'all', Record<string, string>>;
  settings: Settings;
  format: 'json' | 'table' | 'csv' | 'xlsx';
  out?: string;
  /** Also write the workbook here (the printed format stays as asked). */
  xlsx?: string;
  /** Replace buyer IDs with keyed hashes (also read from CS_KPI_PSEUDONYM_KEY). */
  pseudonymKey?: string;
  /** Print how long each step took (reading, importing each file, computing, writing) on stderr. */
  timings: boolean;
  /** The JSON report of the previous period: every format then shows the change since. */
  previous?: string;
  /** A rate table (currency,period,rate,to) converting orders of several currencies into one. */
  rates?: string;
  /** Which engine computes the figures: the JS engine, DuckDB (src/cli/sql), or the one that suits the input. */
  engine: 'js' | 'duckdb' | 'auto';
}

/** Every setting's flag, from the settings' description: a list's flag is given once per item. */
export function settingFlags(): Record<string, { type: 'string'; multiple?: boolean }> {
  return Object.fromEntries(
    SETTINGS.map((s) => [
      s.flag.slice(2),
      s.type.kind === 'list' ? { type: 'string', multiple: true } : { type: 'string' },
    ]),
  );
}

/** The settings given as flags, read and checked as the description says. */
export function settingsFromFlags(values: Record<string, unknown>): Settings {
  const overrides: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const given = values[s.flag.slice(2)];
    if (given === undefined) continue;
    overrides[s.id] = Array.isArray(given) ? given : settingFromText(s.id, given as string);
  }
  return resolveSettings(overrides as Partial<Settings>);
}

export function parseReportOptions(argv: readonly string[]): ReportOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      chats: { type: 'string', multiple: true },
      orders: { type: 'string', multiple: true },
      ratings: { type: 'string', multiple: true },
      refunds: { type: 'string', multiple: true },
      complaints: { type: 'string', multiple: true },
      online: { type: 'string', multiple: true },
      issues: { type: 'string', multiple: true },
      map: { type: 'string', multiple: true },
      ...settingFlags(),
      format: { type: 'string' },
      out: { type: 'string' },
      xlsx: { type: 'string' },
      pseudonymize: { type: 'string' },
      timings: { type: 'boolean' },
      previous: { type: 'string' },
      rates: { type: 'string' },
      engine: { type: 'string' },
    },
  });
  const kinds = ['chats', 'orders', 'ratings', 'refunds', 'complaints', 'online', 'issues'] as const;
  if (!kinds.some((kind) => values[kind]?.length)) {
    throw new UsageError(
      'give at least one of --chats FILE, --orders FILE, --ratings FILE (or --refunds, --complaints, --online, --issues).',
    );
  }
  const mapping = Object.fromEntries(['all', ...kinds].map((k) => [k, {}])) as ReportOptions['mapping'];
  for (const pair of values.map ?? []) {
    const match = /^(?:(chats|orders|ratings|refunds|complaints|online|issues)\.)?([a-z_]+)=(.+)$/.exec(pair);
    if (!match) throw new UsageError(`--map takes FIELD=COLUMN (or chats.FIELD=COLUMN); got "${pair}".`);
    const [, kind, field = '', column = ''] = match;
    const known = fieldNames(kind as Kind | undefined);
    if (!known.includes(field))
      throw new UsageError(
        `--map ${pair}: "${field}" is not a field of ${kind ?? 'any export'}; the fields are ${known.join(', ')}.`,
      );
    mapping[(kind as keyof ReportOptions['mapping']) ?? 'all'][field] = column;
  }
  const format = values.format ?? 'table';
  if (format !== 'json' && format !== 'table' && format !== 'csv' && format !== 'xlsx') {
    throw new UsageError(`--format is json, table, csv or xlsx; got "${format}".`);
  }
  const engine = values.engine ?? 'auto';
  if (engine !== 'js' && engine !== 'duckdb' && engine !== 'auto') {
    throw new UsageError(`--engine is js, duckdb or auto; got "${engine}".`);
  }
  if (format === 'xlsx' && !values.out) {
    throw new UsageError('--format xlsx writes a workbook: give --out FILE.xlsx.');
  }
  const zones: ReportOptions['zones'] = {};
  const files = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      values[kind]?.map((given) => {
        const { path, zone } = fileAndZone(given, `--${kind}`);
        const known = zones[kind]?.[path];
        if (known !== undefined && known !== zone)
          throw new UsageError(
            `--${kind} ${path} is given in two time zones (${known}, ${zone ?? 'none'}): give one.`,
          );
        if (zone !== null) zones[kind] = { ...zones[kind], [path]: zone };
        return path;
      }),
    ]),
  );
  return {
    files,
    zones,
    mapping,
    settings: settingsFromFlags(values),
    format,
    out: values.out,
    xlsx: values.xlsx,
    pseudonymKey: values.pseudonymize ?? process.env.CS_KPI_PSEUDONYM_KEY,
    timings: values.timings ?? false,
    ...(values.previous === undefined ? {} : { previous: values.previous }),
    ...(values.rates ? { rates: values.rates } : {}),
    engine,
  };
}

/**
 * `FILE@ZONE`: the file's times are read in ZONE (an IANA name), its shop's; `FILE` alone, in --tz.
 * The text after the last @ is a zone only if it names one; a file whose own name ends so (a@UTC) while
 * such a file exists reads two ways and is refused.
 */
export function fileAndZone(given: string, flag: string): { path: string; zone: string | null } {
  const at = given.lastIndexOf('@');
  if (at <= 0) return { path: given, zone: null };
  const path = given.slice(0, at);
  const zone = given.slice(at + 1);
  try {
    assertTimeZone(zone);
  } catch (error) {
    if (!(error instanceof TimeZoneError)) throw error;
    // Not a zone: the @ is the file's own, unless it reads like a mistyped zone of a file there is.
    if (existsSync(given) || !existsSync(path)) return { path: given, zone: null };
    throw new UsageError(
      `${flag} ${given}: "${zone}" is not a time zone; give an IANA name such as ${path}@Asia/Taipei.`,
    );
  }
  if (existsSync(given))
    throw new UsageError(
      `${flag} ${given} reads two ways: the file ${given}, or ${path} in the time zone ${zone}. Rename the file.`,
    );
  return { path, zone };
}
