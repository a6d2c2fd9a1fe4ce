import { describe, expect, it } from 'vitest';
import { agentRow, msg, report } from '../../../test/helpers/engineRecords';
import { buildConsultations, type SplitRule } from './consultations';
import { prepareMessages } from './messages';
import type { Message } from './model';
import { resolveSettings, type Settings } from './settings';

const settings = resolveSettings({ timeZone: 'UTC' });

function buildFrom(messages: Message[], options: Settings, split: SplitRule) {
  return buildConsultations(prepareMessages(messages, options), options, split);
}

describe('splitting messages into consultations', () => {
  const thread = [
    msg('2024-03-01 10:00:00', '小美', 'c1', 'customer', { session: 's1' }),
    msg('2024-03-01 10:00:20', '小美', 'c1', 'agent', { session: 's1' }),
    msg('2024-03-01 10:30:00', '小美', 'c1', 'customer', { session: 's1' }),
    msg('2024-03-02 09:00:00', '小美', 'c1', 'customer', { session: 's2' }),
  ];

  it('by the export session ID (id)', () => {
    expect(buildFrom(thread, settings, 'id')).toHaveLength(2);
  });

  it('gathers a session whose rows come back after another session’s, in the file or by time (id)', () => {
    const interleaved = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer', { session: 's1' }),
      msg('2024-03-01 10:01:00', '小美', 'c1', 'customer', { session: 's2' }),
      msg('2024-03-01 10:02:00', '小美', 'c1', 'agent', { session: 's1' }),
      msg('2024-03-01 10:03:00', '小王', 'c9', 'customer', { session: 's9' }),
      msg('2024-03-01 10:04:00', '小美', 'c1', 'agent', { session: 's2' }),
      // Listed last but sent first: sorting the thread by time puts it before the rest.
      msg('2024-03-01 09:59:00', '小美', 'c1', 'customer', { session: 's2' }),
    ];
    const consultations = buildFrom(interleaved, settings, 'id').filter((c) => c.customer === 'c1');
    expect(
      consultations.map((c) => [c.session, c.customerMessages, c.agentMessages, c.firstCustomerAt]),
    ).toEqual([
      ['s2', 2, 1, interleaved[5]?.time],
      ['s1', 1, 1, interleaved[0]?.time],
    ]);
  });

  it('keeps one session ID with two agents as two consultations (id)', () => {
    const transferred = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer', { session: 's1' }),
      msg('2024-03-01 10:01:00', '小王', 'c1', 'agent', { session: 's1' }),
      msg('2024-03-01 10:02:00', '小美', 'c1', 'agent', { session: 's1' }),
    ];
    expect(buildFrom(transferred, settings, 'id').map((c) => [c.agent, c.session])).toEqual([
      ['小美', 's1'],
      ['小王', 's1'],
    ]);
  });

  it('by calendar day of the customer message (day)', () => {
    expect(buildFrom(thread, settings, 'day')).toHaveLength(2);
  });

  it('by N minutes of silence before a customer message (gap)', () => {
    expect(buildFrom(thread, resolveSettings({ timeZone: 'UTC', gapMinutes: 10 }), 'gap')).toHaveLength(3);
    expect(buildFrom(thread, resolveSettings({ timeZone: 'UTC', gapMinutes: 60 }), 'gap')).toHaveLength(2);
  });

  it('keeps a reply just after midnight with the question asked just before it (day)', () => {
    const [c] = buildFrom(
      [
        msg('2024-03-01 23:59:50', '小美', 'c1', 'customer'),
        msg('2024-03-02 00:00:20', '小美', 'c1', 'agent'),
      ],
      settings,
      'day',
    );
    expect(c?.firstReplyAt).not.toBeNull();
    expect(c?.gaps).toEqual([30]);
  });

  it('counts days in the shop zone: 23:30 UTC is the next day in Shanghai', () => {
    const messages = [
      msg('2024-03-01 15:30:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 16:30:00', '小美', 'c1', 'customer'),
    ];
    expect(buildFrom(messages, resolveSettings({ timeZone: 'UTC' }), 'day')).toHaveLength(1);
    expect(buildFrom(messages, resolveSettings({ timeZone: 'Asia/Shanghai' }), 'day')).toHaveLength(2);
  });

  it('uses the session split by default when a session column is mapped, else the day split', () => {
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer', { session: 'a' }),
      msg('2024-03-01 11:00:00', '小美', 'c1', 'customer', { session: 'b' }),
    ];
    expect(report({ messages }, {}, true).team.consultations).toBe(2);
    expect(report({ messages }, {}, false).team.consultations).toBe(1);
  });
});

describe('replies and response gaps', () => {
  it('never counts an auto reply as a reply, and by default it does not close a gap', () => {
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:00:01', '小美', 'c1', 'agent', { auto: true }),
      msg('2024-03-01 10:02:00', '小美', 'c1', 'agent'),
    ];
    const row = agentRow(report({ messages }), '小美');
    expect(row.first_response_s).toBe(120);
    expect(row.avg_response_s).toBe(120);
    expect(row.qa_ratio).toBe(1);
    const closing = agentRow(report({ messages }, { autoRepliesCloseGaps: true }), '小美');
    expect(closing.avg_response_s).toBe(1);
    expect(closing.first_response_s).toBe(120);
  });

  it('marks auto replies by configured prefix or keyword', () => {
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:00:01', '小美', 'c1', 'agent', { text: '[自动回复]亲，在的' }),
      msg('2024-03-01 10:00:02', '小美', 'c1', 'agent', { text: '欢迎光临本店，机器人为您服务' }),
    ];
    expect(agentRow(report({ messages }), '小美').receptions).toBe(1);
    expect(
      agentRow(report({ messages }, { autoPrefixes: ['[自动回复]'], autoKeywords: ['机器人'] }), '小美')
        .receptions,
    ).toBe(0);
  });

  it('leaves an unanswered round out of the mean and counts it', () => {
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:01:00', '小美', 'c1', 'agent'),
      msg('2024-03-01 10:05:00', '小美', 'c1', 'customer'),
    ];
    const row = agentRow(report({ messages }), '小美');
    expect(row.avg_response_s).toBe(60);
    expect(row.unanswered_rounds).toBe(1);
  });

  it('ignores system messages and agent messages before the customer wrote', () => {
    const messages = [
      msg('2024-03-01 09:59:00', '小美', 'c1', 'agent'),
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:00:05', '小美', 'c1', 'system'),
      msg('2024-03-01 10:00:40', '小美', 'c1', 'agent'),
    ];
    expect(agentRow(report({ messages }), '小美').first_response_s).toBe(40);
  });

  it('keeps each consultation’s gaps apart, in order, however many and whichever walk runs (id, gap)', () => {
    // One thread, three sessions whose messages interleave: s1 answered three times, s2 never, s3 once.
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer', { session: 's1' }),
      msg('2024-03-01 10:00:05', '小美', 'c1', 'customer', { session: 's2' }),
      msg('2024-03-01 10:00:20', '小美', 'c1', 'agent', { session: 's1' }),
      msg('2024-03-01 10:01:00', '小美', 'c1', 'customer', { session: 's3' }),
      msg('2024-03-01 10:01:15', '小美', 'c1', 'agent', { session: 's3' }),
      msg('2024-03-01 10:02:00', '小美', 'c1', 'customer', { session: 's1' }),
      msg('2024-03-01 10:02:30', '小美', 'c1', 'agent', { session: 's1' }),
      msg('2024-03-01 10:03:00', '小美', 'c1', 'customer', { session: 's1' }),
      msg('2024-03-01 10:03:40', '小美', 'c1', 'agent', { session: 's1' }),
    ];
    const byId = buildFrom(messages, settings, 'id');
    expect(byId.map((c) => [c.session, c.gaps, c.unansweredRounds])).toEqual([
      ['s1', [20, 30, 40], 0],
      ['s2', [], 1],
      ['s3', [15], 0],
    ]);
    const row = agentRow(report({ messages }, { split: 'id' }, true), '小美');
    expect([row.avg_response_s, row.avg_response_s_median, row.unanswered_rounds]).toEqual([26.25, 25, 1]);
    // Split by silence, consultation after consultation: each gets its own list, none shares one.
    const quiet = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
      msg('2024-03-01 10:01:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:01:05', '小美', 'c1', 'agent'),
      msg('2024-03-01 11:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 12:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 12:00:50', '小美', 'c1', 'agent'),
    ];
    expect(buildFrom(quiet, settings, 'gap').map((c) => c.gaps)).toEqual([[10, 5], [], [50]]);
  });

  it('takes the customer message first when a reply has the same timestamp', () => {
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'agent'),
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
    ];
    expect(agentRow(report({ messages }), '小美').first_response_s).toBe(0);
  });
});

describe('what the service rates leave out', () => {
  const messages = [
    msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
    msg('2024-03-01 10:10:00', '小美', 'c1', 'agent', { transfer: 'out' }),
    msg('2024-03-01 11:00:00', '小美', 'c2', 'customer', { offline: true }),
    msg('2024-03-01 14:00:00', '小美', 'c3', 'customer'),
    msg('2024-03-01 14:00:10', '小美', 'c3', 'agent'),
    msg('2024-03-01 23:30:00', '小美', 'c4', 'customer'),
    msg('2024-03-01 23:35:00', '小美', 'c4', 'agent'),
  ];

  it('transfers out and offline assignments, by default, while still counting them as consultations', () => {
    const row = agentRow(report({ messages }), '小美');
    expect(row.consultations).toBe(4);
    expect(row.rated_consultations).toBe(2);
    expect(row.reply_rate).toBe(1);
    const all = agentRow(report({ messages }, { excludeTransfersOut: false, excludeOffline: false }), '小美');
    expect(all.reply_rate).toBe(0.75);
  });

  it('consultations that began outside the assessment hours, from the time-based rates only', () => {
    const row = agentRow(report({ messages }, { assessmentHours: { start: 8 * 60, end: 23 * 60 } }), '小美');
    expect(row.fast_reply_rate).toBe(1);
    expect(row.first_response_s).toBe(10);
    expect(row.reply_rate).toBe(1);
  });

  it('internal and test accounts entirely', () => {
    const row = agentRow(report({ messages }, { internalAccounts: ['c3'] }), '小美');
    expect(row.consultations).toBe(3);
  });
});
