import { describe, expect, it } from 'vitest';
import type { Message } from '../engine/model';
import { DIALECTS } from './dialects';
import { importTable } from './importer';

const zendesk = (extra: { header: string; cells: [string, string, string] } | null) => {
  // The export's documented columns (dialects.ts), in their order.
  const header = [...(DIALECTS.find((d) => d.id === 'zendesk-messages')?.signature ?? [])];
  const rows = [
    [
      '101',
      'c1',
      'Ann',
      'end-user',
      'ann@example.com',
      'Mei',
      '2024-03-01 10:00:00',
      'true',
      'Where is my parcel?',
    ],
    ['101', 'c2', 'Mei', 'agent', 'ann@example.com', 'Mei', '2024-03-01 10:05:00', 'true', 'On its way.'],
    ['102', 'c3', 'Bob', 'end-user', 'bob@example.com', 'Mei', '2024-03-01 11:00:00', 'true', 'Thanks!'],
  ];
  const lines = [
    extra ? [...header, extra.header] : header,
    ...rows.map((row, i) => (extra ? [...row, extra.cells[i] as string] : row)),
  ];
  const messages: Message[] = [];
  const result = importTable({
    file: 'zendesk.csv',
    text: lines.map((l) => l.join(',')).join('\n'),
    timeZone: 'UTC',
    onMessage: (m) => messages.push(m),
  });
  return { result, messages };
};

describe('helpdesk chat exports carry the shop (issue 22, item 2)', () => {
  it("a Zendesk export with its Brand column names each agent with the shop's name, 店铺名:客服", () => {
    const { result, messages } = zendesk({ header: 'Brand', cells: ['Shopee TW', 'Shopee TW', 'Amazon US'] });
    expect(result.dialect?.id).toBe('zendesk-messages');
    expect(result.fields.find((f) => f.field === 'shop')?.column).toBe('Brand');
    expect(messages.map((m) => m.agent)).toEqual(['Shopee TW:Mei', 'Shopee TW:Mei', 'Amazon US:Mei']);
  });

  it('leaves the agent as it is without a shop column, or with its cell empty', () => {
    expect(zendesk(null).messages.map((m) => m.agent)).toEqual(['Mei', 'Mei', 'Mei']);
    const { messages } = zendesk({ header: 'Brand', cells: ['', '', ''] });
    expect(messages.map((m) => m.agent)).toEqual(['Mei', 'Mei', 'Mei']);
  });

  it('reads a column of messages needing no response', () => {
    const { result, messages } = zendesk({ header: 'No response needed', cells: ['no', 'no', 'yes'] });
    expect(result.fields.find((f) => f.field === 'no_response')?.column).toBe('No response needed');
    expect(messages.map((m) => m.noResponse ?? false)).toEqual([false, false, true]);
  });
});
