import { INDICATORS, type Level } from '../../core/engine/catalog';
import type { Available, Source } from '../../core/engine/facts';
import { platformRule } from '../../core/engine/platform';
import type { Settings } from '../../core/engine/settings';
import { KINDS } from '../../core/import/records';
import { availableAt, exprCovered } from './views';

/** The exports the SQL views read so far; a report with any other is refused (use the JS engine). */
export const SQL_KINDS: ReadonlySet<string> = new Set(['chats']);

const LEVELS: readonly Level[] = ['agent', 'team', 'shop'];

/** What the views may read, from what the exports gave and the settings (as the JS engine works it out). */
export function sqlSources(available: Available, settings: Settings): Record<Source, boolean> {
  return {
    ...available,
    // No orders are computed in SQL yet (sqlRefusals refuses them): no attribution basis times.
    attributionTimes: false,
    afterSalesChatDays: settings.afterSalesChatDays > 0,
    platform: platformRule(settings.platform) !== null,
  };
}

/**
 * Why the SQL engine would not give the JS engine's figures for these inputs and settings: each
 * export kind it does not read yet, and each indicator that would have a value but has no SQL form.
 * Empty when it covers the report. A refusal, never a different number.
 */
export function sqlRefusals(settings: Settings, sources: Readonly<Record<Source, boolean>>): string[] {
  const reasons: string[] = [];
  const kinds = KINDS.filter((kind) => sources[kind] && !SQL_KINDS.has(kind));
  if (kinds.length > 0)
    return [
      `it reads only chat exports so far, and ${kinds.join(', ')} ${kinds.length === 1 ? 'was' : 'were'} given`,
    ];
  if (settings.afterSalesChatDays > 0 && sources.orders)
    reasons.push('after_sales_chat_days needs the orders, which it does not read yet');
  for (const indicator of INDICATORS) {
    const shown = LEVELS.some((level) => availableAt(indicator, level, sources));
    if (shown && (!indicator.expr || !exprCovered(indicator.expr)))
      reasons.push(`the indicator ${indicator.id} has no SQL form yet`);
  }
  return reasons;
}
