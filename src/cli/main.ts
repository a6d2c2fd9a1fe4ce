import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { customFunctions } from '../core/customFunctions';
import { renderIndicatorsMarkdown, renderIndicatorsText } from '../core/engine/catalogText';
import { RatesError } from '../core/engine/currencies';
import { proposals, resolveSettings, SETTING_BY_ID, SettingsError } from '../core/engine/settings';
import { renderFunctionsMarkdown } from '../core/functions/functionsText';
import { renderDialectsMarkdown, renderFieldLines } from '../core/import/dialectsText';
import { KINDS, type Kind } from '../core/import/records';
import { ImportError, isRefusal } from '../core/import/warnings';
import { compareWithPrevious, type PreviousFigures } from '../core/payPeriod/previous';
import {
  PreviousPeriodError,
  previousFromReport,
  refuseSeveralPeriods,
} from '../core/payPeriod/previousReport';
import { TimeZoneError } from '../core/time/zone';
import { inspectFile, renderInspection } from './inspect';
import { parseReportOptions, UsageError } from './options';
import { progressLine } from './progress';
import {
  previousLines,
  renderTimings,
  stepTimer,
  TABLE_WIDTH,
  type Timing,
  timedWait,
  toCsv,
  toJson,
  toTable,
} from './render';
import { runReport } from './report';
import { renderSettingsText, settingsListing, settingsUsage } from './settingsCommand';
import { chooseEngine, EngineRefusal } from './sql/choice';
import { parseExportOptions, parseSqlOptions, sqlFlagsFor, sqlScript } from './sql/sqlCommand';
import { writeStreamedWorkbook } from './streamedWorkbook';
import { writeWorkbook } from './workbook';

/** Items on lines of at most 104 characters, each line indented. */
function wrap(items: readonly string[], indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && indent.length + line.length + 1 + item.length > 104) {
      lines.push(indent + line);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export const USAGE = `cs-kpi: customer-service KPIs (客服绩效) from chat and order exports

Usage:
  cs-kpi report --chats FILE [--orders FILE] [--ratings FILE] [--map FIELD=COLUMN ...]
                [--refunds FILE] [--complaints FILE] [--online FILE] [--issues FILE]
${wrap(settingsUsage(), '                ')}
                [--format json|table|csv|xlsx] [--out FILE] [--xlsx FILE] [--timings]
                [--previous REPORT.json]
                [--rates FILE]  orders in several currencies converted into one (a CSV with
                                currency,period,rate,to; without it, money figures per currency)
                [--engine js|duckdb|auto]
  cs-kpi inspect FILE [--json] [--kind chats|orders|ratings|…] [--tz ZONE] [--timings]
                       what the importer makes of an export: dialect, encoding, delimiter,
                       the mapping with confidences, sample records and every warning
  cs-kpi export --format parquet --out DIR [--chats FILE] [--orders FILE] [--ratings FILE]
                [--refunds FILE] [--complaints FILE] [--online FILE] [--issues FILE] [--map …]
                [setting flags]
                       the canonical tables the importer makes of the exports, as
                       DIR/messages.parquet, DIR/orders.parquet, DIR/ratings.parquet … for bq load
                       (docs/scale.md)
  cs-kpi sql --split id|day|gap [--dialect duckdb|bigquery] [--dataset NAME] [--no-invites|--no-chats]
             [--order-columns GIVES] [--records KINDS] [--refund-columns GIVES]
             [setting flags as for report]
                       the report's figures as SQL views over the canonical tables, for DuckDB
                       or BigQuery (docs/scale.md); --no-invites when the chat exports have no
                       rating-invitation column (邀评率 then empty), --no-chats when no chat
                       exports were given (the service figures then empty); --order-columns,
                       --records (ratings,refunds,complaints,online,issues) and --refund-columns
                       as cs-kpi export prints them
  cs-kpi indicators [--lang zh-CN|zh-TW|en] [--markdown]
                       every indicator with its definition
  cs-kpi settings [--json]
                       every setting: flag, default, allowed values, CS_INDICATORS key, sidebar
  cs-kpi dialects      the exports the importer recognizes, and the header names of each field
  cs-kpi functions [--markdown]
                       list the spreadsheet functions the add-on provides
  cs-kpi --help        this text

Exports of Taobao/Tmall, JD, 抖店, 拼多多, 快手, Shopee, Lazada, TikTok Shop, Amazon, AliExpress,
Shopify, Zendesk, eBay and Olist are recognized by their
headers (see cs-kpi inspect). Otherwise, canonical columns (cs-kpi dialects lists the header names
each goes by):
${renderFieldLines()}
--map FIELD=COLUMN names the column holding a field (chats.FIELD=COLUMN for one file only).
--timings prints how long reading and importing each file, computing and writing took.
--previous REPORT.json shows each figure's change since the period of that JSON report (this period −
that one; rates in percentage points), in every format, and the agents and settings that differ.
--engine duckdb computes in DuckDB (every export and indicator, the platform's figures too;
docs/scale.md); auto, the default, picks js, the faster, unless its memory would not hold the
exports (then duckdb, said on stderr; the figures are the same).
Times without an offset are read in --tz (default Asia/Shanghai); a file given as FILE@ZONE
(--orders us.csv@America/Los_Angeles), a shop in another market, is read in ZONE and its days counted there.
`;

/** What the command knows of where it writes: a terminal's width, and whether stderr is one. */
export interface Terminal {
  /** The columns of the terminal stdout goes to; none when piped (the table then fits 80). */
  columns?: number;
  stderrIsTerminal: boolean;
}

export async function run(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
  terminal: Terminal = { stderrIsTerminal: false },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h') {
      out(USAGE);
      return 0;
    }
    if (command === 'functions') {
      if (rest.includes('--markdown')) {
        out(renderFunctionsMarkdown());
        return 0;
      }
      for (const spec of Object.values(customFunctions)) {
        out(`${spec.name}(${spec.params.map((p) => p.name).join(', ')})  ${spec.summary.en}\n`);
      }
      return 0;
    }
    if (command === 'inspect') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          json: { type: 'boolean' },
          kind: { type: 'string' },
          tz: { type: 'string' },
          timings: { type: 'boolean' },
        },
      });
      const [path] = positionals;
      if (!path || positionals.length > 1) throw new UsageError('inspect takes one FILE.');
      if (values.kind && !KINDS.includes(values.kind as Kind)) {
        throw new UsageError(`--kind is one of ${KINDS.join(', ')}; got "${values.kind}".`);
      }
      const zone = resolveSettings(values.tz ? { timeZone: values.tz } : {}).timeZone;
      const timings: Timing[] = [];
      const inspection = await inspectFile(path, zone, values.kind as Kind | undefined, timings);
      out(values.json ? `${JSON.stringify(inspection, null, 2)}\n` : renderInspection(inspection));
      if (values.timings) err(renderTimings(timings));
      return 0;
    }
    if (command === 'settings') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
      out(values.json ? `${JSON.stringify(settingsListing(), null, 2)}\n` : renderSettingsText());
      return 0;
    }
    if (command === 'dialects') {
      out(renderDialectsMarkdown());
      return 0;
    }
    if (command === 'indicators') {
      const lang = rest[rest.indexOf('--lang') + 1];
      if (rest.includes('--markdown')) out(renderIndicatorsMarkdown());
      else if (rest.includes('--lang') && lang !== 'zh-CN' && lang !== 'zh-TW' && lang !== 'en') {
        throw new UsageError(`--lang is zh-CN, zh-TW or en; got "${lang ?? ''}".`);
      } else out(`${renderIndicatorsText((rest.includes('--lang') ? lang : 'zh-CN') as 'zh-CN')}\n`);
      return 0;
    }
    if (command === 'export') {
      const { dir, options } = parseExportOptions(rest);
      mkdirSync(dir, { recursive: true });
      const progress = progressLine(err, terminal.stderrIsTerminal);
      let result: Awaited<ReturnType<typeof runReport>>;
      try {
        result = await runReport(options, progress.step, dir);
      } finally {
        progress.clear();
      }
      const parquet = result.parquet as NonNullable<typeof result.parquet>;
      const { messages, duplicateMessages, internalMessages } = result.report.counts;
      const rows = messages + duplicateMessages + internalMessages;
      err(`cs-kpi: wrote ${parquet.file} (${rows.toLocaleString('en')} messages)\n`);
      if (parquet.orders)
        err(`cs-kpi: wrote ${parquet.orders.file} (${parquet.orders.rows.toLocaleString('en')} orders)\n`);
      for (const { table, file, rows } of parquet.records ?? [])
        err(
          `cs-kpi: wrote ${file} (${rows.toLocaleString('en')} ${table === 'online' ? 'online spans' : table})\n`,
        );
      for (const note of result.notes) err(`cs-kpi: note: ${note}\n`);
      err(
        `cs-kpi: the views over these rows, as cs-kpi report computes them: cs-kpi sql ${sqlFlagsFor(parquet, options.settings)} [--dialect bigquery --dataset PROJECT.DATASET] (docs/scale.md)\n`,
      );
      if (options.timings) err(renderTimings(result.timings));
      return 0;
    }
    if (command === 'sql') {
      out(sqlScript(parseSqlOptions(rest)));
      return 0;
    }
    if (command === 'report') {
      const options = parseReportOptions(rest);
      // A --previous file that is no report is refused before any export is read.
      const previous = options.previous === undefined ? undefined : readPrevious(options.previous);
      // auto's choice of DuckDB is said before the exports are read: a large month takes minutes.
      const choice = chooseEngine(options);
      if (choice.why) err(`cs-kpi: --engine auto: ${choice.why}\n`);
      const progress = progressLine(err, terminal.stderrIsTerminal);
      let result: Awaited<ReturnType<typeof runReport>>;
      try {
        result = await runReport({ ...options, engine: choice.engine }, progress.step).catch(
          async (error) => {
            // auto chose DuckDB by size, and DuckDB found it cannot compute this report once the exports
            // were read (a zone, an indicator it has no SQL for): the JS engine computes it.
            if (options.engine !== 'auto' || !(error instanceof EngineRefusal)) throw error;
            err(
              `cs-kpi: --engine auto: ${error.message.replace(/ Use --engine js[^.]*\.$/, '')} The JS engine computes it, reading the exports again.\n`,
            );
            return runReport({ ...options, engine: 'js' }, progress.step);
          },
        );
      } finally {
        progress.clear();
      }
      if (previous) {
        refuseSeveralPeriods(result.report.agents);
        result.change = compareWithPrevious(result.report, previous);
      }
      const refused = result.warnings.filter(isRefusal).length;
      const skipped = refused ? ` (${refused} row${refused === 1 ? '' : 's'} skipped)` : '';
      const writeBook = (path: string) =>
        timedWait(result.timings, 'write workbook', async () => {
          const { detail } = result;
          if (!detail) return writeWorkbook(result.report, path, previous);
          try {
            await writeStreamedWorkbook(result.report, path, detail.pages, previous);
          } finally {
            detail.close();
          }
        });
      if (options.format === 'xlsx') {
        await writeBook(options.out as string);
        err(`cs-kpi: wrote ${options.out}${skipped}\n`);
      } else {
        stepTimer(result.timings)(`write ${options.format}`, () => {
          const width = options.out ? TABLE_WIDTH : (terminal.columns ?? TABLE_WIDTH);
          const text =
            options.format === 'table'
              ? toTable(result, width)
              : { json: toJson, csv: toCsv }[options.format as 'json'](result);
          if (options.out) writeFileSync(options.out, text);
          else out(text);
        });
        if (options.out) err(`cs-kpi: wrote ${options.out}${skipped}\n`);
        if (options.xlsx) {
          const xlsx = options.xlsx;
          mkdirSync(dirname(xlsx), { recursive: true });
          await writeBook(xlsx);
          err(`cs-kpi: wrote ${xlsx}\n`);
        }
      }
      for (const note of result.notes) err(`cs-kpi: note: ${note}\n`);
      // The table says it below the figures; other formats on stderr, as the notes.
      if (result.change && options.format !== 'table')
        for (const line of previousLines(result.change)) err(`cs-kpi: note: ${line}\n`);
      for (const p of proposals(
        result.imports.map((i) => i.dialect),
        result.report.settings,
      ).filter((p) => !p.used)) {
        const flag = SETTING_BY_ID.get(p.setting)?.flag;
        err(
          `cs-kpi: note: ${p.platform.en} exports recognized: the platform usually uses ${flag} ${p.text} (${p.source}); proposed, not applied: give ${flag} ${p.text} to use it.\n`,
        );
      }
      if (options.timings) err(renderTimings(result.timings));
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    const known = [
      UsageError,
      ImportError,
      SettingsError,
      TimeZoneError,
      PreviousPeriodError,
      RatesError,
      EngineRefusal,
    ].some((kind) => error instanceof kind);
    const isArgs =
      error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (known || isArgs) {
      err(
        `cs-kpi: ${(error as Error).message}\n${error instanceof UsageError || isArgs ? `\n${USAGE}` : ''}`,
      );
      return 2;
    }
    err(`cs-kpi: ${(error as Error).message ?? error}\n`);
    return 1;
  }
}

/** The previous period's figures from the JSON report a --previous FILE names. */
function readPrevious(file: string): PreviousFigures {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PreviousPeriodError(
      `--previous ${file}: the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give the JSON report of the earlier period, as \`cs-kpi report --format json --out FILE\` writes it.`,
    );
  }
  return previousFromReport(text, file);
}

/** The command line as bin/cs-kpi.js runs it: arguments in, exit code out. */
export function main(argv: readonly string[]): Promise<number> {
  return run(
    argv,
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
    {
      stderrIsTerminal: process.stderr.isTTY === true,
      ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    },
  );
}
