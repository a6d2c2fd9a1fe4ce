import { AFTER_SALES_LOOK_BACK_DAYS } from '../engine/afterSalesChats';
import { INSTANT_REPLY_MS, SAME_TEXT_CONSULTATIONS } from '../engine/autoReplies';
import type { Available } from '../engine/facts';
import { matchProblem } from '../engine/matching';
import type { Report, Row } from '../engine/report';
import type { OrderGaps } from '../import/tableReader';
import { type ImportWarning, isRefusal } from '../import/warnings';

/**
 * What the reader should know to read the figures right, that the figures cannot say themselves.
 * Made once by the pipeline, as values; each front end words them in its language and shows them
 * (the command line on stderr, the sidebar under the links, CS_INDICATORS as the table's last rows).
 */
export type Note =
  /**
   * Order exports without a buyer column: no order can be matched to a chat, so conversion and what
   * agents sold are empty (not 0).
   */
  | {
      kind: 'no-buyer-column';
      files: readonly string[];
      /** Of them, the exports that name no buyer at all (Amazon's All Orders report), by file. */
      noBuyer?: readonly { file: string; export: string }[];
    }
  /**
   * Order exports that leave unread what their money rests on. `noPayment`: neither a payment time nor
   * a status is read, so no order is known to be paid and sales, the payment rate and all that rests
   * on them are empty (for every order export: a figure rests on all of them). `noAmount`: no amount
   * is read, so every money figure is empty. `statusColumn`: a column that says it is the orders'
   * status is not read (nor known to the recognized export), so an order cancelled after its payment
   * would count as a sale.
   */
  | {
      kind: 'money-unread';
      exports: readonly {
        file: string;
        noPayment: boolean;
        noAmount: boolean;
        statusColumn: string | null;
      }[];
    }
  /**
   * No order matched a consultation within the window, though both were read: conversion and what
   * agents sold are 0, which reads as a fact about the agents; likely the exports name buyers
   * differently (a nickname in one, an ID in the other).
   */
  | { kind: 'no-buyer-in-common'; orders: number; windowDays: number }
  /**
   * Consultations that got an instant reply with a text many consultations got so: auto replies
   * nothing marked, counted as the agents' (see autoReplies.ts).
   */
  | {
      kind: 'suspected-auto-replies';
      consultations: number;
      withinSeconds: number;
      sameTextConsultations: number;
      /** The fast-reply setting, which names the rate they raise (30秒应答率, 3分钟应答率). */
      fastReplySeconds: number;
    }
  /**
   * Rows that could not be read and were left out of every figure: how many, the first of them to find
   * it by, and the first LISTED_ROWS of them (file, row, column, reason) for the front ends to list.
   */
  | { kind: 'rows-skipped'; rows: number; first: ImportWarning; listed: readonly ImportWarning[] }
  /** Rows that were read and counted, with a caution (an order's rows that disagree): never "skipped". */
  | { kind: 'rows-cautioned'; rows: number; listed: readonly ImportWarning[] }
  /** Exports with a header row and no data rows: nothing of them is in any figure. */
  | { kind: 'no-rows'; files: readonly string[] }
  /**
   * Rows refused for a time more than a day after the run's clock (`now`, epoch ms): a date the export
   * or the importer got wrong (a year typed 2099, a day and month swapped), never a real event.
   */
  | { kind: 'future-times'; rows: number; first: ImportWarning; now: number }
  /**
   * Figures over fewer cases than min_sample (SPEC §6): shown, flagged in each row's low_sample, greyed
   * with a note in the tabs. Each row with any, by its label (an agent, 团队/店铺 as `team`/`shop`).
   */
  | { kind: 'low-sample'; minSample: number; rows: readonly LowSampleRow[] }
  /**
   * With after_sales_chat_days off: consultations of customers who had paid an order in the
   * `lookBackDays` days before and bought nothing new in the window, counted as inquiries that did
   * not convert, of customers who asked that agent nothing else (lowering the agent's 询单转化率); the setting counts them as after-sales consultations instead.
   */
  | { kind: 'after-sales-as-inquiries'; consultations: number; lookBackDays: number }
  /**
   * platform_response_rate counts the platform's window (Shopee 90 days…) and the chats cover fewer
   * days: the figure may differ from the one the platform shows.
   */
  | { kind: 'platform-window-short'; platform: string; windowDays: number; dataDays: number };

export type NoteKind = Note['kind'];

/** A row with low-sample figures: an agent's (its name), or the team's or the shop's; its period if any. */
export interface LowSampleRow {
  who: string;
  level: 'agent' | 'team' | 'shop';
  period?: string;
  ids: readonly string[];
}

/** Every row of the report with a low-sample figure, agents first, then team and shop by period. */
export function lowSampleRows(report: Report): LowSampleRow[] {
  const rowsOf = (level: LowSampleRow['level'], rows: readonly Row[]): LowSampleRow[] =>
    rows.flatMap((row) =>
      (row.low_sample ?? []).length === 0
        ? []
        : [
            {
              who: level === 'agent' ? String(row.agent) : level,
              level,
              ...(row.period === undefined ? {} : { period: String(row.period) }),
              ids: row.low_sample ?? [],
            },
          ],
    );
  return [
    ...rowsOf('agent', report.agents),
    ...rowsOf('team', [report.team, ...(report.teamByPeriod ?? [])]),
    ...rowsOf('shop', [report.shop, ...(report.shopByPeriod ?? [])]),
  ];
}

/** How many refused (and cautioned) rows a note lists; the command's JSON and `inspect` list them all. */
export const LISTED_ROWS = 20;

/**
 * The notes of a report, in the order the front ends show them: empty exports, skipped rows (those of
 * low samples, empty exports, skipped rows (those of a future time again on their own), cautions,
 * matching, auto replies, after-sales consultations counted as inquiries.
 */
export function notesOf(
  report: Report,
  available: Available,
  /** Every warning, in the order the exports were read. */
  warnings: readonly ImportWarning[],
  /** The order exports that have no buyer column. */
  ordersWithoutBuyer: readonly string[],
  /** The exports that have a header and no data rows. */
  emptyExports: readonly string[] = [],
  /** The run's clock, epoch ms, as the importer compared times with it. */
  now: number = Date.now(),
  /** What each order export leaves unread that money figures rest on (tableReader.ts OrderGaps). */
  orderGaps: readonly ({ file: string } & OrderGaps)[] = [],
): Note[] {
  const notes: Note[] = [];
  // First: it is about the figures themselves, the rows just above it in CS_INDICATORS.
  const lowSample = lowSampleRows(report);
  if (lowSample.length > 0)
    notes.push({ kind: 'low-sample', minSample: report.settings.minSample, rows: lowSample });
  if (emptyExports.length > 0) notes.push({ kind: 'no-rows', files: emptyExports });
  const refused = warnings.filter(isRefusal);
  const [first] = refused;
  if (first)
    notes.push({ kind: 'rows-skipped', rows: refused.length, first, listed: refused.slice(0, LISTED_ROWS) });
  const future = refused.filter((w) => w.code === 'future-time');
  if (future[0]) notes.push({ kind: 'future-times', rows: future.length, first: future[0], now });
  const cautions = warnings.filter((w) => !isRefusal(w));
  if (cautions.length > 0)
    notes.push({ kind: 'rows-cautioned', rows: cautions.length, listed: cautions.slice(0, LISTED_ROWS) });
  const unread = orderGaps.filter((g) => g.noPayment || g.noAmount || g.statusColumn !== undefined);
  if (unread.length > 0)
    notes.push({
      kind: 'money-unread',
      exports: unread.map((g) => ({
        file: g.file,
        noPayment: g.noPayment === true,
        noAmount: g.noAmount === true,
        statusColumn: g.statusColumn ?? null,
      })),
    });
  const problem = matchProblem(report.counts, available);
  const noBuyer = orderGaps.flatMap((g) => (g.noBuyer ? [{ file: g.file, export: g.noBuyer }] : []));
  if (problem === 'no-buyer-column')
    notes.push({ kind: problem, files: ordersWithoutBuyer, ...(noBuyer.length > 0 ? { noBuyer } : {}) });
  if (problem === 'no-buyer-in-common')
    notes.push({ kind: problem, orders: report.counts.orders, windowDays: report.settings.windowDays });
  const suspected = report.counts.suspectedAutoReplies;
  if (suspected > 0)
    notes.push({
      kind: 'suspected-auto-replies',
      consultations: suspected,
      withinSeconds: INSTANT_REPLY_MS / 1000,
      sameTextConsultations: SAME_TEXT_CONSULTATIONS,
      fastReplySeconds: report.settings.fastReplySeconds,
    });
  const afterSales = report.counts.afterSalesNotSeparated;
  if (afterSales > 0)
    notes.push({
      kind: 'after-sales-as-inquiries',
      consultations: afterSales,
      lookBackDays: AFTER_SALES_LOOK_BACK_DAYS,
    });
  const platform = report.platformWindow;
  if (platform && platform.windowDays !== null && platform.dataDays < platform.windowDays)
    notes.push({
      kind: 'platform-window-short',
      platform: platform.platform,
      windowDays: platform.windowDays,
      dataDays: platform.dataDays,
    });
  return notes;
}
