import { describe, expect, it } from 'vitest';
import { importTable } from './importer';

const PASTE = `tb_buyer_01 2023-1-7 9:04:50
在吗
这个有货吗
已读
旗舰店:小美 2023-1-7 9:05:03
[自动回复]亲，欢迎光临
旗舰店:小美 2023-1-7 9:05:40
亲，有货的
已读
旗舰店:小美 --> 旗舰店:小王
旗舰店:小王 2023-1-7 9:07:00
您好，我来为您服务
tb_buyer_01 2023-1-7 9:07:30
好的
`;

describe('chat text copied from 千牛', () => {
  const result = importTable({ file: 'paste', text: PASTE, timeZone: 'Asia/Shanghai', kind: 'chats' });

  it('is read as chats, one message per nickname-and-time line, receipts dropped', () => {
    expect(importTable({ file: 'paste', text: PASTE, timeZone: 'Asia/Shanghai' }).kind).toBe('chats');
    expect(result.notes[0]).toContain('千牛');
    expect(result.records.map((m) => [m.from, m.agent, m.text])).toEqual([
      ['customer', '旗舰店:小美', '在吗\n这个有货吗'],
      ['agent', '旗舰店:小美', '[自动回复]亲，欢迎光临'],
      ['agent', '旗舰店:小美', '亲，有货的'],
      ['system', '旗舰店:小美', '旗舰店:小美 --> 旗舰店:小王'],
      ['agent', '旗舰店:小王', '您好，我来为您服务'],
      ['customer', '旗舰店:小王', '好的'],
    ]);
  });

  it('marks the auto reply and the transfer out', () => {
    expect(result.records[1]?.auto).toBe(true);
    expect(result.records[3]?.transfer).toBe('out');
    expect(result.records[0]?.time).toBe(Date.parse('2023-01-07T01:04:50Z'));
  });

  it('asks which speaker is the agent when no nickname says so', () => {
    const plain = 'buyer 2023-1-7 9:04:50\n在吗\nxiaomei 2023-1-7 9:05:03\n在的\n';
    expect(() => importTable({ file: 'paste', text: plain, timeZone: 'Asia/Shanghai' })).toThrow(
      'name the agent with --map agent=NICKNAME',
    );
    const named = importTable({
      file: 'paste',
      text: plain,
      timeZone: 'Asia/Shanghai',
      kind: 'chats',
      overrides: { agent: 'xiaomei' },
    });
    expect(named.records.map((m) => m.from)).toEqual(['customer', 'agent']);
  });
});
