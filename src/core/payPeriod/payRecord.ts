import { INDICATOR_BY_ID, indicatorName, type Language, type Naming } from '../engine/catalog';
import { idOfHeader, SCORECARD_WORDS } from '../sheets/scorecard';
import type { TabCell } from '../sheets/tabModel';
import { dayLabel, localDay } from '../time/zone';
import type { PayLine } from './payLines';
import type { PreviousPay } from './previous';

/**
 * 发放记录, the pay record: one row per agent and closed period, written once as values and never
 * rewritten by an import. Reopening a period marks its rows superseded (kept) and adds a row saying
 * who reopened it and why; closing it again adds new rows below.
 */
export const PAY_RECORD_TAB = '发放记录';

/** The description of 发放记录's warning-only protection (Data › Protect sheets and ranges lists it). */
export const RECORD_PROTECTION =
  '发放记录由「结算本期」「重新打开」写入，请勿手改；更正请用「申诉」并重新打开。Written by 结算本期 / 重新打开: do not edit by hand; correct through 申诉 and reopen.';

export const PAY_STATUS = {
  closed: '已结算 closed',
  superseded: '已作废 superseded',
  reopened: '重新打开 reopened',
} as const;

/** The fixed columns; each indicator of a scheme then adds its figure and its score, at the right. */
export const PAY_RECORD_HEADER = [
  '周期 period',
  '状态 status',
  '客服 agent',
  '方案 scheme',
  '加权得分 total',
  '满分 full marks',
  '绩效工资 pay',
  '结算时间 closed at',
  '数据起止 data from~to',
  '设置与方案 settings and scheme',
  '操作人 by',
  '说明 reason',
] as const;

const FIXED = PAY_RECORD_HEADER.length;
/** 0-based columns of the fixed part, by meaning. */
export const PAY_COLUMNS = {
  period: 0,
  status: 1,
  agent: 2,
  scheme: 3,
  total: 4,
  full: 5,
  pay: 6,
  at: 7,
  span: 8,
  summary: 9,
  by: 10,
  reason: 11,
} as const;

/** A mistake in 发放记录, said with the cell and what to do. */
export class PayRecordError extends Error {
  override name = 'PayRecordError';
}

/** A row of 发放记录 as read back. */
export interface PayRecordRow {
  /** 1-based row in the tab. */
  row: number;
  period: string;
  status: string;
  agent: string;
  scheme: string;
  total: number | null;
  full: number | null;
  pay: number | null;
  closedAt: string;
  span: string;
  by: string;
  reason: string;
  /** The figures by indicator id (null where the cell is blank). */
  figures: Record<string, number | null>;
  /** The scores by indicator id, from the column right of each figure (null where blank). */
  scores: Record<string, number | null>;
}

export interface PayRecord {
  /** The header as the tab has it (the fixed columns, then a figure and a score per indicator). */
  header: string[];
  rows: PayRecordRow[];
}

const text = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell).trim());
const numberOrNull = (cell: unknown) => (typeof cell === 'number' && Number.isFinite(cell) ? cell : null);

/** Reads 发放记录 (values as getValues gives them): refuses a header someone changed. */
export function readPayRecord(cells: readonly (readonly unknown[])[]): PayRecord {
  const [first = [], ...rest] = cells;
  const header = first.map(text);
  while (header.length > FIXED && header[header.length - 1] === '') header.pop();
  PAY_RECORD_HEADER.forEach((name, c) => {
    if (header[c] !== name)
      throw new PayRecordError(
        `发放记录 ${String.fromCharCode(65 + c)}1 应为「${name}」，未做改动。发放记录 ${String.fromCharCode(65 + c)}1 should read "${name}"; nothing was changed. Put the header back (Edit › Undo, or File › Version history).`,
      );
  });
  const figureColumns = new Map<number, string>();
  for (let c = FIXED; c < header.length; c += 2) {
    const id = idOfHeader(header[c])?.id;
    if (id) figureColumns.set(c, id);
  }
  const rows = rest.flatMap((line, i): PayRecordRow[] => {
    if (line.every((cell) => text(cell) === '')) return [];
    const figures: Record<string, number | null> = {};
    const scores: Record<string, number | null> = {};
    for (const [c, id] of figureColumns) {
      figures[id] = numberOrNull(line[c]);
      scores[id] = numberOrNull(line[c + 1]);
    }
    return [
      {
        row: i + 2,
        period: text(line[PAY_COLUMNS.period]),
        status: text(line[PAY_COLUMNS.status]),
        agent: text(line[PAY_COLUMNS.agent]),
        scheme: text(line[PAY_COLUMNS.scheme]),
        total: numberOrNull(line[PAY_COLUMNS.total]),
        full: numberOrNull(line[PAY_COLUMNS.full]),
        pay: numberOrNull(line[PAY_COLUMNS.pay]),
        closedAt: text(line[PAY_COLUMNS.at]),
        span: text(line[PAY_COLUMNS.span]),
        by: text(line[PAY_COLUMNS.by]),
        reason: text(line[PAY_COLUMNS.reason]),
        figures,
        scores,
      },
    ];
  });
  return { header, rows };
}

/** The rows that stand for a period's pay: closed and not superseded. */
export const closedRowsOf = (record: PayRecord, period: string) =>
  record.rows.filter((r) => r.period === period && r.status === PAY_STATUS.closed);

/** The periods that are closed now (closed rows not superseded), latest closed last. */
export function closedPeriods(record: PayRecord): { period: string; closedAt: string; span: string }[] {
  const seen = new Map<string, { period: string; closedAt: string; span: string }>();
  for (const r of record.rows)
    if (r.status === PAY_STATUS.closed)
      seen.set(r.period, { period: r.period, closedAt: r.closedAt, span: r.span });
  return [...seen.values()].sort((a, b) => a.closedAt.localeCompare(b.closedAt));
}

/** 'YYYY-MM-DD~YYYY-MM-DD' of the days the data covers. */
export interface DataSpan {
  from: string;
  to: string;
}

/**
 * The first and last day of a report's consultations, each on its shop's clock (the days 咨询明细
 * shows and dataSpan reads back): the span an import covers, for the previous closed period.
 */
export function consultationSpan(
  consultations: readonly { firstCustomerAt: number | null; zone: string }[],
): DataSpan | null {
  let from = '';
  let to = '';
  for (const c of consultations) {
    if (c.firstCustomerAt === null) continue;
    const day = dayLabel(localDay(c.zone, c.firstCustomerAt));
    if (from === '' || day < from) from = day;
    if (to === '' || day > to) to = day;
  }
  return from === '' ? null : { from, to };
}

export const spanText = (span: DataSpan | null) => (span ? `${span.from}~${span.to}` : '');

export function spanOf(text: string): DataSpan | null {
  const m = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  return m ? { from: m[1] as string, to: m[2] as string } : null;
}

/**
 * The name a period is proposed under: the month ('2024-03') when the data lies in one calendar
 * month, else its first and last day. The user may type another when closing.
 */
export function periodLabel(span: DataSpan | null): string {
  if (!span) return '';
  return span.from.slice(0, 7) === span.to.slice(0, 7) ? span.from.slice(0, 7) : spanText(span);
}

const overlaps = (a: DataSpan, b: DataSpan) => a.from <= b.to && b.from <= a.to;

/**
 * The closed period the data now in the tabs covers: the latest closed one whose data span overlaps
 * today's (an import of corrected exports for March covers closed March), or null.
 */
export function closedPeriodCovering(record: PayRecord, today: DataSpan | null) {
  if (!today) return null;
  const covering = closedPeriods(record).filter((p) => {
    const span = spanOf(p.span);
    return span !== null && overlaps(span, today);
  });
  return covering.at(-1) ?? null;
}

/** The header with a figure and a score column for every indicator of `ids` not in it yet. */
export function extendedHeader(
  header: readonly string[],
  ids: readonly string[],
  language: Language,
  naming?: Naming,
): string[] {
  const next = header.length >= FIXED ? [...header] : [...PAY_RECORD_HEADER];
  const present = new Set<string>();
  for (let c = FIXED; c < next.length; c += 2) present.add(String(next[c]));
  for (const id of ids) {
    const indicator = INDICATOR_BY_ID.get(id);
    const name = indicator ? indicatorName(indicator, language, naming) : id;
    if (present.has(name)) continue;
    next.push(name, `${name} ${SCORECARD_WORDS[language].score}`);
    present.add(name);
  }
  return next;
}

export interface CloseContext {
  period: string;
  closedAt: string;
  span: DataSpan | null;
  by: string;
  /** The summary of each scheme by name (schemeSummary). */
  summaries: ReadonlyMap<string, string>;
  language: Language;
  naming?: Naming;
}

/** The rows a close appends, under `header` (extendedHeader): values only. */
export function closeRows(
  lines: readonly PayLine[],
  ids: readonly string[],
  header: readonly string[],
  context: CloseContext,
): TabCell[][] {
  const columnOf = (id: string) => {
    const indicator = INDICATOR_BY_ID.get(id);
    const name = indicator ? indicatorName(indicator, context.language, context.naming) : id;
    return header.indexOf(name, FIXED);
  };
  return lines.map((line) => {
    const row: TabCell[] = Array.from({ length: header.length }, () => null);
    row[PAY_COLUMNS.period] = context.period;
    row[PAY_COLUMNS.status] = PAY_STATUS.closed;
    row[PAY_COLUMNS.agent] = line.agent;
    row[PAY_COLUMNS.scheme] = line.scheme;
    row[PAY_COLUMNS.total] = line.total;
    row[PAY_COLUMNS.full] = line.full;
    row[PAY_COLUMNS.pay] = line.pay;
    row[PAY_COLUMNS.at] = context.closedAt;
    row[PAY_COLUMNS.span] = spanText(context.span);
    row[PAY_COLUMNS.summary] = context.summaries.get(line.scheme) ?? '';
    row[PAY_COLUMNS.by] = context.by;
    line.items.forEach((item, k) => {
      if (!item) return;
      const c = columnOf(ids[k] as string);
      if (c < 0) return;
      row[c] = item.figure;
      row[c + 1] = item.score;
    });
    return row;
  });
}

/** The row a reopen appends: which period, when, by whom and why. */
export function reopenRow(period: string, at: string, by: string, reason: string, width: number): TabCell[] {
  const row: TabCell[] = Array.from({ length: width }, () => null);
  row[PAY_COLUMNS.period] = period;
  row[PAY_COLUMNS.status] = PAY_STATUS.reopened;
  row[PAY_COLUMNS.at] = at;
  row[PAY_COLUMNS.by] = by;
  row[PAY_COLUMNS.reason] = reason;
  return row;
}

/** Number formats of 发放记录's columns: names as plain text, so "=小美" or "0012" stay as written. */
export function payRecordFormats(width: number): string[] {
  return Array.from({ length: width }, (_, c) => {
    if (c === PAY_COLUMNS.pay) return '#,##0.00';
    if (c === PAY_COLUMNS.total || c === PAY_COLUMNS.full || c >= FIXED) return 'General';
    return '@';
  });
}

const shown = (n: number | null) => (n === null ? '—' : String(Number(n.toPrecision(10))));
const signed = (n: number) => (n > 0 ? `+${shown(n)}` : shown(n));
const TOLERANCE = 1e-9;

/** Where today's figures and pay differ from a closed period's rows: one line per difference. */
export function differences(
  closed: readonly PayRecordRow[],
  today: readonly PayLine[],
  ids: readonly string[],
  language: Language,
  naming?: Naming,
): string[] {
  const lines: string[] = [];
  const name = (id: string) => {
    const indicator = INDICATOR_BY_ID.get(id);
    return indicator ? indicatorName(indicator, language, naming) : id;
  };
  const todayByAgent = new Map(today.map((line) => [line.agent, line]));
  for (const row of closed) {
    const now = todayByAgent.get(row.agent);
    if (!now) {
      lines.push(`${row.agent}: 今日数据中没有 not in today's figures`);
      continue;
    }
    ids.forEach((id, k) => {
      if (!(id in row.figures) || !now.items[k]) return;
      const before = row.figures[id] ?? null;
      const after = now.items[k]?.figure ?? null;
      if (before === after || (before !== null && after !== null && Math.abs(before - after) <= TOLERANCE))
        return;
      const delta = before !== null && after !== null ? ` (${signed(after - before)})` : '';
      lines.push(`${row.agent} ${name(id)}: ${shown(before)} → ${shown(after)}${delta}`);
    });
    const before = row.pay;
    const after = now.pay;
    if (!(before === after || (before !== null && after !== null && Math.abs(before - after) <= 0.005))) {
      const delta =
        before !== null && after !== null ? ` (${signed(Math.round((after - before) * 100) / 100)})` : '';
      lines.push(`${row.agent} 绩效工资 pay: ${shown(before)} → ${shown(after)}${delta}`);
    }
  }
  const closedAgents = new Set(closed.map((r) => r.agent));
  for (const line of today)
    if (!closedAgents.has(line.agent)) lines.push(`${line.agent}: 结算时没有 not in the closed pay run`);
  return lines;
}

/** Words every period note starts with: how the add-on recognizes (and replaces) its own note. */
export const PERIOD_NOTE_MARK = '【发放记录 pay record】';

/** The note on 绩效 and the indicator tabs while today's data covers a closed period. */
export function closedPeriodNote(
  period: { period: string; closedAt: string },
  diffs: readonly string[],
  limit = 30,
): string {
  const head = `${PERIOD_NOTE_MARK}周期 ${period.period} 已于 ${period.closedAt} 结算；发放记录中的数字不随导入改变。Period ${period.period} was closed at ${period.closedAt}; its rows in ${PAY_RECORD_TAB} do not change with imports.`;
  if (diffs.length === 0) return `${head}\n今日数字与结算时相同。Today's figures equal the closed ones.`;
  const shownDiffs = diffs.slice(0, limit);
  const more =
    diffs.length > limit ? `\n… 另有 ${diffs.length - limit} 处 and ${diffs.length - limit} more` : '';
  return `${head}\n今日数字与结算时不同（${diffs.length} 处），结算后的变化 today's figures differ from the closed ones (${diffs.length}):\n${shownDiffs.join('\n')}${more}`;
}

/** The figures of a closed period as the change since the previous period reads them. */
export interface ClosedFigures {
  period: string;
  /** When it was closed: local time in ISO 8601 (2024-04-02T10:00:00). */
  closedAt: string;
  rows: { agent: string; figures: Record<string, number | null>; pay: PreviousPay }[];
}

/**
 * The previous period of data covering `today`: the closed (not superseded) period whose data ends
 * last before today's begins, with each agent's closed figures; null when there is none.
 */
export function previousClosedFigures(record: PayRecord, today: DataSpan | null): ClosedFigures | null {
  if (!today) return null;
  const before = closedPeriods(record)
    .map((p) => ({ ...p, days: spanOf(p.span) }))
    .filter((p) => p.days !== null && (p.days as DataSpan).to < today.from)
    .sort(
      (a, b) =>
        (a.days as DataSpan).to.localeCompare((b.days as DataSpan).to) ||
        a.closedAt.localeCompare(b.closedAt),
    );
  const previous = before.at(-1);
  if (!previous) return null;
  return {
    period: previous.period,
    closedAt: previous.closedAt.replace(' ', 'T'),
    rows: closedRowsOf(record, previous.period).map((row) => ({
      agent: row.agent,
      figures: { ...row.figures },
      pay: { scheme: row.scheme, scores: { ...row.scores }, total: row.total, pay: row.pay },
    })),
  };
}
