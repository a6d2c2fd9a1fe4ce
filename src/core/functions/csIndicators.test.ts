import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build.mjs';
import { exampleChatRows, exampleChatsWithoutAutoFlag } from '../../../test/examples';
import { readPublicData } from '../../../test/publicData';
import { OTHER_VALUES } from '../../../test/settings/samples';
import { customFunction } from '../customFunctions';
import { DEFAULT_SETTINGS, resolveSettings } from '../engine/settings';
import { readFormulaSettings } from './csIndicators';

const CS_INDICATORS = customFunction('CS_INDICATORS').run;

/** The Twitter support log as Sheets would pass a range of it: rows of strings. */
const twitter = Papa.parse<string[]>(readPublicData('twcs_sample_conversations.csv').trim(), {
  header: false,
}).data;
const UTC_EN = [
  ['tz', 'UTC'],
  ['fast_reply_seconds', 3600],
  ['language', 'en'],
];

function table(result: unknown) {
  const rows = result as (string | number)[][];
  const [header = [], ...body] = rows;
  const byLabel = (label: string) => {
    const row = body.find((r) => r[0] === label);
    if (!row) throw new Error(`no row ${label}`);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  };
  return { header, body, byLabel };
}

describe('CS_INDICATORS', () => {
  it('spills the indicator table for a range whose first row is the header, with the documented figures', () => {
    const t = table(CS_INDICATORS(twitter, '', UTC_EN));
    expect(t.header.slice(0, 4)).toEqual(['Agent', 'Consultations', 'Receptions', 'Unreplied']);
    const team = t.byLabel('Team');
    expect([team.Consultations, team.Receptions, team['First response (s) median']]).toEqual([
      27, 26, 4111.5,
    ]);
    // fast_reply_seconds 3600 names the rate (issue 18 item 9).
    expect(team['60-minute response rate']).toBeCloseTo(12 / 27, 12);
    expect(t.header).not.toContain('30s response rate');
    expect(t.byLabel('AppleSupport')['First response (s) median']).toBe(22_733);
    expect(team['Inquiry conversion rate']).toBe('');
  });

  it('uses catalog headers in Chinese by default', () => {
    const t = table(CS_INDICATORS(twitter, undefined, [['tz', 'UTC']]));
    expect(t.header.slice(0, 3)).toEqual(['客服', '咨询量', '接待量']);
    // The team and the shop last, then notes (low-sample figures here).
    const labels = t.body.map((row) => row[0]);
    expect(labels.indexOf('店铺')).toBe(labels.indexOf('团队') + 1);
  });

  it('reads Date cells as instants and attributes orders given as a second range', () => {
    const chats = [
      ['time', 'agent', 'customer', 'from'],
      [new Date('2024-03-01T02:00:00Z'), '小美', 'A', 'customer'],
      [new Date('2024-03-01T02:00:20Z'), '小美', 'A', 'agent'],
      [new Date('2024-03-01T03:00:00Z'), '小美', 'B', 'customer'],
      [new Date('2024-03-01T03:00:20Z'), '小美', 'B', 'agent'],
    ];
    const orders = [
      ['order_id', 'customer', 'created_at', 'paid_at', 'amount', 'items'],
      ['1', 'B', '2024-03-02 08:59:00', '2024-03-02 09:00:00', 100, 1],
      ['2', 'A', '2024-03-03 08:59:00', '2024-03-03 09:00:00', 50, 1],
    ];
    // min_sample 0: no low-sample row either, so the shop's row is the last.
    const t = table(
      CS_INDICATORS(chats, orders, [
        ['window_days', 2],
        ['min_sample', 0],
      ]),
    );
    expect(t.byLabel('小美').询单转化率).toBe(0.5);
    expect(t.byLabel('小美').销售额).toBe(100);
    // Without the buyer column no order can be matched to a chat: empty cells, not 0.
    const noBuyers = orders.map(([id, , ...rest]) => [id, ...rest]);
    const unmatched = table(CS_INDICATORS(chats, noBuyers, [['window_days', 2]]));
    expect([unmatched.byLabel('小美').询单转化率, unmatched.byLabel('小美').销售额]).toEqual(['', '']);
    // A last row says why; none when the orders matched.
    expect(unmatched.body.at(-1)?.[0]).toMatch(
      /^订单没有买家列：订单无法与聊天对应，询单转化率和客服销售额为空/,
    );
    const inEnglish = table(
      CS_INDICATORS(chats, noBuyers, [
        ['window_days', 2],
        ['language', 'en'],
      ]),
    );
    expect(inEnglish.body.at(-1)?.[0]).toMatch(/^orders name no buyer: no order can be matched to a chat/);
    expect(t.body.at(-1)?.[0]).toBe('店铺');
  });

  it('adds a last row saying how many rows were skipped and why', () => {
    const chats = [
      ['time', 'agent', 'customer', 'from'],
      ['2024-03-01 10:00:00', '小美', 'A', 'customer'],
      ['soon', '小美', 'A', 'agent'],
    ];
    // In the table's language (zh-CN unless the settings say otherwise); the reason is the importer's.
    const rows = CS_INDICATORS(chats, '', '') as string[][];
    expect(rows.slice(-2).map((row) => row[0])).toEqual([
      '1 行无法读取，已跳过，不计入任何指标；请在导出中改正这些行（或重新导出）后再计算：',
      'chats 第 3 行，time："soon" is not a date and time (write 2020-02-20 23:59:54, 2020/2/20 23:59 or ISO 8601)',
    ]);
    const inEnglish = CS_INDICATORS(chats, '', [['language', 'en']]) as string[][];
    expect(inEnglish.slice(-2).map((row) => row[0])).toEqual([
      '1 row skipped, counted in no figure; fix them in the export (or export again) and recalculate:',
      'chats row 3, time: "soon" is not a date and time (write 2020-02-20 23:59:54, 2020/2/20 23:59 or ISO 8601)',
    ]);
  });

  it('says in a last row that a range has a header and no rows, in the table’s language', () => {
    const chats = [
      ['time', 'agent', 'customer', 'from'],
      ['2024-03-01 10:00:00', '小美', 'A', 'customer'],
    ];
    const orders = [['order_id', 'customer', 'created_at', 'paid_at', 'amount']];
    const notes = (language: string) =>
      (CS_INDICATORS(chats, orders, [['language', language]]) as string[][]).map((row) => row[0]);
    expect(notes('zh-CN')).toContain(
      'orders 只有表头、没有数据行：不计入任何指标；请重新导出该时段的数据（检查导出的日期范围）',
    );
    expect(notes('en')).toContain(
      "orders: a header row and no data rows, so nothing of it is in any figure; export again with the period's rows (check the export's date range)",
    );
  });

  it('adds a last row when replies look like auto replies nothing marks, and none once a prefix marks them', () => {
    const unmarked = exampleChatsWithoutAutoFlag();
    const note = (result: unknown) => String((result as string[][]).at(-1)?.[0]);
    expect(note(CS_INDICATORS(unmarked, '', ''))).toMatch(
      /^152 个咨询中有回复在买家消息后 1 秒内发出，且同一句话至少 10 个咨询都收到/,
    );
    expect(note(CS_INDICATORS(unmarked, '', [['language', 'zh-TW']]))).toMatch(/^152 個諮詢中有回覆/);
    expect(note(CS_INDICATORS(unmarked, '', [['language', 'en']]))).toMatch(
      /^152 consultations got a reply within 1 s of a customer’s message/,
    );
    expect(note(CS_INDICATORS(unmarked, '', [['auto_prefix', '[自动回复]']]))).not.toMatch(/自动回复/);
    expect(note(CS_INDICATORS(exampleChatRows(), '', ''))).not.toMatch(/自动回复/);
  });

  it('separates after-sales consultations with after_sales_chat_days (售后天数), and says how many when it is off', () => {
    // b1 paid on day 1 and asks on day 3; b2 asks on day 3 and pays that afternoon.
    const chats = [
      ['time', 'agent', 'customer', 'from'],
      ['2024-03-03 10:00:00', '小美', 'b1', 'customer'],
      ['2024-03-03 10:00:20', '小美', 'b1', 'agent'],
      ['2024-03-03 11:00:00', '小美', 'b2', 'customer'],
      ['2024-03-03 11:00:10', '小美', 'b2', 'agent'],
    ];
    const orders = [
      ['order_id', 'customer', 'created_at', 'paid_at', 'amount'],
      ['o1', 'b1', '2024-03-01 08:59:00', '2024-03-01 09:00:00', 100],
      ['o2', 'b2', '2024-03-03 14:59:00', '2024-03-03 15:00:00', 100],
    ];
    const off = table(CS_INDICATORS(chats, orders, [['tz', 'UTC']]));
    expect(off.byLabel('小美')).toMatchObject({ 咨询量: 2, 询单人数: 2, 询单转化率: 0.5, 售后咨询量: '' });
    expect(off.body.at(-1)?.[0]).toMatch(/^1 个咨询的买家在此前 7 天内已付款、之后没有新订单/);
    for (const key of ['after_sales_chat_days', '售后天数']) {
      const on = table(
        CS_INDICATORS(chats, orders, [
          ['tz', 'UTC'],
          [key, 7],
        ]),
      );
      expect(on.byLabel('小美')).toMatchObject({ 咨询量: 2, 询单人数: 1, 询单转化率: 1, 售后咨询量: 1 });
      expect(on.body.map((row) => String(row[0])).join('\n')).not.toContain('after_sales_chat_days');
    }
  });

  it('names the argument and the fix when a range cannot be read', () => {
    expect(() => CS_INDICATORS('', '', '')).toThrow(
      'CS_INDICATORS: chats is empty; select the chat export with its header row.',
    );
    expect(() =>
      CS_INDICATORS(
        [
          ['a', 'b'],
          ['1', '2'],
        ],
        '',
        '',
      ),
    ).toThrow('CS_INDICATORS: chats: no column for "time"');
    expect(() => CS_INDICATORS(twitter, '', [['window', 3]])).toThrow(
      'CS_INDICATORS: settings has an unknown name "window"',
    );
    expect(() => CS_INDICATORS(twitter, '', [['window_days', 30]])).toThrow(
      'CS_INDICATORS: settings: window days (询单有效时长) must be a whole number from 1 to 15; got 30.',
    );
  });
});

describe('CS_INDICATORS and the settings description', () => {
  it.each(OTHER_VALUES.flatMap((o) => o.spec.sheetKeys.map((key) => [key, o] as const)))(
    'reads the settings key %s',
    (key, { spec, value, text }) => {
      const read = readFormulaSettings([[key, text]]);
      expect(read.settings).toEqual({ [spec.id]: value });
      expect(resolveSettings(read.settings)[spec.id]).not.toEqual(DEFAULT_SETTINGS[spec.id]);
    },
  );

  it('takes ratings as a fourth range: 评价率 and 满意率 from the example exports', () => {
    const ratings = Papa.parse<string[]>(
      readFileSync(join(ROOT, 'examples/service-ratings.csv'), 'utf8').trim(),
    ).data;
    const without = table(CS_INDICATORS(exampleChatRows(), '', [['language', 'en']]));
    const withRatings = table(CS_INDICATORS(exampleChatRows(), '', [['language', 'en']], ratings));
    expect(without.byLabel('Team')['Rating rate']).toBe('');
    expect(withRatings.byLabel('Team')['Rating rate']).toBeGreaterThan(0);
    expect(withRatings.byLabel('Team')['Satisfaction rate']).toBeGreaterThan(0);
  });

  it('proposes the platform’s 180 s for a 千牛 export in a last row, and applies it only when the settings say so', () => {
    const rows = CS_INDICATORS(exampleChatRows(), '', '') as string[][];
    const proposed = rows.filter((r) => String(r[0]).startsWith('识别为淘宝/天猫的导出')).map((r) => r[0]);
    expect(proposed).toEqual([
      expect.stringContaining('fast_reply_seconds = 180'),
      expect.stringContaining('platform = taobao'),
    ]);
    expect(proposed[0]).toContain('未采用');
    const chosen = CS_INDICATORS(exampleChatRows(), '', [
      ['应答秒数', 30],
      ['平台', 'none'],
    ]) as string[][];
    expect(chosen.some((r) => String(r[0]).startsWith('识别为'))).toBe(false);
    expect(table(chosen).byLabel('团队')).toEqual(table(rows).byLabel('团队'));
    // Taken, the platform's rule gives platform_response_rate; every other figure stays.
    const taken = CS_INDICATORS(exampleChatRows(), '', [['平台', 'taobao']]) as string[][];
    const { 平台回复率: rate, ...others } = table(taken).byLabel('团队');
    const { 平台回复率: none, ...before } = table(rows).byLabel('团队');
    expect(typeof rate).toBe('number');
    expect(none).toBe('');
    expect(others).toEqual(before);
  });

  it('never adds orders of two currencies: money figures in rows per currency, a last row saying why', () => {
    const chats = [
      ['time', 'agent', 'customer', 'from'],
      ['2024-03-01 10:00:00', '小美', 'A', 'customer'],
      ['2024-03-01 10:00:20', '小美', 'A', 'agent'],
      ['2024-03-01 11:00:00', '小美', 'B', 'customer'],
      ['2024-03-01 11:00:20', '小美', 'B', 'agent'],
      ['2024-03-01 12:00:00', '阿明', 'C', 'customer'],
      ['2024-03-01 12:00:30', '阿明', 'C', 'agent'],
    ];
    const orders = [
      ['order_id', 'customer', 'created_at', 'paid_at', 'amount', 'currency'],
      ['1', 'A', '2024-03-01 12:00:00', '2024-03-01 12:01:00', '1000', 'TWD'],
      ['2', 'B', '2024-03-01 13:00:00', '2024-03-01 13:01:00', '30', 'USD'],
      ['3', 'C', '2024-03-01 14:00:00', '2024-03-01 14:01:00', '500', 'TWD'],
    ];
    const t = table(
      CS_INDICATORS(chats, orders, [
        ['tz', 'UTC'],
        ['min_sample', 0],
        ['language', 'en'],
      ]),
    );
    // The rows of the report: counts kept, money figures empty (1000 + 30 would mean nothing).
    expect(t.byLabel('小美')['Inquiry conversion rate']).toBe(1);
    expect([
      t.byLabel('小美').Sales,
      t.byLabel('Team').Sales,
      t.byLabel('Shop')['Average order value'],
    ]).toEqual(['', '', '']);
    // Each currency's rows, from its own orders alone.
    expect(t.byLabel('小美 (TWD)').Sales).toBe(1000);
    expect(t.byLabel('小美 (USD)').Sales).toBe(30);
    expect(t.byLabel('阿明 (TWD)').Sales).toBe(500);
    expect(t.byLabel('Team (TWD)').Sales).toBe(1500);
    expect(t.byLabel('Shop (USD)').Sales).toBe(30);
    expect(t.byLabel('Shop (TWD)')['Average order value']).toBe(750);
    expect(t.byLabel('Team (TWD)').Consultations).toBe('');
    const last = t.body.at(-1)?.[0];
    expect(last).toMatch(/^orders in 2 currencies: .*never added together/);
    // One currency: no such rows, the figures on the report's own rows.
    const one = table(
      CS_INDICATORS(
        chats,
        orders.filter((row) => row[5] !== 'USD'),
        [
          ['tz', 'UTC'],
          ['min_sample', 0],
          ['language', 'en'],
        ],
      ),
    );
    expect(one.byLabel('Team').Sales).toBe(1500);
    expect(one.body.some((row) => String(row[0]).includes('(TWD)'))).toBe(false);
  });
});
