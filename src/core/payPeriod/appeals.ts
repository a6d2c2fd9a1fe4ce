import type { Row } from '../engine/report';

/**
 * 申诉, the appeals tab: where a manager records an agent's dispute of a figure and the decision.
 * The only way a figure is changed by hand: 绩效 reads the accepted ones through its formulas, a
 * close applies them, an import never touches the tab.
 */
export const APPEALS_TAB = '申诉';

export const APPEALS_HEADER = [
  '客服 agent',
  '周期 period',
  '指标 indicator',
  '申诉内容 claim',
  '决定 decision',
  '更正数字 corrected figure',
  '日期 date',
] as const;

export const DECISIONS = { accepted: '接受 accepted', rejected: '驳回 rejected' } as const;

/** The rows 绩效's formulas look at (2 to APPEALS_ROWS): the tab is made that tall. */
export const APPEALS_ROWS = 1000;

/** 1-based columns, by meaning: what 绩效's formulas and the reader point at. */
export const APPEAL_COLUMNS = {
  agent: 'A',
  period: 'B',
  indicator: 'C',
  decision: 'E',
  figure: 'F',
} as const;

export interface Appeal {
  /** 1-based row in 申诉. */
  row: number;
  agent: string;
  period: string;
  /** The indicator as 绩效 heads it (30秒应答率), as the manager picked it. */
  indicator: string;
  decision: string;
  figure: unknown;
}

/** A mistake in 申诉 that would make a figure ambiguous, with the rows to fix. */
export class AppealsError extends Error {
  override name = 'AppealsError';
}

const text = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** 申诉's rows as getValues gives them (header first). */
export function readAppeals(cells: readonly (readonly unknown[])[]): Appeal[] {
  return cells.slice(1).flatMap((line, i) => {
    if (line.every((cell) => text(cell) === '')) return [];
    return [
      {
        row: i + 2,
        agent: String(line[0] ?? ''),
        period: text(line[1]),
        indicator: text(line[2]),
        decision: text(line[4]),
        figure: line[5],
      },
    ];
  });
}

/**
 * The agents' figures with the accepted appeals of `period` applied: the corrected figure replaces
 * the figure of that agent and indicator (named as 绩效 heads it: `nameOf`). Rejected or undecided
 * appeals change nothing. Two accepted appeals of the same figure, or one without a number, are
 * refused: 绩效 shows #N/A for them too.
 */
export function withAcceptedAppeals(
  agents: readonly Row[],
  appeals: readonly Appeal[],
  period: string,
  nameOf: (id: string) => string,
  ids: readonly string[],
): Row[] {
  const accepted = appeals.filter((a) => a.decision === DECISIONS.accepted && a.period === period);
  const problems: string[] = [];
  const rows = agents.map((agent) => {
    const mine = accepted.filter((a) => a.agent === String(agent.agent));
    if (mine.length === 0) return agent;
    const row: Row = { ...agent };
    for (const id of ids) {
      const found = mine.filter((a) => a.indicator === nameOf(id));
      if (found.length === 0) continue;
      const figure = found[0]?.figure;
      if (found.length > 1)
        problems.push(
          `申诉 rows ${found.map((a) => a.row).join(', ')}: ${agent.agent} ${nameOf(id)} ${period} 有 ${found.length} 条已接受的申诉 has ${found.length} accepted appeals; keep one.`,
        );
      else if (typeof figure !== 'number' || !Number.isFinite(figure))
        problems.push(
          `申诉 F${found[0]?.row}: "${text(figure)}" 不是数字 is not a number; write the corrected figure (0.85 or 85% for a rate).`,
        );
      else row[id] = figure;
    }
    return row;
  });
  if (problems.length > 0) throw new AppealsError(problems.join('\n'));
  return rows;
}

/**
 * The periods an appeal may name: the one the data in the tabs covers (as 绩效 matches it), then
 * every period of 发放记录, latest first. What 申诉's period dropdown offers.
 */
export function knownPeriods(dataPeriod: string, recordPeriods: readonly string[]): string[] {
  const known = dataPeriod === '' ? [] : [dataPeriod];
  for (const period of [...recordPeriods].reverse())
    if (period !== '' && !known.includes(period)) known.push(period);
  return known;
}

/**
 * The accepted appeals that name no known period (typed by hand, "2024年3月" for 2024-03, or left
 * empty): 绩效 and a close would pass them by without a word, so each is said with its row.
 */
export function strayAppeals(appeals: readonly Appeal[], known: readonly string[]): string[] {
  const list = known.length === 0 ? '—' : known.join(', ');
  return appeals
    .filter((a) => a.decision === DECISIONS.accepted && !known.includes(a.period))
    .map(
      (a) =>
        `申诉 ${APPEAL_COLUMNS.period}${a.row}: 周期「${a.period}」不是已知周期（${list}），这条已接受的申诉不会生效。Period "${a.period}" is no known period (${list}): this accepted appeal applies nowhere; pick its period from the list, or clear the decision.`,
    );
}
