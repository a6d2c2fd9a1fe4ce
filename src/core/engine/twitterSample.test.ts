// The Kaggle "Customer Support on Twitter" sample as a chat log, with the figures computed
// independently in test/fixtures/public-data/README.md.
import { describe, expect, it } from 'vitest';
import { readPublicData } from '../../../test/publicData';
import { importTable } from '../import/importer';
import { NOTHING_AVAILABLE } from './facts';
import { computeReport } from './report';
import { resolveSettings } from './settings';

const mapping = { agent: 'account', session: 'conversation_id', time: 'created_at_utc', from: 'role' };

function twitterReport(fastReplySeconds = 3600) {
  const chats = importTable({
    kind: 'chats',
    file: 'twcs_sample_conversations.csv',
    text: readPublicData('twcs_sample_conversations.csv'),
    overrides: mapping,
    timeZone: 'UTC',
  });
  expect(chats.warnings).toEqual([]);
  const report = computeReport(
    {
      messages: chats.records,
      orders: [],
      ratings: [],
      available: { ...NOTHING_AVAILABLE, chats: true },
      hasSessions: chats.mapped.has('session'),
    },
    resolveSettings({ timeZone: 'UTC', fastReplySeconds }),
  );
  return { chats, report };
}

describe('Twitter support sample (93 tweets, 13 accounts)', () => {
  const { chats, report } = twitterReport();
  const team = report.team;

  it('reads every message and splits by conversation_id', () => {
    expect(chats.records).toHaveLength(93);
    expect(report.settings.split).toBe('id');
  });

  it('has 27 consultations, 26 replied: reply rate 0.962963', () => {
    expect(team.consultations).toBe(27);
    expect(team.receptions).toBe(26);
    expect(team.reply_rate).toBeCloseTo(0.962963, 6);
  });

  it('first response: mean 11,014.308 s, median 4,111.5 s; within 3,600 s: 12 of 27', () => {
    expect(team.first_response_s).toBeCloseTo(11014.308, 3);
    expect(team.first_response_s_median).toBe(4111.5);
    expect(team.fast_reply_rate).toBeCloseTo(12 / 27, 12);
  });

  it('44 agent messages to 49 customer messages: ratio 0.897959', () => {
    expect(team.qa_ratio).toBeCloseTo(0.897959, 6);
  });

  it('41 response rounds, mean 8,593.317 s, median 2,876 s; 5 unanswered', () => {
    expect(team.avg_response_s).toBeCloseTo(8593.317, 3);
    expect(team.avg_response_s_median).toBe(2876);
    expect(team.unanswered_rounds).toBe(5);
  });

  it('AppleSupport: 12 consultations, 11 replied, first response median 22,733 s', () => {
    const apple = report.agents.find((a) => a.agent === 'AppleSupport');
    expect([apple?.consultations, apple?.receptions, apple?.first_response_s_median]).toEqual([
      12, 11, 22733,
    ]);
  });

  it('the team row is computed from the rows, not averaged from agent averages', () => {
    const consultations = report.agents.reduce((sum, a) => sum + Number(a.consultations), 0);
    expect(consultations).toBe(27);
    const meanOfMeans =
      report.agents
        .filter((a) => a.first_response_s !== null)
        .reduce((s, a) => s + Number(a.first_response_s), 0) /
      report.agents.filter((a) => a.first_response_s !== null).length;
    expect(team.first_response_s).not.toBeCloseTo(meanOfMeans, 0);
  });
});
