import { INSTANT_REPLY_MS, SAME_TEXT_CONSULTATIONS } from '../engine/autoReplies';
import type { Available } from '../engine/facts';
import { matchProblem } from '../engine/matching';
import type { Report } from '../engine/report';
import type { ImportWarning } from '../import/warnings';

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
  | { kind: 'no-buyer-column'; files: readonly string[] }
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
    }
  /** Rows that could not be read and were left out of every figure, the first of them to find it by. */
  | { kind: 'rows-skipped'; rows: number; first: ImportWarning };

export type NoteKind = Note['kind'];

/** The notes of a report, in the order the front ends show them: skipped rows, matching, auto replies. */
export function notesOf(
  report: Report,
  available: Available,
  /** Every row skipped, in the order the exports were read. */
  warnings: readonly ImportWarning[],
  /** The order exports that have no buyer column. */
  ordersWithoutBuyer: readonly string[],
): Note[] {
  const notes: Note[] = [];
  const [first] = warnings;
  if (first) notes.push({ kind: 'rows-skipped', rows: warnings.length, first });
  const problem = matchProblem(report.counts, available);
  if (problem === 'no-buyer-column') notes.push({ kind: problem, files: ordersWithoutBuyer });
  if (problem === 'no-buyer-in-common')
    notes.push({ kind: problem, orders: report.counts.orders, windowDays: report.settings.windowDays });
  const suspected = report.counts.suspectedAutoReplies;
  if (suspected > 0)
    notes.push({
      kind: 'suspected-auto-replies',
      consultations: suspected,
      withinSeconds: INSTANT_REPLY_MS / 1000,
      sameTextConsultations: SAME_TEXT_CONSULTATIONS,
    });
  return notes;
}
