import { MessageColumnsBuilder } from '../core/engine/messageColumns';
import type { Message } from '../core/engine/model';
import type { ColumnMapping } from '../core/import/importer';
import type { Kind, RecordOf } from '../core/import/records';
import type { ImportWarning } from '../core/import/warnings';
import type { Note } from '../core/pipeline/notes';
import { type ExportRead, type KindRead, runPipeline } from '../core/pipeline/pipeline';
import type { ReportOptions } from './options';
import type { PartResult } from './parallelImport';
import { observedTimings } from './progress';
import { readExport } from './readExport';
import { type CliReport, type ImportSummary, stepTimer, type Timing, timedWait } from './render';

function mappingFor(kind: Kind, options: ReportOptions): ColumnMapping {
  const mapping: Record<string, string | string[]> = {};
  // A mapping given for all files applies where the column exists, else the field is mapped as usual.
  for (const [field, column] of Object.entries(options.mapping.all)) mapping[field] = [column, field];
  for (const [field, column] of Object.entries(options.mapping[kind])) mapping[field] = column;
  return mapping;
}

/**
 * How much of a large chat export this thread reads while a worker reads the rest: less than half,
 * since this thread reads the other files after it (docs/decisions.md, "a smaller first part").
 */
const FIRST_PART_SHARE = 0.42;

/** `onStep` hears of each step as it finishes (progress on a terminal). */
export async function runReport(
  options: ReportOptions,
  onStep: (timing: Timing) => void = () => undefined,
): Promise<CliReport> {
  const zone = options.settings.timeZone;
  const imports: ImportSummary[] = [];
  /** Each file's warnings, in the order the files are read (a file read in parts fills its list late). */
  const fileWarnings: ImportWarning[][] = [];
  const timings = observedTimings(onStep);
  const timed = stepTimer(timings);
  // Messages go straight into columns as they are read: a million message objects held until the
  // engine runs would cost more in garbage collection than the engine's own work.
  const messages = new MessageColumnsBuilder(options.settings);
  let messageCount = 0;
  const onMessage = (message: Message) => {
    messages.add(message);
    messageCount++;
  };
  /** The second part of the last chat export, still being read by a worker. */
  let pending: (() => Promise<void>) | null = null;
  const workers: { stop(): void }[] = [];
  const importOptions = (kind: Kind) => ({
    timeZone: zone,
    overrides: mappingFor(kind, options),
    ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
  });

  // The second part of a chat export, joined once the worker has read it.
  const joinLater =
    (second: Promise<PartResult>, summary: ImportSummary, ownWarnings: ImportWarning[]) => () =>
      timedWait(
        timings,
        `wait for ${summary.file} (second part)`,
        second.then(({ columns, warnings, rows, messages: read }) => {
          if (columns) messages.addRenumbered(columns);
          messageCount += read;
          for (const warning of warnings) ownWarnings.push(warning);
          summary.rows += rows;
          summary.records += read;
          summary.skipped += warnings.length;
        }),
      );

  /** Every file given for a kind, read and joined (messages into `messages`); null when none was given. */
  const load = async <K extends Kind>(kind: K): Promise<KindRead<RecordOf[K][]> | undefined> => {
    const paths = options.files[kind] ?? [];
    if (paths.length === 0) return undefined;
    const records: RecordOf[K][] = [];
    const exports: ExportRead[] = [];
    for (const path of paths) {
      // A chat file read in parts must be whole before the next chat file's messages come.
      if (kind === 'chats' && pending) {
        await pending();
        pending = null;
      }
      const messagesBefore = messageCount;
      const { result, encoding, parts, stop } = readExport(
        path,
        {
          kind,
          ...importOptions(kind),
          rules: options.settings,
          share: FIRST_PART_SHARE,
          ...(kind === 'chats' ? { onMessage } : {}),
        },
        timings,
      );
      workers.push({ stop });
      const ownWarnings = [...result.warnings];
      fileWarnings.push(ownWarnings);
      for (const record of result.records) records.push(record);
      exports.push({ file: result.file, mapped: result.mapped, warnings: ownWarnings });
      const summary: ImportSummary = {
        file: result.file,
        kind,
        dialect: result.dialect?.id ?? null,
        encoding,
        rows: result.rows,
        records: kind === 'chats' ? messageCount - messagesBefore : result.records.length,
        duplicateRows: result.duplicates,
        skipped: result.warnings.length,
      };
      imports.push(summary);
      // The worker renumbers its part into these names while this thread reads the other files.
      if (parts) pending = joinLater(parts.second(messages.names()), summary, ownWarnings);
    }
    return { records, exports };
  };
  const loadAll = async () => {
    const loaded = {
      chats: await load('chats'),
      orders: await load('orders'),
      ratings: await load('ratings'),
      refunds: await load('refunds'),
      complaints: await load('complaints'),
      online: await load('online'),
      issues: await load('issues'),
    };
    await (pending as (() => Promise<void>) | null)?.();
    return loaded;
  };
  let loaded: Awaited<ReturnType<typeof loadAll>>;
  try {
    loaded = await loadAll();
  } finally {
    // When a file cannot be read, the command stops now rather than when the worker is done.
    for (const worker of workers) worker.stop();
  }
  const warnings: ImportWarning[] = [];
  for (const list of fileWarnings) for (const warning of list) warnings.push(warning);
  const { chats, ...others } = loaded;
  const { report, notes } = timed('compute', () =>
    runPipeline(
      { ...others, ...(chats ? { chats: { records: messages.build(), exports: chats.exports } } : {}) },
      options.settings,
    ),
  );
  return {
    report,
    warnings,
    imports,
    timings,
    notes: notes.flatMap((note) => noteText(note) ?? []),
  };
}

/**
 * What the command says on stderr for a note of the pipeline; nothing for skipped rows, which the
 * table lists and the JSON carries (`warnings`), and the "wrote FILE (N rows skipped)" line counts.
 */
export function noteText(note: Note): string | null {
  switch (note.kind) {
    case 'rows-skipped':
      return null;
    case 'no-buyer-column': {
      const { files } = note;
      return `${files.join(', ')} name${files.length === 1 ? 's' : ''} no buyer: orders cannot be matched to chats, so conversion and what agents sold are empty. Map the buyer column with --map customer=COLUMN.`;
    }
    case 'no-buyer-in-common': {
      const { orders, windowDays } = note;
      return `no order was matched to a consultation in its ${windowDays}-day window (--window-days; ${orders.toLocaleString('en')} order${orders === 1 ? '' : 's'} read): conversion and what agents sold are 0. Check that the chat and order exports name buyers the same way (a nickname in one and an ID in the other never match).`;
    }
    case 'suspected-auto-replies': {
      const n = note.consultations;
      return `${n.toLocaleString('en')} consultation${n === 1 ? '' : 's'} got a reply within ${note.withinSeconds} s of a customer's message, with a text that at least ${note.sameTextConsultations} consultations got so: these look like auto replies. They count as an agent's replies, raising 30秒应答率 and lowering 首次响应时间 and 平均响应时间. Mark them: map the export's auto-reply column (--map auto=COLUMN), or give their first words with --auto-prefix TEXT or a word in them with --auto-keyword TEXT.`;
    }
  }
}
