import { describe, expect, it } from 'vitest';
import { formulaValues } from '../../scripts/preview/formulas';
import type { Message } from '../../src/core/engine/model';
import { consultationSpan, PAY_RECORD_HEADER } from '../../src/core/payPeriod/payRecord';
import type { PreviousFigures } from '../../src/core/payPeriod/previous';
import { loadCode } from '../fakes/loadCode';
import type { PromptAnswer } from '../fakes/services';
import type { FakeSheet } from '../fakes/spreadsheet';
import { tabsFor } from '../helpers/importTabs';

type Addon = ReturnType<typeof loadCode>;

/**
 * One consultation per delay: a customer's message on 2024-03-01 (Shanghai; or from `start`) and the
 * agent's reply `delay` seconds later.
 */
function replies(delays: Record<string, number[]>, start = Date.UTC(2024, 2, 1, 2)): Message[] {
  const out: Message[] = [];
  let i = 0;
  for (const [agent, list] of Object.entries(delays))
    for (const delay of list) {
      const base = start + i * 600_000;
      const common = { session: null, auto: false, transfer: null, invite: false, offline: false } as const;
      out.push({ ...common, time: base, agent, customer: `c${i}`, from: 'customer', text: '在吗' });
      out.push({
        ...common,
        time: base + delay * 1000,
        agent,
        customer: `c${i}`,
        from: 'agent',
        text: '在的',
      });
      i++;
    }
  return out;
}

/** An import as the sidebar makes it (native formulas in 绩效). */
function importTabs(addon: Addon, msgs: Message[]) {
  const request = {
    tabs: tabsFor(msgs, { minSample: 1 }, () => ({ formulas: 'native' })),
    replaceEdited: true,
  };
  addon.callServer('writeTabs', request);
}

const answer = (addon: Addon, ...answers: PromptAnswer[]) => addon.promptAnswers.push(...answers);
const record = (addon: Addon) => addon.spreadsheet.getSheetByName('发放记录');
const recordCells = (addon: Addon) => {
  const range = record(addon)?.getDataRange();
  return { values: range?.getValues(), formulas: range?.getFormulas(), formats: range?.getNumberFormats() };
};
const header = (addon: Addon) => (record(addon)?.getDataRange().getValues()[0] ?? []) as string[];
const rowsOf = (addon: Addon) => {
  const [head = [], ...rows] = record(addon)?.getDataRange().getValues() ?? [];
  return rows.map((row) => Object.fromEntries(head.map((h, c) => [String(h), row[c]])));
};

/**
 * March, first import: 小美 replies in 20 s (30秒应答率 1 → 10 points, 平均响应 20 s → 10 points),
 * "=1+1" (an agent name that Sheets would take for a formula) in 40 s (0 → 0 points, 40 s → 6
 * points). Default scheme, no orders or ratings: total 10×10+10×10 = 200 of 200, pay 2000; and
 * 0×10+6×10 = 60 of 200, pay 2000 × 60 / 200 = 600.
 */
const MARCH = { 小美: [20, 20], '=1+1': [40, 40] };
/** Corrected exports: "=1+1" replied in 25 s: 1 → 10 points, 25 s → 8 points; 180 of 200, pay 1800. */
const MARCH_CORRECTED = { 小美: [20, 20], '=1+1': [25, 25] };

/** What 绩效 shows for an agent, its formulas evaluated as Sheets would (scripts/preview/formulas.ts). */
function shown(addon: Addon, agent: string, column: string) {
  const sheet = addon.spreadsheet.getSheetByName('绩效') as FakeSheet;
  const cells = sheet.dump();
  const r = cells.findIndex((row) => row[0] === agent) + 1;
  const c = (cells[0] ?? []).indexOf(column) + 1;
  if (r < 1 || c < 1) throw new Error(`绩效 has no ${agent} × ${column}`);
  const cell = sheet.peek(r, c);
  return cell.formula === '' ? cell.value : formulaValues(addon.spreadsheet).formulaValue(sheet, r, c);
}

describe('结算本期 Close pay period (menu)', () => {
  it('appends a row per agent to 发放记录 as values: figures, scores, total, full marks, pay, scheme, when', () => {
    const addon = loadCode({ temporaryUserKey: 'k-manager' });
    importTabs(addon, replies(MARCH));
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    expect(addon.prompts[0]?.prompt).toContain('Leave empty for "2024-03"');
    expect(addon.alerts.at(-1)?.prompt).toContain(
      'Closed "2024-03": 2 agents, 2,600.00 performance pay in total',
    );
    expect(header(addon).slice(0, 12)).toEqual([
      '周期 period',
      '状态 status',
      '客服 agent',
      '方案 scheme',
      '加权得分 total',
      '满分 full marks',
      '绩效工资 pay',
      '结算时间 closed at',
      '数据起止 data from~to',
      '设置与方案 settings and scheme',
      '操作人 by',
      '说明 reason',
    ]);
    expect(header(addon).slice(12, 16)).toEqual([
      '30秒应答率',
      '30秒应答率 得分',
      '平均响应时间(秒)',
      '平均响应时间(秒) 得分',
    ]);
    // Agents in name order, as the indicator tabs list them.
    const [formulaName, mei] = rowsOf(addon);
    expect(mei).toMatchObject({
      '周期 period': '2024-03',
      '状态 status': '已结算 closed',
      '客服 agent': '小美',
      '方案 scheme': '售前·日常',
      '加权得分 total': 200,
      '满分 full marks': 200,
      '绩效工资 pay': 2000,
      '数据起止 data from~to': '2024-03-01~2024-03-01',
      '操作人 by': 'key:k-manager',
      '30秒应答率': 1,
      '30秒应答率 得分': 10,
      '平均响应时间(秒)': 20,
      '平均响应时间(秒) 得分': 10,
    });
    expect(String(mei?.['结算时间 closed at'])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(String(mei?.['设置与方案 settings and scheme'])).toContain(
      '售前·日常: 满额 full pay 2000; 30秒应答率 ≥0.6/0.7/0.8→6/8/10 ×10 (max 10)',
    );
    // The agent named "=1+1" stays text: no cell of 发放记录 is a formula.
    expect(formulaName).toMatchObject({ '客服 agent': '=1+1', '绩效工资 pay': 600, '加权得分 total': 60 });
    expect(
      recordCells(addon)
        .formulas?.flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('closes a period once: a second close is refused and 发放记录 stays as it was', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    const before = recordCells(addon);
    answer(addon, { text: '2024-03' });
    addon.global.closePayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('Period "2024-03" was closed at');
    expect(addon.alerts.at(-1)?.prompt).toContain('cannot be closed twice');
    expect(recordCells(addon)).toEqual(before);
    // Cancelled: nothing asked further, nothing written.
    answer(addon, { button: 'CANCEL' });
    addon.global.closePayPeriod();
    expect(recordCells(addon)).toEqual(before);
  });

  it('protects 发放记录 warning-only: the add-on still writes (close, reopen), a hand edit asks first', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    const sheet = record(addon) as FakeSheet;
    const protections = () => sheet.getProtections('SHEET');
    expect(protections().map((p) => [p.isWarningOnly(), p.canEdit()])).toEqual([[true, true]]);
    expect(protections()[0]?.getDescription()).toContain('do not edit by hand');
    // A person typing over a paid figure is warned; cancelling leaves it as paid.
    const pay = sheet.getRange(2, 7, 1, 1);
    expect(pay.editByHand([[9999]], false)).toEqual({ warned: true, rejected: false });
    expect(pay.getValues()).toEqual([[600]]);
    // The add-on writes on without a prompt: reopen marks the rows, a new close appends.
    answer(addon, { text: '' }, { text: 'recount' }, { text: '' });
    addon.global.reopenPayPeriod();
    addon.global.closePayPeriod();
    expect(rowsOf(addon).map((row) => row['状态 status'])).toEqual([
      '已作废 superseded',
      '已作废 superseded',
      '重新打开 reopened',
      '已结算 closed',
      '已结算 closed',
    ]);
    expect(protections()).toHaveLength(1);
  });

  it('leaves a protection someone already put on 发放记录 as it is', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    const sheet = addon.spreadsheet.insertSheet('发放记录');
    sheet.getRange(1, 1, 1, PAY_RECORD_HEADER.length).setValues([[...PAY_RECORD_HEADER]]);
    sheet.protect().setDescription('owner’s own');
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    expect(sheet.getProtections('SHEET').map((p) => [p.isWarningOnly(), p.getDescription()])).toEqual([
      [false, 'owner’s own'],
    ]);
    expect(rowsOf(addon)).toHaveLength(2);
  });

  it('keeps the closed rows byte for byte through a re-import of different data, and says by how much today differs', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    const closed = recordCells(addon);
    const note = () =>
      addon.spreadsheet.getSheetByName('绩效')?.getRange(1, 1, 1, 1).getNotes()[0]?.[0] ?? '';
    expect(note()).toContain('Period 2024-03 was closed at');
    expect(note()).toContain("Today's figures equal the closed ones.");

    importTabs(addon, replies(MARCH_CORRECTED));
    // The indicator tabs moved…
    const service = addon.spreadsheet.getSheetByName('服务指标')?.dump() ?? [];
    const col = (service[0] ?? []).indexOf('平均响应时间(秒)');
    expect(service.find((row) => row[0] === '=1+1')?.[col]).toBe(25);
    // …the closed pay did not.
    expect(recordCells(addon)).toEqual(closed);
    for (const name of ['绩效', '服务指标', '销售指标', '售后指标']) {
      const text = addon.spreadsheet.getSheetByName(name)?.getRange(1, 1, 1, 1).getNotes()[0]?.[0] ?? '';
      expect(text, name).toContain('Period 2024-03 was closed at');
    }
    expect(note()).toContain("today's figures differ from the closed ones (3)");
    expect(note()).toContain('=1+1 30秒应答率: 0 → 1 (+1)');
    expect(note()).toContain('=1+1 平均响应时间(秒): 40 → 25 (-15)');
    expect(note()).toContain('=1+1 绩效工资 pay: 600 → 1800 (+1200)');
  });
});

describe('the change since the previous closed period', () => {
  it('gives the next month’s import the closed figures: each indicator’s change column against them', () => {
    const addon = loadCode({ temporaryUserKey: 'k-manager' });
    importTabs(addon, replies(MARCH));
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    // April: "=1+1" now replies in 25 s (March: 40 s), 小美 in 10 s (March: 20 s).
    const april = replies({ 小美: [10, 10], '=1+1': [25, 25] }, Date.UTC(2024, 3, 1, 2));
    const previous = addon.callServer('previousClosedPeriod', {
      from: '2024-04-01',
      to: '2024-04-01',
    }) as PreviousFigures | null;
    expect(previous).toMatchObject({ period: '2024-03' });
    expect(previous?.rows.find((r) => r.agent === '=1+1')?.figures).toMatchObject({
      fast_reply_rate: 0,
      avg_response_s: 40,
    });
    // The span the sidebar asks with is the consultations' days on their shop's clock.
    const tabs = tabsFor(april, { minSample: 1 }, (report) => {
      expect(consultationSpan(report.consultations)).toEqual({ from: '2024-04-01', to: '2024-04-01' });
      return { formulas: 'native', ...(previous ? { previous } : {}) };
    });
    addon.callServer('writeTabs', { tabs, replaceEdited: true });
    const [head = [], ...rows] =
      addon.spreadsheet.getSheetByName('服务指标')?.getDataRange().getValues() ?? [];
    const at = (agent: string, column: string) =>
      rows.find((row) => row[0] === agent)?.[head.indexOf(column)];
    // Hand-computed: 25 − 40 = −15 s; 10 − 20 = −10 s; 30秒应答率 1 against 0: +100 points, against 1: 0.
    expect(at('=1+1', '平均响应时间(秒) 较上期')).toBe(-15);
    expect(at('小美', '平均响应时间(秒) 较上期')).toBe(-10);
    expect(at('=1+1', '30秒应答率 较上期(百分点)')).toBe(100);
    expect(at('小美', '30秒应答率 较上期(百分点)')).toBe(0);
  });

  it('gives 绩效 a change column right of each score, the total and the pay, against the closed pay', () => {
    const addon = loadCode({ temporaryUserKey: 'k-manager' });
    importTabs(addon, replies(MARCH));
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    // April: "=1+1" replies in 25 s (March 40 s), 小美 in 10 s (March 20 s), a new agent 小王 in 20 s.
    const april = replies({ 小美: [10, 10], '=1+1': [25, 25], 小王: [20, 20] }, Date.UTC(2024, 3, 1, 2));
    const previous = addon.callServer('previousClosedPeriod', {
      from: '2024-04-01',
      to: '2024-04-01',
    }) as PreviousFigures;
    const tabs = tabsFor(april, { minSample: 1 }, () => ({ formulas: 'native', previous }));
    addon.callServer('writeTabs', { tabs, replaceEdited: true });
    const card = () => addon.spreadsheet.getSheetByName('绩效') as FakeSheet;
    expect(
      card()
        .dump()[0]
        ?.filter((name) => name !== ''),
    ).toEqual([
      '客服',
      '方案',
      '30秒应答率',
      '30秒应答率 得分',
      '30秒应答率 得分 较上期',
      '平均响应时间(秒)',
      '平均响应时间(秒) 得分',
      '平均响应时间(秒) 得分 较上期',
      '询单转化率',
      '询单转化率 得分',
      '询单转化率 得分 较上期',
      '满意率',
      '满意率 得分',
      '满意率 得分 较上期',
      '加权得分',
      '加权得分 较上期',
      '满分',
      '绩效工资',
      '绩效工资 较上期',
    ]);
    // Hand-computed from March's closed rows ("=1+1": scores 0 and 6, total 60, pay 600; 小美: 10 and
    // 10, 200, 2000). "=1+1" in April: 30秒应答率 1 → 10 (+10), 25 s → 8 (+2), total 180 (+120), pay
    // 1800 (+1200). 小美: 10 s → 10, unchanged (0). 小王, new: no change, empty.
    const changes = (agent: string) =>
      [
        '30秒应答率 得分 较上期',
        '平均响应时间(秒) 得分 较上期',
        '询单转化率 得分 较上期',
        '加权得分 较上期',
        '绩效工资 较上期',
      ].map((column) => shown(addon, agent, column));
    expect(changes('=1+1')).toEqual([10, 2, '', 120, 1200]);
    expect(changes('小美')).toEqual([0, 0, '', 0, 0]);
    expect(changes('小王')).toEqual(['', '', '', '', '']);
    expect(shown(addon, '=1+1', '绩效工资')).toBe(1800);
    // Signed, printed as they read; the header's note says against what.
    const at = (column: string) => (card().dump()[0] ?? []).indexOf(column) + 1;
    expect(card().getRange(2, at('绩效工资 较上期'), 1, 1).getNumberFormats()).toEqual([
      ['+#,##0.00;-#,##0.00;0.00'],
    ]);
    const note = card().getRange(1, at('绩效工资 较上期'), 1, 1).getNotes()[0]?.[0];
    expect(note).toMatch(/^本期 − 上期 2024-03（结算于 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d）/);
    expect(note).toContain("that agent's closed row in 发放记录");

    // 按设置重新计算 keeps them; a full pay edited in 设置 moves today's pay and its change, not March's.
    const settings = addon.spreadsheet.getSheetByName('设置') as FakeSheet;
    const payRow = settings.dump().findIndex((row) => row.includes(2000)) + 1;
    const payCol = (settings.dump()[payRow - 1] ?? []).indexOf(2000) + 1;
    settings.getRange(payRow, payCol, 1, 1).setValues([[3000]]);
    addon.global.applyRecompute();
    expect(shown(addon, '=1+1', '绩效工资')).toBe(2700);
    expect(shown(addon, '=1+1', '绩效工资 较上期')).toBe(2100);
    expect(shown(addon, '小美', '绩效工资 较上期')).toBe(1000);
  });

  it('has none before the first closed period, nor for data that the closed period itself covers', () => {
    const addon = loadCode({ temporaryUserKey: 'k-manager' });
    importTabs(addon, replies(MARCH));
    expect(addon.callServer('previousClosedPeriod', { from: '2024-04-01', to: '2024-04-30' })).toBeNull();
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    expect(addon.callServer('previousClosedPeriod', { from: '2024-03-01', to: '2024-03-31' })).toBeNull();
  });
});

describe('重新打开 Reopen pay period (menu)', () => {
  it('asks for a reason, marks the old rows superseded (kept) and records when, by whom and why', () => {
    const addon = loadCode({ temporaryUserKey: 'k-lead' });
    importTabs(addon, replies(MARCH));
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    const [closedOther, closedMei] = rowsOf(addon);
    importTabs(addon, replies(MARCH_CORRECTED));

    answer(addon, { text: '' }, { text: '千牛导出漏了 3 月 1 日的回复 the export missed replies' });
    addon.global.reopenPayPeriod();
    expect(addon.prompts.at(-2)?.prompt).toContain('Leave empty for "2024-03"');
    expect(addon.alerts.at(-1)?.prompt).toContain('its 2 rows are marked superseded and kept');
    const rows = rowsOf(addon);
    expect(rows).toHaveLength(3);
    // The old rows: every cell as paid, but the status.
    expect(rows[0]).toEqual({ ...closedOther, '状态 status': '已作废 superseded' });
    expect(rows[1]).toEqual({ ...closedMei, '状态 status': '已作废 superseded' });
    expect(rows[2]).toMatchObject({
      '周期 period': '2024-03',
      '状态 status': '重新打开 reopened',
      '操作人 by': 'key:k-lead',
      '说明 reason': '千牛导出漏了 3 月 1 日的回复 the export missed replies',
    });
    const note = () =>
      addon.spreadsheet.getSheetByName('绩效')?.getRange(1, 1, 1, 1).getNotes()[0]?.[0] ?? '';
    expect(note()).toBe('');

    // Closed again: the corrected pay, below; the superseded rows stay.
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    const again = rowsOf(addon);
    expect(again).toHaveLength(5);
    expect(again.slice(3).map((row) => [row['客服 agent'], row['绩效工资 pay'], row['状态 status']])).toEqual(
      [
        ['=1+1', 1800, '已结算 closed'],
        ['小美', 2000, '已结算 closed'],
      ],
    );
    expect(again.slice(0, 3)).toEqual(rows);
    expect(note()).toContain("Today's figures equal the closed ones.");
  });

  it('changes nothing without a reason, or for a period that is not closed', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    addon.global.reopenPayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('No period is closed.');
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    const before = recordCells(addon);
    answer(addon, { text: '' }, { text: '   ' });
    addon.global.reopenPayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('Reopening needs a reason; nothing was changed.');
    answer(addon, { text: '2024-02' });
    addon.global.reopenPayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('Period "2024-02" is not closed; nothing was changed.');
    expect(recordCells(addon)).toEqual(before);
  });
});

describe('申诉 Appeals (menu), read by 绩效’s formulas', () => {
  const appeal = (addon: Addon, row: number, cells: (string | number)[]) =>
    addon.spreadsheet.getSheetByName('申诉')?.getRange(row, 1, 1, cells.length).setValues([cells]);

  it('makes 申诉 with a decision dropdown; an accepted appeal changes 绩效, a rejected one or another period’s nothing', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    addon.global.openAppeals();
    const tab = addon.spreadsheet.getSheetByName('申诉') as FakeSheet;
    expect(tab.dump()[0]).toEqual([
      '客服 agent',
      '周期 period',
      '指标 indicator',
      '申诉内容 claim',
      '决定 decision',
      '更正数字 corrected figure',
      '日期 date',
    ]);
    expect(tab.getRange(2, 5, 1, 1).getDataValidation()).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: ['接受 accepted', '驳回 rejected'],
      showDropdown: true,
      allowInvalid: false,
    });
    expect(tab.getRange(1000, 3, 1, 1).getDataValidation()?.values).toEqual([
      '30秒应答率',
      '平均响应时间(秒)',
      '询单转化率',
      '满意率',
    ]);
    expect(addon.alerts.at(-1)?.prompt).toContain('The 申诉 tab is ready');
    // 绩效's figures are formulas over 申诉 now; with no appeal they are the imported figures.
    expect(String(shown(addon, '=1+1', '平均响应时间(秒)'))).toBe('40');
    expect(shown(addon, '=1+1', '绩效工资')).toBe(600);

    // Rejected: nothing changes.
    appeal(addon, 2, [
      '=1+1',
      '2024-03',
      '平均响应时间(秒)',
      '系统卡顿 the system hung',
      '驳回 rejected',
      25,
    ]);
    expect(shown(addon, '=1+1', '绩效工资')).toBe(600);
    // Accepted for another period: nothing changes either.
    appeal(addon, 3, [
      '=1+1',
      '2024-02',
      '平均响应时间(秒)',
      '系统卡顿 the system hung',
      '接受 accepted',
      25,
    ]);
    expect(shown(addon, '=1+1', '绩效工资')).toBe(600);
    // Accepted for March: 40 s → 25 s scores 8 instead of 6: 0×10 + 8×10 = 80 of 200, pay 800.
    appeal(addon, 2, [
      '=1+1',
      '2024-03',
      '平均响应时间(秒)',
      '系统卡顿 the system hung',
      '接受 accepted',
      25,
    ]);
    expect(shown(addon, '=1+1', '平均响应时间(秒)')).toBe(25);
    expect(shown(addon, '=1+1', '平均响应时间(秒) 得分')).toBe(8);
    expect(shown(addon, '=1+1', '绩效工资')).toBe(800);
    // 小美 is untouched (an agent named like a formula is matched exactly, not as a criterion).
    expect(shown(addon, '小美', '绩效工资')).toBe(2000);

    // A close pays what 绩效 shows: the accepted appeal applied (the one of no known period, which
    // would stop it, cleared first: see the next test).
    appeal(addon, 3, ['', '', '', '', '', '']);
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    expect(
      rowsOf(addon).map((row) => [row['客服 agent'], row['平均响应时间(秒)'], row['绩效工资 pay']]),
    ).toEqual([
      ['=1+1', 25, 800],
      ['小美', 20, 2000],
    ]);

    // For a closed period an appeal shows in 绩效 (and its note), but 发放记录 changes only through reopen.
    const closed = recordCells(addon);
    appeal(addon, 4, ['=1+1', '2024-03', '30秒应答率', '漏算 missed', '接受 accepted', 1]);
    expect(shown(addon, '=1+1', '绩效工资')).toBe(1800);
    addon.global.applyRecompute();
    expect(recordCells(addon)).toEqual(closed);
    const note = addon.spreadsheet.getSheetByName('绩效')?.getRange(1, 1, 1, 1).getNotes()[0]?.[0] ?? '';
    expect(note).toContain('=1+1 绩效工资 pay: 800 → 1800 (+1000)');
    answer(addon, { text: '' }, { text: '申诉第 4 行已接受 appeal on row 4 accepted' }, { text: '' });
    addon.global.reopenPayPeriod();
    addon.global.closePayPeriod();
    expect(rowsOf(addon).at(-2)).toMatchObject({ '客服 agent': '=1+1', '绩效工资 pay': 1800 });
  });

  it('guards the period: a dropdown of the known periods, and an accepted appeal of another period named and refused at close', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    addon.global.openAppeals();
    const tab = addon.spreadsheet.getSheetByName('申诉') as FakeSheet;
    const periods = () => tab.getRange(1000, 2, 1, 1).getDataValidation();
    expect(periods()).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: ['2024-03'],
      showDropdown: true,
      allowInvalid: false,
    });
    // Typed by hand another way, the period is rejected by Sheets; from the list it is taken.
    expect(tab.getRange(2, 2, 1, 1).editByHand([['2024年3月']], true)).toMatchObject({ rejected: true });
    expect(tab.getRange(2, 2, 1, 1).editByHand([['2024-03']], true)).toMatchObject({ rejected: false });

    // Pasted past the dropdown (or left from before it), an accepted appeal of no known period…
    appeal(addon, 3, ['小美', '2024年3月', '平均响应时间(秒)', 'slow', '接受 accepted', 10]);
    addon.global.applyRecompute();
    const cardNote = () =>
      addon.spreadsheet.getSheetByName('绩效')?.getRange(1, 1, 1, 1).getNotes()[0]?.[0] ?? '';
    // …is named on 绩效, with its row and the periods it may name…
    expect(cardNote()).toContain('申诉 B3: 周期「2024年3月」不是已知周期（2024-03）');
    expect(cardNote()).toContain('Period "2024年3月" is no known period (2024-03)');
    // …and a close is refused, nothing written.
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('nothing was closed');
    expect(addon.alerts.at(-1)?.prompt).toContain('申诉 B3');
    expect(record(addon)).toBeNull();

    // Corrected, March closes; an accepted appeal of the data's period under another close name is
    // refused too (绩效 would apply it, the close would not).
    appeal(addon, 3, ['小美', '2024-03', '平均响应时间(秒)', 'slow', '接受 accepted', 10]);
    answer(addon, { text: 'March' });
    addon.global.closePayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('Period "2024-03" is no known period (March)');
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('Closed "2024-03"');
    expect(cardNote()).not.toContain('申诉 B3');

    // April's import: the dropdown offers April, then the closed March.
    importTabs(addon, replies({ 小美: [10, 10], '=1+1': [25, 25] }, Date.UTC(2024, 3, 1, 2)));
    expect(periods()?.values).toEqual(['2024-04', '2024-03']);
  });

  it('refuses to close while two accepted appeals claim the same figure; 绩效 shows #N/A there', () => {
    const addon = loadCode();
    importTabs(addon, replies(MARCH));
    addon.global.openAppeals();
    appeal(addon, 2, ['=1+1', '2024-03', '平均响应时间(秒)', 'a', '接受 accepted', 25]);
    appeal(addon, 3, ['=1+1', '2024-03', '平均响应时间(秒)', 'b', '接受 accepted', 30]);
    expect(String(shown(addon, '=1+1', '绩效工资'))).toBe('#N/A');
    answer(addon, { text: '' });
    addon.global.closePayPeriod();
    expect(addon.alerts.at(-1)?.prompt).toContain('申诉 rows 2, 3: =1+1 平均响应时间(秒) 2024-03');
    expect(record(addon)).toBeNull();
  });
});

describe('按设置重新计算: the pay what-if before it applies', () => {
  it('opens the sidebar on the what-if; pay now is what 绩效 shows, after is what the edited 设置 gives; nothing written until applied', () => {
    const addon = loadCode({ spreadsheet: { evaluateFormulas: true } });
    importTabs(addon, replies(MARCH));
    // A second scheme, 售后·日常 (30秒应答率 at 0.3/0.5/1 → 6/8/10, weight 10; pay 1500), and "=1+1" on it.
    const settings = addon.spreadsheet.getSheetByName('设置');
    settings
      ?.getRange(6, 1, 1, 13)
      .setValues([
        ['售后·日常', 'fast_reply_rate', '30秒应答率', 'higher', 1, 0.3, 0.5, 1, 6, 8, 10, 10, 10],
      ]);
    settings?.getRange(3, 15, 1, 2).setValues([['售后·日常', 1500]]);
    const assigned = settings?.dump().map((row) => row[17]) ?? [];
    settings?.getRange(assigned.indexOf('=1+1') + 1, 19, 1, 1).setValues([['售后·日常']]);
    const before = addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()]);

    addon.global.recomputeFromSettings();
    expect(addon.sidebars).toHaveLength(1);
    expect((addon.callServer('getSidebarContext') as { whatIf: boolean }).whatIf).toBe(true);
    // Read once: the next opening of the sidebar is an ordinary one.
    expect((addon.callServer('getSidebarContext') as { whatIf: boolean }).whatIf).toBe(false);
    // Now: 600 and 2000 as 绩效 shows them. After: "=1+1" on 售后·日常 scores 30秒应答率 0 → 0 points
    // of 10 × 10: pay 0; 小美 unchanged.
    expect(addon.callServer('payWhatIf')).toEqual({
      rows: [
        { agent: '=1+1', schemeNow: '售前·日常', payNow: 600, schemeAfter: '售后·日常', payAfter: 0 },
        { agent: '小美', schemeNow: '售前·日常', payNow: 2000, schemeAfter: '售前·日常', payAfter: 2000 },
      ],
    });
    expect(addon.spreadsheet.getSheets().map((s) => [s.peekName(), s.dump()])).toEqual(before);

    expect(addon.callServer('applyRecompute')).toMatchObject({ applied: true });
    const card = addon.spreadsheet.getSheetByName('绩效')?.getDataRange().getValues() ?? [];
    const pay = (card[0] ?? []).indexOf('绩效工资');
    expect(card.slice(1).map((row) => [row[0], row[1], row[pay]])).toEqual([
      ['=1+1', '售后·日常', 0],
      ['小美', '售前·日常', 2000],
    ]);
    // After applying, now and after agree.
    const again = addon.callServer('payWhatIf') as { rows: { payNow: number; payAfter: number }[] };
    expect(again.rows.map((row) => row.payNow)).toEqual(again.rows.map((row) => row.payAfter));
  });

  it('says what is wrong in 设置 instead of a what-if', () => {
    const addon = loadCode({ spreadsheet: { evaluateFormulas: true } });
    importTabs(addon, replies(MARCH));
    addon.editCell('设置', 3, 7, '七成');
    expect(addon.callServer('payWhatIf')).toEqual({
      rows: [],
      problem: expect.stringContaining('设置 G3（门槛2）："七成" is not a number'),
    });
  });
});
