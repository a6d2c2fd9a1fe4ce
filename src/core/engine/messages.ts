import type { Message } from './model';
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
