import { parseArgs } from 'node:util';
import { parseHours, resolveSettings, type Settings } from '../core/engine/settings';
import { fieldNames, type Kind } from '../core/import/fields';

export class UsageError extends Error {}

export interface ReportOptions {
  /** Files per kind; several files of a kind (overlapping exports) are read together, duplicates once. */
  files: Partial<Record<Kind, string[]>>;
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
}

const whole = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} takes a whole number; got "${text}".`);
  return n;
};

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
      tz: { type: 'string' },
      split: { type: 'string' },
      'gap-minutes': { type: 'string' },
      'fast-reply-seconds': { type: 'string' },
      'window-days': { type: 'string' },
      attribution: { type: 'string' },
      basis: { type: 'string' },
      hours: { type: 'string' },
      period: { type: 'string' },
      'auto-prefix': { type: 'string', multiple: true },
      'auto-keyword': { type: 'string', multiple: true },
      internal: { type: 'string', multiple: true },
      'after-sales-days': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      xlsx: { type: 'string' },
      pseudonymize: { type: 'string' },
      timings: { type: 'boolean' },
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
  if (format === 'xlsx' && !values.out) {
    throw new UsageError('--format xlsx writes a workbook: give --out FILE.xlsx.');
  }
  const overrides: Partial<Settings> = {
    ...(values.tz && { timeZone: values.tz }),
    ...(values.split && { split: values.split as Settings['split'] }),
    ...(values.attribution && { attribution: values.attribution as Settings['attribution'] }),
    ...(values.basis && { basis: values.basis as Settings['basis'] }),
    ...(values.period && { period: values.period as Settings['period'] }),
    ...(values.hours && { assessmentHours: parseHours(values.hours) }),
    ...(values['auto-prefix'] && { autoPrefixes: values['auto-prefix'] }),
    ...(values['auto-keyword'] && { autoKeywords: values['auto-keyword'] }),
    ...(values.internal && { internalAccounts: values.internal }),
  };
  const numbers: [keyof Settings, string][] = [
    ['gapMinutes', 'gap-minutes'],
    ['fastReplySeconds', 'fast-reply-seconds'],
    ['windowDays', 'window-days'],
    ['afterSalesWindowDays', 'after-sales-days'],
  ];
  for (const [key, flag] of numbers) {
    const n = whole(flag, values[flag as keyof typeof values] as string | undefined);
    if (n !== undefined) (overrides as Record<string, unknown>)[key] = n;
  }
  return {
    files: Object.fromEntries(kinds.map((kind) => [kind, values[kind]])),
    mapping,
    settings: resolveSettings(overrides),
    format,
    out: values.out,
    xlsx: values.xlsx,
    pseudonymKey: values.pseudonymize ?? process.env.CS_KPI_PSEUDONYM_KEY,
    timings: values.timings ?? false,
  };
}
