import { INSTANT_REPLY_MS, SAME_TEXT_CONSULTATIONS } from '../core/engine/autoReplies';
import { type Available, availableFrom } from '../core/engine/facts';
import { matchProblem } from '../core/engine/matching';
import { MessageColumnsBuilder } from '../core/engine/messageColumns';
import type { Message } from '../core/engine/model';
import { computeReport, type Report } from '../core/engine/report';
import type { ColumnMapping } from '../core/import/importer';
import type { Kind, RecordOf } from '../core/import/records';
import type { ImportWarning } from '../core/import/warnings';
import type { ReportOptions } from './options';
import type { PartResult } from './parallelImport';
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

export async function runReport(options: ReportOptions): Promise<CliReport> {
  const zone = options.settings.timeZone;
  const imports: ImportSummary[] = [];
  /** Each file's warnings, in the order the files are read (a file read in parts fills its list late). */
  const fileWarnings: ImportWarning[][] = [];
  const timings: Timing[] = [];
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

  /** Order files without a buyer column: none of their orders can be matched to a chat. */
  const ordersWithoutBuyer: string[] = [];
  /** Every file given for a kind, read and joined (messages into `messages`); null when none was given. */
  const load = async <K extends Kind>(
    kind: K,
  ): Promise<{ records: RecordOf[K][]; mapped: Set<string> } | null> => {
    const paths = options.files[kind] ?? [];
    if (paths.length === 0) return null;
    const records: RecordOf[K][] = [];
    let mapped = null as Set<string> | null;
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
      if (kind === 'orders' && !result.mapped.has('customer')) ordersWithoutBuyer.push(result.file);
      // A field counts as present only if every file of the kind has it.
      const before: Set<string> | null = mapped;
      mapped =
        before === null
          ? new Set(result.mapped)
          : new Set([...before].filter((f: string) => result.mapped.has(f)));
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
    return { records, mapped: mapped ?? new Set() };
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
  const { chats, orders, ratings, refunds, complaints, online, issues } = loaded;
  const warnings: ImportWarning[] = [];
  for (const list of fileWarnings) for (const warning of list) warnings.push(warning);
  const available = availableFrom({
    chats: chats?.mapped,
    orders: orders?.mapped,
    ratings: ratings?.mapped,
    refunds: refunds?.mapped,
    complaints: complaints?.mapped,
    online: online?.mapped,
    issues: issues?.mapped,
  });
  const report = timed('compute', () =>
    computeReport(
      {
        messages: messages.build(),
        orders: orders?.records ?? [],
        ratings: ratings?.records ?? [],
        refunds: refunds?.records ?? [],
        complaints: complaints?.records ?? [],
        online: online?.records ?? [],
        issues: issues?.records ?? [],
        available,
        hasSessions: chats?.mapped.has('session') ?? false,
      },
      options.settings,
    ),
  );
  return {
    report,
    warnings,
    imports,
    timings,
    notes: [...matchNotes(report, available, ordersWithoutBuyer), ...autoReplyNotes(report)],
  };
}

/** What the command says on stderr when replies look like auto replies nothing marked. */
export function autoReplyNotes(report: Report): string[] {
  const n = report.counts.suspectedAutoReplies;
  if (n === 0) return [];
  return [
    `${n.toLocaleString('en')} consultation${n === 1 ? '' : 's'} got a reply within ${INSTANT_REPLY_MS / 1000} s of a customer's message, with a text that at least ${SAME_TEXT_CONSULTATIONS} consultations got so: these look like auto replies. They count as an agent's replies, raising 30秒应答率 and lowering 首次响应时间 and 平均响应时间. Mark them: map the export's auto-reply column (--map auto=COLUMN), or give their first words with --auto-prefix TEXT or a word in them with --auto-keyword TEXT.`,
  ];
}

/** What the command says on stderr when no order could be credited to a chat (see matchProblem). */
export function matchNotes(
  report: Report,
  available: Available,
  /** The order files that have no buyer column. */
  withoutBuyer: readonly string[],
): string[] {
  const problem = matchProblem(report.counts, available);
  if (problem === 'no-buyer-column') {
    return [
      `${withoutBuyer.join(', ')} name${withoutBuyer.length === 1 ? 's' : ''} no buyer: orders cannot be matched to chats, so conversion and what agents sold are empty. Map the buyer column with --map customer=COLUMN.`,
    ];
  }
  if (problem === 'no-buyer-in-common') {
    const orders = report.counts.orders;
    return [
      `no order was matched to a consultation in its ${report.settings.windowDays}-day window (--window-days; ${orders.toLocaleString('en')} order${orders === 1 ? '' : 's'} read): conversion and what agents sold are 0. Check that the chat and order exports name buyers the same way (a nickname in one and an ID in the other never match).`,
    ];
  }
  return [];
}
