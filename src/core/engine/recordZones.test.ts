import { describe, expect, it } from 'vitest';
import { msg, order, rating } from '../../../test/helpers/engineRecords';
import { NOTHING_AVAILABLE } from './facts';
import { computeReport } from './report';
import { resolveSettings } from './settings';

// A Los Angeles shop's evening of 1 March (PST, UTC−8) is the morning of 2 March in Shanghai.
const LA = 'America/Los_Angeles';

describe('records of a shop in another market count their days on its clock (issue 22, item 4)', () => {
  const run = (zoned: boolean) =>
    computeReport(
      {
        messages: [
          msg('2024-03-02 07:30:00', 'us:Amy', 'b2', 'customer'),
          msg('2024-03-02 07:31:00', 'us:Amy', 'b2', 'agent'),
        ],
        orders: [order('A-1', 'b2', '2024-03-02 07:45:00', zoned ? { zone: LA } : {})],
        ratings: [{ ...rating('2024-03-02 07:50:00', 'us:Amy', 'b2', 5), ...(zoned ? { zone: LA } : {}) }],
        available: {
          ...NOTHING_AVAILABLE,
          chats: true,
          orders: true,
          ratings: true,
          orderBuyers: true,
          orderTimes: true,
          paymentTimes: true,
          amounts: true,
        },
        hasSessions: false,
        ...(zoned ? { agentZones: new Map([['us:Amy', LA]]) } : {}),
      },
      resolveSettings({ timeZone: 'Asia/Shanghai', period: 'day' }),
    );

  it('the consultation, the sale and the rating of 23:30–24:00 on 1 March are 1 March', () => {
    const r = run(true);
    expect(r.agents.map((a) => [a.agent, a.period, a.consultations, a.sales])).toEqual([
      ['us:Amy', '2024-03-01', 1, 100],
    ]);
    expect(r.shopByPeriod?.map((s) => [s.period, s.sales, s.satisfaction_rate])).toEqual([
      ['2024-03-01', 100, 1],
    ]);
    // Its audit times are on its clock too: the consultation's zone.
    expect(r.consultations[0]?.zone).toBe(LA);
  });

  it('without their zone they are Shanghai’s 2 March, as before', () => {
    const r = run(false);
    expect(r.agents.map((a) => [a.period, a.sales])).toEqual([['2024-03-02', 100]]);
    expect(r.consultations[0]?.zone).toBe('Asia/Shanghai');
  });
});
