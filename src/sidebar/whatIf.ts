import type { PayWhatIfRow } from '../core/payPeriod/whatIf';
import type { Messages } from './messages';
import { callServer, errorText } from './serverCall';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`sidebar element #${id} is missing`);
  return element as T;
}

const money = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function change(row: PayWhatIfRow): string {
  if (row.payNow === null || row.payAfter === null) return row.payNow === row.payAfter ? '' : '—';
  const delta = Math.round((row.payAfter - row.payNow) * 100) / 100;
  return delta === 0 ? '' : `${delta > 0 ? '+' : ''}${money(delta)}`;
}

/**
 * The pay what-if of 按设置重新计算: a row per agent (pay now, after, change), then 应用 applies the
 * recompute and 取消 leaves everything as it is. Agents' and schemes' names come from the spreadsheet:
 * set as text, never as HTML.
 */
export async function showWhatIf(messages: Messages, onError: (error: unknown) => void) {
  const section = byId('what-if');
  section.hidden = false;
  const body = byId('what-if-rows');
  body.replaceChildren();
  const problem = byId('what-if-problem');
  const apply = byId<HTMLButtonElement>('what-if-apply');
  const cancel = byId<HTMLButtonElement>('what-if-cancel');
  const done = byId('what-if-done');
  done.textContent = '';
  try {
    const whatIf = await callServer('payWhatIf');
    problem.hidden = whatIf.problem === undefined;
    problem.textContent = whatIf.problem ?? '';
    apply.disabled = whatIf.problem !== undefined;
    for (const row of whatIf.rows) {
      const tr = document.createElement('tr');
      const schemes =
        row.schemeNow === row.schemeAfter ? '' : ` (${row.schemeNow || '—'} → ${row.schemeAfter || '—'})`;
      for (const text of [`${row.agent}${schemes}`, money(row.payNow), money(row.payAfter), change(row)]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      body.append(tr);
    }
  } catch (error) {
    onError(error);
    return;
  }
  apply.onclick = async () => {
    apply.disabled = true;
    cancel.disabled = true;
    try {
      const result = await callServer('applyRecompute');
      done.textContent = result.message;
    } catch (error) {
      done.textContent = errorText(error);
    } finally {
      cancel.disabled = false;
    }
  };
  cancel.onclick = () => {
    done.textContent = messages.whatIfCancelled;
    apply.disabled = true;
  };
}
