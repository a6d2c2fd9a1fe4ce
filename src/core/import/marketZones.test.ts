import { describe, expect, it } from 'vitest';
import type { Order } from '../engine/model';
import { marketZone } from '../time/markets';
import { DIALECTS, type Dialect } from './dialects';
import { importTable } from './importer';
import { marketZoneOf } from './tableReader';

describe("a file read in its dialect's market's zone (issue 22, item 4)", () => {
  it('gives single-zone markets their zone, and none to a country of several', () => {
    expect(marketZone('TW')).toBe('Asia/Taipei');
    expect(marketZone('th')).toBe('Asia/Bangkok');
    expect(marketZone('US')).toBeNull();
    expect(marketZone('ID')).toBeNull();
  });

  it('takes the zone of the market a dialect names, and none from a dialect without one', () => {
    const taobao = DIALECTS.find((d) => d.id === 'taobao-order-report') as Dialect;
    expect(marketZoneOf(taobao)).toBeNull();
    expect(marketZoneOf({ ...taobao, market: { country: 'TW', currency: 'TWD' } } as Dialect)).toBe(
      'Asia/Taipei',
    );
    expect(marketZoneOf({ ...taobao, market: { country: 'US', currency: 'USD' } } as Dialect)).toBeNull();
    expect(marketZoneOf(undefined)).toBeNull();
  });

  it('reads a file whose dialect names no market in the zone asked, market zones or not', () => {
    const text = 'order_id,customer,created_at,paid_at,amount\no1,c1,2024-03-01 23:30:00,,10\n';
    const read = importTable({
      file: 'o.csv',
      text,
      kind: 'orders',
      timeZone: 'Asia/Taipei',
      marketZones: true,
    });
    expect(read.timeZone).toBeUndefined();
    expect(new Date((read.records[0] as Order).createdAt as number).toISOString()).toBe(
      '2024-03-01T15:30:00.000Z',
    );
  });
});
