import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../engine/settings';
import { importTable } from '../import/importer';
import { runPipeline, singleExport } from './pipeline';
import { agentZonesAcross, agentZonesOf, zonedExport, zonedExports, zoneOfExport } from './zones';

// A Shopee Taiwan order placed at 00:30 on 1 December on the shop's clock: 16:30 on 30 November in UTC.
const SHOPEE_TW = [
  '訂單編號,訂單成立日期,訂單狀態,商品總價,買家總支付金額,買家帳號',
  '261201000TW,2026-12-01 00:30,已完成,500,500,tw_buyer1',
].join('\n');
const CHATS =
  'time,agent,customer,from\n2026-11-30 10:00:00,小安,tw_buyer1,customer\n2026-11-30 10:00:30,小安,tw_buyer1,agent\n';
const UTC_MONTHS = resolveSettings({ timeZone: 'UTC', period: 'month', minSample: 0 });

describe('an export in its own zone, as the sidebar and CS_INDICATORS read one (issue 22, item 4)', () => {
  const orders = importTable({
    file: 'shopee.csv',
    text: SHOPEE_TW,
    kind: 'orders',
    timeZone: 'UTC',
    marketZones: true,
  });
  const chats = importTable({ file: 'chats.csv', text: CHATS, kind: 'chats', timeZone: 'Asia/Taipei' });

  it('takes the zone given, else the market’s, else the report’s', () => {
    expect(zoneOfExport(undefined, orders, 'UTC')).toBe('Asia/Taipei');
    expect(zoneOfExport('Asia/Tokyo', orders, 'UTC')).toBe('Asia/Tokyo');
    expect(zoneOfExport(undefined, chats, 'UTC')).toBe('UTC');
  });

  it('counts the order’s sale on its shop’s day, December, where the report’s clock says November', () => {
    const salesByMonth = (zoned: boolean) => {
      const { report } = runPipeline(
        {
          chats: singleExport(chats),
          orders: zoned ? zonedExport(orders, 'Asia/Taipei', 'UTC') : singleExport(orders),
        },
        UTC_MONTHS,
      );
      return (report.shopByPeriod ?? []).map((row) => [row.period, row.sales]);
    };
    expect(salesByMonth(true)).toEqual([
      ['2026-11', 0],
      ['2026-12', 500],
    ]);
    // Without the zone kept, the same instant falls on the report's 30 November.
    expect(salesByMonth(false)).toEqual([['2026-11', 500]]);
  });

  it('keeps records as they are in the report’s zone, and gives a chat export’s agents theirs', () => {
    expect(zonedExport(orders, 'UTC', 'UTC').records[0]?.zone).toBeUndefined();
    expect(zonedExport(orders, 'Asia/Taipei', 'UTC').records[0]?.zone).toBe('Asia/Taipei');
    expect([...agentZonesOf(chats.records, 'Asia/Taipei', 'UTC')]).toEqual([['小安', 'Asia/Taipei']]);
    expect(agentZonesOf(chats.records, 'UTC', 'UTC').size).toBe(0);
  });
});

describe('several exports of one kind, each in its zone (the sidebar’s 再添加一个导出)', () => {
  const read = (text: string) =>
    importTable({ file: 'shopee.csv', text, kind: 'orders', timeZone: 'UTC', marketZones: true });
  const taipei = read(SHOPEE_TW);
  const other = read(SHOPEE_TW.replace('261201000TW', '261201001TW'));

  it('joins their records in the order given, each keeping its zone, and lists each export', () => {
    const joined = zonedExports(
      [
        { imported: taipei, zone: 'Asia/Taipei' },
        { imported: other, zone: 'UTC' },
      ],
      'UTC',
    );
    expect(joined.records.map((r) => [r.orderId, r.zone])).toEqual([
      ['261201000TW', 'Asia/Taipei'],
      ['261201001TW', undefined],
    ]);
    expect(joined.exports).toHaveLength(2);
  });

  it('refuses an agent account in chat exports of two zones, naming both', () => {
    expect(
      agentZonesAcross(
        [
          { file: 'tw.csv', zone: 'Asia/Taipei', agents: ['小安', '小安'] },
          { file: 'us.csv', zone: 'America/Los_Angeles', agents: ['Amy'] },
        ],
        'UTC',
      ),
    ).toEqual(
      new Map([
        ['小安', 'Asia/Taipei'],
        ['Amy', 'America/Los_Angeles'],
      ]),
    );
    expect(() =>
      agentZonesAcross(
        [
          { file: 'tw.csv', zone: 'Asia/Taipei', agents: ['小安'] },
          { file: 'us.csv', zone: 'UTC', agents: ['小安'] },
        ],
        'UTC',
      ),
    ).toThrow('the agent account "小安" is in tw.csv (read in Asia/Taipei) and in us.csv (read in UTC)');
  });
});
