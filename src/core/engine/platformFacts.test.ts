import { describe, expect, it } from 'vitest';
import { agentRow, msg, report } from '../../../test/helpers/engineRecords';
import { notesOf } from '../pipeline/notes';
import { NOTHING_AVAILABLE } from './facts';
import type { Message } from './model';
import { PLATFORM_RULES } from './platform';
import { deadlineOf } from './platformFacts';

// Times are UTC wall clock (engineRecords' `at`), the report's zone UTC unless a test says otherwise.
const reply = (time: string, agent: string, customer: string, extra: Partial<Message> = {}) =>
  msg(time, agent, customer, 'agent', extra);
const ask = (time: string, agent: string, customer: string, extra: Partial<Message> = {}) =>
  msg(time, agent, customer, 'customer', extra);

/** An agent message alone: it moves the data's end to `time` and is no case of any rule. */
const end = (time: string) => reply(time, '小美', 'zz-end');

describe('Shopee: chats answered within 12 hours', () => {
  const messages = [
    ask('2024-03-01 08:00:00', '小美', 'c1'),
    reply('2024-03-01 19:59:00', '小美', 'c1'), // 11 h 59 min: in time
    ask('2024-03-01 09:00:00', '小美', 'c2'),
    reply('2024-03-01 21:01:00', '小美', 'c2'), // 12 h 01 min: late
    ask('2024-03-01 10:00:00', '阿强', 'c3'),
    reply('2024-03-01 10:00:05', '阿强', 'c3', { auto: true }), // an auto reply only: unanswered
    ask('2024-03-01 11:00:00', '小美', 'c4', { noResponse: true }), // needs no response: left out
    ask('2024-03-01 12:00:00', '小美', 'c5'),
    reply('2024-03-01 12:30:00', '小美', 'c5'),
    ask('2024-03-01 13:00:00', '小美', 'c5'), // after an answer in time: changes nothing
    end('2024-03-03 00:00:00'),
  ];

  it('counts each chat once, from its first buyer message, by its first manual reply', () => {
    const r = report({ messages }, { platform: 'shopee' });
    // 小美: c1 in time, c2 late, c5 in time (c4 needs no response) → 2/3; 阿强: c3 auto only → 0/1.
    expect(agentRow(r, '小美').platform_response_rate).toBe(2 / 3);
    expect(agentRow(r, '阿强').platform_response_rate).toBe(0);
    expect(r.team.platform_response_rate).toBe(2 / 4);
    expect(r.shop.platform_response_rate).toBe(2 / 4);
    // Shopee shows no average response time here.
    expect(r.team.platform_response_time).toBeNull();
  });

  it('an unanswered chat whose 12 hours have not passed at the data’s end is not counted yet', () => {
    const young = [ask('2024-03-01 08:00:00', '小美', 'c1'), end('2024-03-01 19:59:00')];
    expect(report({ messages: young }, { platform: 'shopee' }).team.platform_response_rate).toBeNull();
    const old = [ask('2024-03-01 08:00:00', '小美', 'c1'), end('2024-03-01 20:01:00')];
    expect(report({ messages: old }, { platform: 'shopee' }).team.platform_response_rate).toBe(0);
  });

  it('counts the chats received in the 90 days ending on the last day, or the window set', () => {
    const spread = [
      ask('2024-01-01 08:00:00', '小美', 'old'), // never answered; 100 days before the last day
      ask('2024-04-10 08:00:00', '小美', 'new'),
      reply('2024-04-10 09:00:00', '小美', 'new'),
      end('2024-04-11 00:00:00'),
    ];
    expect(report({ messages: spread }, { platform: 'shopee' }).team.platform_response_rate).toBe(1);
    expect(
      report({ messages: spread }, { platform: 'shopee', platformWindowDays: 366 }).team
        .platform_response_rate,
    ).toBe(0.5);
  });

  it('leaves every other indicator as it was', () => {
    const without = report({ messages });
    const withShopee = report({ messages }, { platform: 'shopee' });
    const mine = (id: string) => id.startsWith('platform_');
    const others = (row: Record<string, unknown>) => ({
      ...Object.fromEntries(Object.entries(row).filter(([id]) => !mine(id))),
      low_sample: (row.low_sample as string[]).filter((id) => !mine(id)),
    });
    expect(withShopee.agents.map(others)).toEqual(without.agents.map(others));
    expect(others(withShopee.team)).toEqual(others(without.team));
    expect(without.team.platform_response_rate).toBeNull();
  });
});

describe('Shopee Thailand: half the 90 days, half their most recent quarter of chats', () => {
  // Eight chats a day apart; the 3rd and the 8th are never answered.
  const messages = Array.from({ length: 8 }, (_, n) => {
    const day = `2024-03-0${n + 1}`;
    const customer = `c${n + 1}`;
    return n === 2 || n === 7
      ? [ask(`${day} 08:00:00`, '小美', customer)]
      : [ask(`${day} 08:00:00`, '小美', customer), reply(`${day} 09:00:00`, '小美', customer)];
  }).flat();
  messages.push(end('2024-03-10 00:00:00'));

  it('0.5 × 6/8 + 0.5 × 1/2 (the latest 2 of 8) = 0.625, where Shopee elsewhere shows 0.75', () => {
    expect(report({ messages }, { platform: 'shopee-th' }).team.platform_response_rate).toBe(0.625);
    expect(report({ messages }, { platform: 'shopee' }).team.platform_response_rate).toBe(0.75);
  });

  it('takes at least one chat as the most recent quarter: 5 chats, the latest 2', () => {
    // The first five chats: the 3rd unanswered → 4/5; the latest ceil(5/4) = 2 both answered → 1.
    const five = messages.filter((m) => ['c1', 'c2', 'c3', 'c4', 'c5', 'zz-end'].includes(m.customer));
    expect(report({ messages: five }, { platform: 'shopee-th' }).team.platform_response_rate).toBeCloseTo(
      0.5 * (4 / 5) + 0.5 * 1,
      12,
    );
  });
});

describe('Lazada: the same-day cycle, 18:00 to 18:00 answered by 19:00', () => {
  // Kuala Lumpur is UTC+8: 18:05 there is 10:05 UTC.
  const messages = [
    ask('2024-03-01 10:05:00', '小美', 'l1'), // 18:05 on 1 March: the cycle of 2 March
    reply('2024-03-02 10:59:00', '小美', 'l1'), // 18:59 on 2 March: in time, 24.9 h
    ask('2024-03-01 09:55:00', '小美', 'l2'), // 17:55 on 1 March: due by 19:00 that day
    reply('2024-03-01 11:01:00', '小美', 'l2'), // 19:01: late
    ask('2024-03-02 01:00:00', '小美', 'l3'), // 09:00 on 2 March
    reply('2024-03-02 02:00:00', '小美', 'l3'), // 10:00: in time, 1 h
  ];
  const zone = 'Asia/Kuala_Lumpur';

  it('a chat received at 18:05 and answered the next day by 19:00 counts; 17:55 answered at 19:01 does not', () => {
    const r = report({ messages }, { platform: 'lazada', timeZone: zone });
    expect(r.team.platform_response_rate).toBe(2 / 3);
    // The average response time is over the chats answered within their cycle: (24.9 + 1) / 2.
    expect(r.team.platform_response_time).toBeCloseTo(12.95, 12);
  });

  it('says that 2 days of chats are fewer than the 7 Lazada counts', () => {
    const r = report({ messages }, { platform: 'lazada', timeZone: zone });
    expect(r.platformWindow).toEqual({ platform: 'lazada', windowDays: 7, dataDays: 2 });
    const notes = notesOf(r, { ...NOTHING_AVAILABLE, chats: true }, [], []);
    expect(notes).toContainEqual({
      kind: 'platform-window-short',
      platform: 'lazada',
      windowDays: 7,
      dataDays: 2,
    });
    // A window of 2 days is covered: no note.
    const two = report({ messages }, { platform: 'lazada', timeZone: zone, platformWindowDays: 2 });
    expect(notesOf(two, { ...NOTHING_AVAILABLE, chats: true }, [], []).map((n) => n.kind)).not.toContain(
      'platform-window-short',
    );
    // Without a platform, nothing is said.
    expect(report({ messages }, { timeZone: zone }).platformWindow).toBeUndefined();
  });

  it('puts a chat received at 18:00 sharp in the next cycle', () => {
    const rule = PLATFORM_RULES.lazada;
    // 18:00 on 1 March in Kuala Lumpur (10:00 UTC): due at 19:00 on 2 March (11:00 UTC).
    expect(new Date(deadlineOf(rule, Date.parse('2024-03-01T10:00:00Z'), zone)).toISOString()).toBe(
      '2024-03-02T11:00:00.000Z',
    );
    expect(new Date(deadlineOf(rule, Date.parse('2024-03-01T09:59:59Z'), zone)).toISOString()).toBe(
      '2024-03-01T11:00:00.000Z',
    );
  });
});

describe('TikTok Shop: buyer-initiated conversations, a first reply within 12 hours', () => {
  const messages = [
    ask('2024-03-01 08:00:00', '小美', 't1'),
    reply('2024-03-01 19:59:00', '小美', 't1'), // 11 h 59 min
    ask('2024-03-01 09:00:00', '小美', 't2'),
    reply('2024-03-01 09:00:03', '小美', 't2', { auto: true }), // the chatbot's only: left out
    reply('2024-03-01 10:00:00', '小美', 't3'), // the seller began it: left out
    ask('2024-03-01 10:05:00', '小美', 't3'),
    ask('2024-03-01 11:00:00', '小美', 't4'),
    reply('2024-03-01 23:01:00', '小美', 't4'), // 12 h 01 min: late
    end('2024-03-03 00:00:00'),
  ];

  it('1 of 2 in time; the average response over both answers is 12 h', () => {
    const r = report({ messages }, { platform: 'tiktok' });
    expect(r.team.platform_response_rate).toBe(0.5);
    expect(r.team.platform_response_time).toBeCloseTo((11 + 59 / 60 + 12 + 1 / 60) / 2, 12);
  });
});

describe('Amazon: each buyer message answered within 24 hours', () => {
  const messages = (dataEnd: string) => [
    ask('2024-03-01 08:00:00', '小美', 'a1'),
    ask('2024-03-01 09:00:00', '小美', 'a1'),
    reply('2024-03-02 08:30:00', '小美', 'a1'), // 24.5 h after the first (late), 23.5 h after the second
    ask('2024-03-02 10:00:00', '小美', 'a2'), // unanswered
    ask('2024-03-02 08:00:00', '小美', 'a3'), // unanswered
    ask('2024-03-01 12:00:00', '小美', 'a4', { noResponse: true }), // marked: left out
    ask('2024-03-01 13:00:00', '小美', 'a5'),
    reply('2024-03-01 13:00:10', '小美', 'a5', { auto: true }), // an auto-responder is no response
    end(dataEnd),
  ];

  it('an unanswered message younger than 24 h at the data’s end is not counted yet; older, it is no response', () => {
    // At 09:00 on 3 March a2 is 23 h old: a1's two (one late), a3 and a5 (no response) → 1/4.
    const young = report({ messages: messages('2024-03-03 09:00:00') }, { platform: 'amazon' });
    expect(young.team.platform_response_rate).toBe(0.25);
    // At 10:30 a2 is 24.5 h old: no response as well → 1/5.
    const old = report({ messages: messages('2024-03-03 10:30:00') }, { platform: 'amazon' });
    expect(old.team.platform_response_rate).toBe(0.2);
    // The average response time is over the messages answered, late or not: (24.5 + 23.5) / 2.
    expect(old.team.platform_response_time).toBe(24);
  });
});

describe('Taobao, JD, PDD, Douyin: the timely first reply of each consultation', () => {
  const messages = [
    ask('2024-03-01 08:00:00', '小美', 'd1'),
    reply('2024-03-01 08:02:59', '小美', 'd1'), // 179 s
    ask('2024-03-01 09:00:00', '小美', 'd2'),
    reply('2024-03-01 09:00:29', '小美', 'd2'), // 29 s
    ask('2024-03-01 23:30:00', '小美', 'd3'), // outside 08:00-23:00: not assessed
    reply('2024-03-01 23:35:00', '小美', 'd3'),
  ];

  it('3 minutes for Taobao, PDD and Douyin, 30 seconds for JD, inside the assessment hours', () => {
    const hours = { assessmentHours: { start: 8 * 60, end: 23 * 60 } };
    for (const platform of ['taobao', 'pdd', 'douyin'] as const)
      expect(report({ messages }, { platform, ...hours }).team.platform_response_rate).toBe(1);
    expect(report({ messages }, { platform: 'jd', ...hours }).team.platform_response_rate).toBe(0.5);
    // All day, d3's 5 minutes count too.
    expect(report({ messages }, { platform: 'taobao' }).team.platform_response_rate).toBe(2 / 3);
  });
});
