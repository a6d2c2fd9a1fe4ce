import { SCORECARD_WORDS } from '../sheets/scorecard';
import type { PayLine } from './payLines';

/** An agent's pay as 绩效 shows it now, and as 按设置重新计算 would make it from the edited 设置. */
export interface PayWhatIfRow {
  agent: string;
  schemeNow: string;
  /** What 绩效 shows (null: no pay there, or no such agent in 绩效 yet). */
  payNow: number | null;
  schemeAfter: string;
  payAfter: number | null;
}

const PAY_HEADERS = new Set(Object.values(SCORECARD_WORDS).map((words) => words.totals[2]));

/**
 * Pairs 绩效 as it shows now (its values, header first) with the pay a recompute gives: one row per
 * agent of either, in 绩效's order then the new ones.
 */
export function payWhatIf(card: readonly (readonly unknown[])[], after: readonly PayLine[]): PayWhatIfRow[] {
  const [header = [], ...rows] = card;
  const payColumn = header.findIndex((cell) => PAY_HEADERS.has(String(cell)));
  const now = new Map<string, { scheme: string; pay: number | null }>();
  for (const row of rows) {
    const agent = String(row[0] ?? '');
    if (agent === '') continue;
    const pay = payColumn >= 0 ? row[payColumn] : null;
    now.set(agent, {
      scheme: String(row[1] ?? ''),
      pay: typeof pay === 'number' && Number.isFinite(pay) ? pay : null,
    });
  }
  const afterByAgent = new Map(after.map((line) => [line.agent, line]));
  const agents = [...now.keys(), ...after.map((line) => line.agent).filter((agent) => !now.has(agent))];
  return agents.map((agent) => ({
    agent,
    schemeNow: now.get(agent)?.scheme ?? '',
    payNow: now.get(agent)?.pay ?? null,
    schemeAfter: afterByAgent.get(agent)?.scheme ?? '',
    payAfter: afterByAgent.get(agent)?.pay ?? null,
  }));
}
