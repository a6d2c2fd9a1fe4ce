import { describe, expect, it } from 'vitest';
import { importTable } from './importer';

const chats = (header: string) =>
  `${header}\n2024-03-01 10:00:00,小美,c1,customer,是\n2024-03-01 10:00:20,小美,c1,agent,否\n`;

describe('a mapping remembered from an earlier file (the sidebar’s)', () => {
  it('maps the field where the column exists', () => {
    const result = importTable({
      file: 'chats.csv',
      text: chats('time,agent,customer,from,离线来源'),
      kind: 'chats',
      timeZone: 'UTC',
      remembered: { offline: '离线来源' },
    });
    expect(result.fields.find((f) => f.field === 'offline')).toMatchObject({
      column: '离线来源',
      source: 'user',
    });
    expect(result.records.map((m) => m.offline)).toEqual([true, false]);
  });

  it('is passed over where the column does not exist, where a choice made for this file is refused', () => {
    const request = {
      file: 'chats.csv',
      text: chats('time,agent,customer,from,留言'),
      kind: 'chats' as const,
    };
    const result = importTable({ ...request, timeZone: 'UTC', remembered: { offline: '离线来源' } });
    expect(result.fields.find((f) => f.field === 'offline')).toMatchObject({
      column: '留言',
      source: 'synonym',
    });
    expect(() => importTable({ ...request, timeZone: 'UTC', overrides: { offline: '离线来源' } })).toThrow(
      'chats.csv: --map offline=离线来源 names no column.',
    );
  });
});
