import { describe, expect, it } from 'vitest';
import { customFunction } from '../customFunctions';

const CS_INDICATORS = customFunction('CS_INDICATORS').run;

// 小美 answers two customers, 小王 eight: 小美's rates rest on 2 consultations.
const chats = [
  ['time', 'agent', 'customer', 'from'],
  ...Array.from({ length: 10 }, (_, i) => {
    const agent = i < 2 ? '小美' : '小王';
    const minute = String(i).padStart(2, '0');
    return [
      [`2024-03-01 10:${minute}:00`, agent, `c${i}`, 'customer'],
      [`2024-03-01 10:${minute}:20`, agent, `c${i}`, 'agent'],
    ];
  }).flat(),
];

const lastRow = (settings: (string | number)[][]) =>
  String(((CS_INDICATORS(chats, '', settings) as unknown[][]).at(-1) ?? [])[0]);

describe('CS_INDICATORS’ low-sample note row (issue 18 item 7)', () => {
  it('lists the rows whose figures rest on fewer than min_sample cases, by the indicators’ names', () => {
    const zh = lastRow([['tz', 'UTC']]);
    expect(zh).toMatch(/^样本不足（分母少于 5，min_sample；数字照常显示）：小美 回复率、30秒应答率、/);
    expect(zh).not.toContain('小王');
    const en = lastRow([
      ['tz', 'UTC'],
      ['language', 'en'],
      ['fast_reply_seconds', 60],
    ]);
    expect(en).toMatch(
      /^low sample \(fewer than 5 cases, min_sample; .*\): 小美 Reply rate, 60s response rate, /,
    );
  });

  it('is not there when every figure has enough cases', () => {
    const table = CS_INDICATORS(chats, '', [
      ['tz', 'UTC'],
      ['min_sample', 2],
    ]) as unknown[][];
    expect(table.flat().join(' ')).not.toContain('样本不足');
    expect(table.at(-1)?.[0]).toBe('店铺');
  });
});
