import { describe, expect, it } from 'vitest';
import { msg, report } from '../../../test/helpers/engineRecords';
import { SAME_TEXT_CONSULTATIONS } from './autoReplies';
import type { Message } from './model';

/**
 * `customers` customers each write once and get `reply` back `afterSeconds` later (one a minute, so
 * that no two conversations overlap).
 */
function answered(customers: number, afterSeconds: number, reply: Partial<Message>): Message[] {
  const messages: Message[] = [];
  for (let n = 0; n < customers; n++) {
    const minute = String(n % 60).padStart(2, '0');
    const hour = String(10 + Math.floor(n / 60)).padStart(2, '0');
    const seconds = String(afterSeconds).padStart(2, '0');
    messages.push(msg(`2024-03-01 ${hour}:${minute}:00`, '小美', `buyer${n}`, 'customer', { text: '在吗' }));
    messages.push(msg(`2024-03-01 ${hour}:${minute}:${seconds}`, '小美', `buyer${n}`, 'agent', reply));
  }
  return messages;
}

const suspected = (messages: Message[], settings = {}) =>
  report({ messages }, settings).counts.suspectedAutoReplies;

describe('suspectedAutoReplies', () => {
  it('counts consultations whose first reply came within a second, a text that many got so', () => {
    const messages = answered(SAME_TEXT_CONSULTATIONS, 1, { text: '亲，在的' });
    expect(suspected(messages)).toBe(SAME_TEXT_CONSULTATIONS);
    // The fast reply rate is what they inflate: every consultation counts as answered in time.
    expect(report({ messages }).team.fast_reply_rate).toBe(1);
  });

  it('says nothing of a text fewer consultations got, of a reply two seconds later, or of texts that differ', () => {
    expect(suspected(answered(SAME_TEXT_CONSULTATIONS - 1, 0, { text: '亲，在的' }))).toBe(0);
    expect(suspected(answered(SAME_TEXT_CONSULTATIONS, 2, { text: '亲，在的' }))).toBe(0);
    const different = answered(SAME_TEXT_CONSULTATIONS, 1, {}).map((m, n) =>
      m.from === 'agent' ? { ...m, text: `回复 ${n}` } : m,
    );
    expect(suspected(different)).toBe(0);
  });

  it('counts a reply within a second later in the conversation too, which shortens the average response', () => {
    // An agent answers in 20 s; the customer writes again and a bot answers the second message at once.
    const messages = answered(SAME_TEXT_CONSULTATIONS, 20, { text: '有货的' }).flatMap((reply) =>
      reply.from === 'agent'
        ? [
            reply,
            { ...reply, from: 'customer' as const, time: reply.time + 60_000, text: '发什么快递' },
            { ...reply, time: reply.time + 60_000, text: '亲，客服正忙，请稍等' },
          ]
        : [reply],
    );
    expect(suspected(messages)).toBe(SAME_TEXT_CONSULTATIONS);
    expect(report({ messages }).team.avg_response_s).toBe(10);
    const marked = messages.map((m) => (m.text === '亲，客服正忙，请稍等' ? { ...m, auto: true } : m));
    expect(suspected(marked)).toBe(0);
    expect(report({ messages: marked }).team.avg_response_s).toBe(20);
  });

  it('says nothing of replies without a text (no text column): every one would be "the same text"', () => {
    expect(suspected(answered(SAME_TEXT_CONSULTATIONS, 0, { text: '' }))).toBe(0);
  });

  it('says nothing once the replies are marked, by the export or by a prefix in the settings', () => {
    expect(suspected(answered(SAME_TEXT_CONSULTATIONS, 1, { text: '亲，在的', auto: true }))).toBe(0);
    const prefixed = answered(SAME_TEXT_CONSULTATIONS, 1, { text: '[自动回复]亲，在的' });
    expect(suspected(prefixed)).toBe(SAME_TEXT_CONSULTATIONS);
    expect(suspected(prefixed, { autoPrefixes: ['[自动回复]'] })).toBe(0);
  });
});
