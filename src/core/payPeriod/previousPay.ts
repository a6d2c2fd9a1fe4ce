import { type ScorecardPrevious, scorecardIndicators } from '../sheets/scorecard';
import type { SettingsBook } from '../sheets/settingsTab';
import { payLines } from './payLines';
import type { PreviousFigures } from './previous';

/**
 * What 绩效's change columns compare with. From 发放记录 (the add-on): the scores, total and pay each
 * agent was paid. From a JSON report (`--previous`), which keeps figures and no pay: its figures scored
 * by this 设置 with 绩效's arithmetic (payLines), so that the change is the work's, under one scheme.
 */
export function scorecardPrevious(previous: PreviousFigures, book: SettingsBook): ScorecardPrevious {
  const { period, closedAt } = previous;
  const head = { period, ...(closedAt ? { closedAt } : {}) };
  if (previous.rows.some((row) => row.pay))
    return {
      ...head,
      basis: 'paid',
      pay: new Map(previous.rows.flatMap((row) => (row.pay ? [[row.agent, row.pay] as const] : []))),
    };
  const ids = scorecardIndicators(book);
  const lines = payLines(
    previous.rows.map((row) => ({ ...row.figures, agent: row.agent })),
    book,
  );
  return {
    ...head,
    basis: 'scored',
    pay: new Map(
      lines.map((line) => [
        line.agent,
        {
          scheme: line.scheme,
          scores: Object.fromEntries(ids.map((id, k) => [id, line.items[k]?.score ?? null])),
          total: line.total,
          pay: line.pay,
        },
      ]),
    ),
  };
}
