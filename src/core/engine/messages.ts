import type { Message, Order, Rating } from './model';
import type { Settings } from './settings';

/** Messages as the engine counts them: internal accounts gone, auto replies marked, duplicates dropped. */
export interface PreparedMessages {
  messages: Message[];
  duplicates: number;
  internal: number;
}

function dedupeKey(m: Message): string {
  return `${m.time}\u0001${m.agent}\u0001${m.customer}\u0001${m.from}\u0001${m.text}`;
}

export function prepareMessages(input: readonly Message[], settings: Settings): PreparedMessages {
  const internal = new Set(settings.internalAccounts);
  const seen = new Set<string>();
  const messages: Message[] = [];
  let duplicates = 0;
  let internalCount = 0;
  const { autoPrefixes, autoKeywords } = settings;
  for (const message of input) {
    if (internal.has(message.agent) || internal.has(message.customer)) {
      internalCount++;
      continue;
    }
    const key = dedupeKey(message);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const markedAuto =
      message.from === 'agent' &&
      !message.auto &&
      (autoPrefixes.some((p) => message.text.startsWith(p)) ||
        autoKeywords.some((k) => message.text.includes(k)));
    messages.push(markedAuto ? { ...message, auto: true } : message);
  }
  return { messages, duplicates, internal: internalCount };
}

/** One order per order ID: the first row wins (a later export of the same order repeats it). */
export function dedupeOrders(orders: readonly Order[]): { orders: Order[]; duplicates: number } {
  const seen = new Set<string>();
  const kept = orders.filter((o) => !seen.has(o.orderId) && seen.add(o.orderId));
  return { orders: kept, duplicates: orders.length - kept.length };
}

export function dedupeRatings(ratings: readonly Rating[]): { ratings: Rating[]; duplicates: number } {
  const seen = new Set<string>();
  const kept = ratings.filter((r) => {
    const key = `${r.time}\u0001${r.agent}\u0001${r.customer}\u0001${r.level}`;
    return !seen.has(key) && seen.add(key);
  });
  return { ratings: kept, duplicates: ratings.length - kept.length };
}
