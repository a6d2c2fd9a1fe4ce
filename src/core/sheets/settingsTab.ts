import {
  INDICATOR_BY_ID,
  indicatorName,
  indicatorOfName,
  type Language,
  type Naming,
} from '../engine/catalog';
import type { Scheme, SchemeItem } from '../engine/scheme';

/**
 * The 设置 tab: the team's schemes (方案) as three plain tables side by side, so a team edits them
 * like any sheet and every formula can point at a fixed cell.
 *
 *   A–M  one row per scheme and indicator: tiers, weight, maximum points, target
 *   O–Q  one row per scheme: its full performance pay, and whether low-sample figures are left unscored
 *   R–S  one row per agent: the scheme the agent is scored on (an agent not listed: the first scheme)
 */

export const SETTINGS_TAB = '设置';

export const ITEM_HEADER = [
  '方案',
  '指标 id',
  '名称',
  '方向',
  '目标',
  '门槛1',
  '门槛2',
  '门槛3',
  '分数1',
  '分数2',
  '分数3',
  '权重',
  '最高分',
] as const;
export const PAY_HEADER = ['方案', '满额绩效工资'] as const;
/**
 * Q, beside the pay: TRUE leaves the scheme's low-sample figures (min_sample) out of the total and the
 * full marks. A 设置 written before it has no such header: its schemes score every figure.
 */
export const PAY_OPTION_HEADER = '样本不足不计分';
export const ASSIGNMENT_HEADER = ['客服', '方案'] as const;

/** 1-based columns of each table's first column. */
const ITEM_COLUMN = 1;
const PAY_COLUMN = 15;
const ASSIGNMENT_COLUMN = 18;
export const SETTINGS_WIDTH = ASSIGNMENT_COLUMN + ASSIGNMENT_HEADER.length - 1;

/** Column letters of the item table, by meaning: what formulas on other tabs point at. */
export const ITEM_COLUMNS = {
  target: 'E',
  thresholds: ['F', 'G', 'H'],
  points: ['I', 'J', 'K'],
  weight: 'L',
  maxPoints: 'M',
} as const;
export const PAY_VALUE_COLUMN = 'P';
export const PAY_OPTION_COLUMN = 'Q';

/** A scheme as 设置 holds it: the scheme, and the row of each of its items and of its pay. */
export interface SchemeLayout {
  scheme: Scheme;
  /** 1-based row of each item, in the scheme's order. */
  itemRows: number[];
  payRow: number;
}

export interface SettingsBook {
  /** In the order of first appearance; the first is every unassigned agent's scheme. */
  schemes: SchemeLayout[];
  /** Agent → scheme name. */
  assignments: Map<string, string>;
}

type Cell = string | number | boolean | null;

/** 方向 as 设置 shows it, in the workbook's language; the reader takes these words back (DIRECTIONS). */
const DIRECTION_WORDS: Record<Language, Record<'higher' | 'lower', string>> = {
  'zh-CN': { higher: '越高越好', lower: '越低越好' },
  'zh-TW': { higher: '越高越好', lower: '越低越好' },
  en: { higher: 'higher', lower: 'lower' },
};

/**
 * The rows of 设置 for these schemes, with each listed agent assigned to a scheme; indicator names and
 * directions in the workbook's language (the headers stay as formulas on other tabs name them).
 */
export function settingsRows(
  schemes: readonly Scheme[],
  assignments: readonly [string, string][],
  language: Language = 'zh-CN',
  /** The settings the names say (3分钟应答率 under fast_reply_seconds 180); none: the defaults. */
  naming?: Naming,
): Cell[][] {
  const name = (id: string) => {
    const indicator = INDICATOR_BY_ID.get(id);
    return indicator ? indicatorName(indicator, language, naming) : id;
  };
  const items: Cell[][] = schemes.flatMap((scheme) =>
    scheme.items.map((item) => [
      scheme.name,
      item.id,
      name(item.id),
      DIRECTION_WORDS[language][item.better],
      item.target,
      ...item.thresholds,
      ...item.points,
      item.weight,
      item.maxPoints,
    ]),
  );
  const pays: Cell[][] = schemes.map((scheme) => [
    scheme.name,
    scheme.fullPay,
    scheme.leaveOutLowSample ?? false,
  ]);
  const agents: Cell[][] = assignments.map(([agent, scheme]) => [agent, scheme]);
  const height = 1 + Math.max(items.length, pays.length, agents.length);
  const rows: Cell[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Cell[] = Array.from({ length: SETTINGS_WIDTH }, () => null);
    const place = (table: Cell[][], header: readonly string[], column: number) => {
      const line = r === 0 ? [...header] : table[r - 1];
      line?.forEach((cell, i) => {
        row[column - 1 + i] = cell;
      });
    };
    place(items, ITEM_HEADER, ITEM_COLUMN);
    place(pays, [...PAY_HEADER, PAY_OPTION_HEADER], PAY_COLUMN);
    place(agents, ASSIGNMENT_HEADER, ASSIGNMENT_COLUMN);
    rows.push(row);
  }
  return rows;
}

/** A mistake in 设置, said so that the user can find and fix the cell. */
export class SettingsTabError extends Error {
  override name = 'SettingsTabError';
}

const letter = (column: number) => String.fromCharCode(64 + column);
const blank = (cell: unknown) => cell === null || cell === undefined || String(cell).trim() === '';
const text = (cell: unknown) => (blank(cell) ? '' : String(cell).trim());

const DIRECTIONS: Record<string, 'higher' | 'lower'> = {
  higher: 'higher',
  lower: 'lower',
  高: 'higher',
  低: 'lower',
  越高越好: 'higher',
  越低越好: 'lower',
};

/**
 * Reads 设置 back (values as getValues gives them, or as text): every scheme with the rows its
 * items and pay are on, and the agents' schemes. Any cell that cannot be read stops it, with the
 * row, column and what to write instead.
 */
export function readSettingsBook(rows: readonly (readonly unknown[])[]): SettingsBook {
  const problems: string[] = [];
  const problem = (row: number, column: number, header: string, message: string) =>
    problems.push(`设置 ${letter(column)}${row}（${header}）：${message}`);
  const header = rows[0] ?? [];
  const expect = (names: readonly string[], column: number) =>
    names.forEach((name, i) => {
      if (text(header[column - 1 + i]) !== name)
        problem(
          1,
          column + i,
          name,
          `the header should read "${name}"; set up the template again or restore it.`,
        );
    });
  expect(ITEM_HEADER, ITEM_COLUMN);
  expect(PAY_HEADER, PAY_COLUMN);
  expect(ASSIGNMENT_HEADER, ASSIGNMENT_COLUMN);
  const optionColumn = PAY_COLUMN + PAY_HEADER.length;
  const hasOption = !blank(header[optionColumn - 1]);
  if (hasOption) expect([PAY_OPTION_HEADER], optionColumn);
  if (problems.length > 0) throw new SettingsTabError(problems.join('\n'));

  const number = (row: number, column: number, name: string, cell: unknown): number => {
    const value = typeof cell === 'number' ? cell : Number(text(cell).replace(/,/g, ''));
    if (blank(cell) || !Number.isFinite(value)) {
      problem(row, column, name, `"${text(cell)}" is not a number; write a number such as 0.8 or 30.`);
      return Number.NaN;
    }
    return value;
  };

  const layouts = new Map<string, SchemeLayout>();
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (row === 1) return;
    const at = (i: number) => cells[ITEM_COLUMN - 1 + i];
    if (ITEM_HEADER.every((_, i) => blank(at(i)))) return;
    const name = text(at(0));
    if (!name) problem(row, ITEM_COLUMN, '方案', 'the scheme has no name; write one, such as 售前·日常.');
    const id = indicatorOfName(text(at(1)))?.id;
    if (!id)
      problem(
        row,
        ITEM_COLUMN + 1,
        '指标 id',
        `"${text(at(1))}" is not an indicator; write an id from docs/indicators.md, such as fast_reply_rate.`,
      );
    const better = DIRECTIONS[text(at(3)).toLowerCase()];
    if (!better)
      problem(row, ITEM_COLUMN + 3, '方向', `"${text(at(3))}" is not a direction; write higher or lower.`);
    const numbers = [4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) =>
      number(row, ITEM_COLUMN + i, ITEM_HEADER[i] as string, at(i)),
    ) as [number, number, number, number, number, number, number, number, number];
    const [target, t1, t2, t3, p1, p2, p3, weight, maxPoints] = numbers;
    if (!(t1 <= t2 && t2 <= t3))
      problem(
        row,
        ITEM_COLUMN + 5,
        '门槛1',
        'the thresholds must go from lowest to highest (门槛1 ≤ 门槛2 ≤ 门槛3).',
      );
    if (weight < 0) problem(row, ITEM_COLUMN + 11, '权重', 'a weight cannot be negative.');
    if (!name || !id || !better || numbers.some((n) => Number.isNaN(n))) return;
    const item: SchemeItem = {
      id,
      better,
      target,
      thresholds: [t1, t2, t3],
      points: [p1, p2, p3],
      weight,
      maxPoints,
    };
    const layout = layouts.get(name) ?? { scheme: { name, fullPay: 0, items: [] }, itemRows: [], payRow: 0 };
    if (layout.scheme.items.some((i) => i.id === id))
      problem(
        row,
        ITEM_COLUMN + 1,
        '指标 id',
        `${id} is already in scheme ${name}; keep one row per indicator.`,
      );
    layout.scheme.items.push(item);
    layout.itemRows.push(row);
    layouts.set(name, layout);
  });
  if (layouts.size === 0 && problems.length === 0)
    problem(
      2,
      ITEM_COLUMN,
      '方案',
      'no scheme is set; add a row per indicator, or set up the template again.',
    );

  rows.forEach((cells, index) => {
    const row = index + 1;
    const name = text(cells[PAY_COLUMN - 1]);
    if (row === 1 || (!name && blank(cells[PAY_COLUMN]))) return;
    const layout = layouts.get(name);
    if (!layout) {
      problem(row, PAY_COLUMN, '方案', `there is no scheme "${name}" in column A; write a scheme's name.`);
      return;
    }
    layout.scheme.fullPay = number(row, PAY_COLUMN + 1, '满额绩效工资', cells[PAY_COLUMN]);
    layout.payRow = row;
    const option = cells[optionColumn - 1];
    const word = text(option).toUpperCase();
    // 绩效's formulas test the cell for TRUE: only a boolean (or blank) means the same to them and here.
    if (
      hasOption &&
      option !== true &&
      option !== false &&
      !blank(option) &&
      word !== 'TRUE' &&
      word !== 'FALSE'
    )
      problem(
        row,
        optionColumn,
        PAY_OPTION_HEADER,
        `"${text(option)}" is not TRUE or FALSE; write TRUE to leave low-sample figures unscored, FALSE to score them.`,
      );
    layout.scheme.leaveOutLowSample = option === true || word === 'TRUE';
  });
  for (const layout of layouts.values())
    if (layout.payRow === 0)
      problem(
        rows.length + 1,
        PAY_COLUMN,
        '方案',
        `scheme ${layout.scheme.name} has no full pay; add a row: ${layout.scheme.name}, and the amount.`,
      );

  const assignments = new Map<string, string>();
  rows.forEach((cells, index) => {
    const row = index + 1;
    const agent = text(cells[ASSIGNMENT_COLUMN - 1]);
    const scheme = text(cells[ASSIGNMENT_COLUMN]);
    if (row === 1 || (!agent && !scheme)) return;
    if (!agent)
      problem(row, ASSIGNMENT_COLUMN, '客服', 'the agent is missing; write the name as in the chat export.');
    else if (!layouts.has(scheme))
      problem(
        row,
        ASSIGNMENT_COLUMN + 1,
        '方案',
        `there is no scheme "${scheme}"; write one of: ${[...layouts.keys()].join(', ')}.`,
      );
    else assignments.set(agent, scheme);
  });
  if (problems.length > 0) throw new SettingsTabError(problems.join('\n'));
  return { schemes: [...layouts.values()], assignments };
}

/** The scheme an agent is scored on. */
export function schemeOf(book: SettingsBook, agent: string): SchemeLayout {
  const name = book.assignments.get(agent);
  return book.schemes.find((s) => s.scheme.name === name) ?? (book.schemes[0] as SchemeLayout);
}

/** A reference to a cell of 设置 that formulas on other tabs read. */
export const settingsRef = (column: string, row: number) => `'${SETTINGS_TAB}'!$${column}$${row}`;

/**
 * The same cell for a conditional-format rule: Sheets lets such a formula name only its own tab and
 * reach another through INDIRECT (https://support.google.com/docs/answer/78413). The reference is
 * text, so it is also indifferent to the name 设置 has while an import is being written.
 */
export const settingsIndirect = (column: string, row: number) =>
  `INDIRECT("'${SETTINGS_TAB}'!${column}${row}")`;
