import { hasEventTimes } from '../../core/engine/attribution';
import { INDICATORS, type Level } from '../../core/engine/catalog';
import type { Available, Source } from '../../core/engine/facts';
import { platformRule } from '../../core/engine/platform';
import type { Settings } from '../../core/engine/settings';
import { fieldsOf, type Given, type Kind } from '../../core/import/fields';
import { KINDS } from '../../core/import/records';
import { availableAt, exprCovered } from './views';

/** The exports the SQL views read so far; a report with any other is refused (use the JS engine). */
export const SQL_KINDS: ReadonlySet<string> = new Set([
  'chats',
  'orders',
  'ratings',
  'refunds',
  'complaints',
  'online',
  'issues',
]);

const LEVELS: readonly Level[] = ['agent', 'team', 'shop'];

/** What an export's columns can give (fields.ts), in the fields' order. */
const givesOf = (kind: Kind): readonly Given[] => [
  ...new Set(fieldsOf(kind).flatMap((f) => (f.gives === undefined ? [] : [f.gives as Given]))),
];

/** What an order export's columns can give: `--order-columns`' words. */
export const ORDER_GIVES = givesOf('orders');
/** What a refund export's columns can give: `--refund-columns`' words. */
export const REFUND_GIVES = givesOf('refunds');

/** What the views may read, from what the exports gave and the settings (as the JS engine works it out). */
export function sqlSources(available: Available, settings: Settings): Record<Source, boolean> {
  return {
    ...available,
    attributionTimes: hasEventTimes(settings.basis, available),
    afterSalesChatDays: settings.afterSalesChatDays > 0,
    platform: platformRule(settings.platform) !== null,
  };
}

/**
 * Why the SQL engine would not give the JS engine's figures for these inputs: each
 * export kind it does not read yet, and each indicator that would have a value but has no SQL form.
 * Empty when it covers the report. A refusal, never a different number.
 */
export function sqlRefusals(sources: Readonly<Record<Source, boolean>>): string[] {
  const reasons: string[] = [];
  const kinds = KINDS.filter((kind) => sources[kind] && !SQL_KINDS.has(kind));
  if (kinds.length > 0) return [`it does not read ${kinds.map((kind) => `${kind} exports`).join(', ')} yet`];
  for (const indicator of INDICATORS) {
    const shown = LEVELS.some((level) => availableAt(indicator, level, sources));
    if (shown && (!indicator.expr || !exprCovered(indicator.expr)))
      reasons.push(`the indicator ${indicator.id} has no SQL form yet`);
  }
  return reasons;
}
