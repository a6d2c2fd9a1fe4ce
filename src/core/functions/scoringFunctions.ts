import { progressiveTiers, stepTier, weightedScore } from '../lib/scoreArithmetic';
import type { CustomFunctionSpec } from './customFunctionSpec';
import {
  FormulaInputError,
  isBlank,
  readNumberGrid,
  type SheetArg,
  type SheetCell,
  shapeOf,
  toCell,
  toSheetResult,
} from './sheetArgs';

/**
 * Scoring and pay (SPEC §6). Scores come as one agent per row with one indicator per column (or the
 * transpose, when the weights are a column), so a whole team is one formula.
 */

const RANGE = 'Array<Array<number>>';
const NUMBER_OR_RANGE = 'number|Array<Array<number>>';

function weightList(
  name: string,
  argument: string,
  arg: SheetArg,
): { list: (number | null)[]; isRow: boolean } {
  const grid = readNumberGrid(name, argument, arg);
  const shape = shapeOf(grid);
  if (shape.rows !== 1 && shape.columns !== 1) {
    throw new FormulaInputError(
      name,
      `${argument} must be a single row or a single column, one per indicator.`,
    );
  }
  const list = grid.flat();
  if (list.some((w) => w != null && w < 0))
    throw new FormulaInputError(name, `${argument} cannot be negative.`);
  if (list.every((w) => w == null || w === 0)) {
    throw new FormulaInputError(name, `${argument} are all 0 or empty; give each indicator its weight.`);
  }
  return { list, isRow: shape.rows === 1 };
}

/**
 * Splits a block of scores into one vector per agent, following the weights: a row of weights means
 * one agent per row, a column of weights one agent per column; two vectors of equal length are one agent.
 */
function agentsOf(
  name: string,
  argument: string,
  arg: SheetArg,
  weights: { list: unknown[]; isRow: boolean },
) {
  const grid = readNumberGrid(name, argument, arg);
  const shape = shapeOf(grid);
  const n = weights.list.length;
  if ((shape.rows === 1 || shape.columns === 1) && grid.flat().length === n) {
    return { agents: [grid.flat()], byRow: true, single: true };
  }
  const indicators = weights.isRow ? shape.columns : shape.rows;
  if (indicators !== n) {
    throw new FormulaInputError(
      name,
      `${argument} has ${indicators} ${weights.isRow ? 'columns' : 'rows'} of indicators but weights has ${n}; give one weight per indicator.`,
    );
  }
  const agents = weights.isRow
    ? grid.map((row) => [...row])
    : Array.from({ length: shape.columns }, (_, c) => grid.map((row) => row[c] ?? null));
  return { agents, byRow: weights.isRow, single: false };
}

function shaped(values: (number | null)[], byRow: boolean, single: boolean) {
  const cells: SheetCell[] = values.map(toCell);
  if (single) return cells[0] ?? '';
  return toSheetResult(byRow ? cells.map((c) => [c]) : [cells]);
}

function weightedScoreFormula(scores: SheetArg, weights: SheetArg) {
  const name = 'WEIGHTED_SCORE';
  const w = weightList(name, 'weights', weights);
  const { agents, byRow, single } = agentsOf(name, 'scores', scores, w);
  return shaped(
    agents.map((s) => weightedScore(s, w.list)),
    byRow,
    single,
  );
}

function fullMarksFormula(maxPoints: SheetArg, weights: SheetArg) {
  const name = 'FULL_MARKS';
  const w = weightList(name, 'weights', weights);
  const { agents, byRow, single } = agentsOf(name, 'max_points', maxPoints, w);
  return shaped(
    agents.map((m) => weightedScore(m, w.list)),
    byRow,
    single,
  );
}

function performancePayFormula(fullPay: SheetArg, scores: SheetArg, weights: SheetArg, maxPoints: SheetArg) {
  const name = 'PERFORMANCE_PAY';
  const w = weightList(name, 'weights', weights);
  const max = readNumberGrid(name, 'max_points', maxPoints).flat();
  if (max.length !== w.list.length || max.some((m) => m === null)) {
    throw new FormulaInputError(name, 'max_points needs one value per indicator, as many as weights.');
  }
  const { agents, byRow, single } = agentsOf(name, 'scores', scores, w);
  const pay = readNumberGrid(name, 'full_pay', fullPay).flat();
  if (pay.length !== 1 && pay.length !== agents.length) {
    throw new FormulaInputError(
      name,
      `full_pay is one amount, or one per agent (${agents.length}); it has ${pay.length}.`,
    );
  }
  return shaped(
    agents.map((agentScores, i) => {
      const amount = pay.length === 1 ? pay[0] : pay[i];
      // An indicator without a score is left out of both the total and the full marks.
      const scored = w.list.map((weight, k) => (agentScores[k] == null ? null : weight));
      const total = weightedScore(agentScores, scored);
      const full = weightedScore(max, scored);
      if (amount == null || total === null || full === null || full === 0) return null;
      return (amount * total) / full;
    }),
    byRow,
    single,
  );
}

const DIRECTIONS: Record<string, 'higher' | 'lower'> = {
  higher: 'higher',
  high: 'higher',
  高: 'higher',
  越高越好: 'higher',
  lower: 'lower',
  low: 'lower',
  低: 'lower',
  越低越好: 'lower',
};

function textOption(
  name: string,
  argument: string,
  arg: SheetArg,
  allowed: Record<string, string>,
  fallback: string,
) {
  if (arg === undefined || (!Array.isArray(arg) && isBlank(arg as string))) return fallback;
  const text = String(Array.isArray(arg) ? (arg as unknown[][])[0]?.[0] : arg)
    .trim()
    .toLowerCase();
  const value = allowed[text];
  if (!value) {
    throw new FormulaInputError(
      name,
      `${argument} "${text}" is unknown; use ${[...new Set(Object.values(allowed))].map((v) => `"${v}"`).join(' or ')}.`,
    );
  }
  return value;
}

function tierScoreFormula(
  value: SheetArg,
  thresholds: SheetArg,
  points: SheetArg,
  direction: SheetArg,
  mode: SheetArg,
) {
  const name = 'TIER_SCORE';
  const tiers = readNumberGrid(name, 'thresholds', thresholds).flat();
  const awards = readNumberGrid(name, 'points', points).flat();
  if (tiers.length === 0 || tiers.some((t) => t === null)) {
    throw new FormulaInputError(name, 'thresholds needs a number in every cell, lowest first.');
  }
  if (awards.length !== tiers.length || awards.some((p) => p === null)) {
    throw new FormulaInputError(
      name,
      `points needs one number per threshold (${tiers.length}); it has ${awards.length}.`,
    );
  }
  for (let i = 1; i < tiers.length; i++) {
    if ((tiers[i] as number) <= (tiers[i - 1] as number)) {
      throw new FormulaInputError(
        name,
        `thresholds are out of order (${tiers[i - 1]} then ${tiers[i]}); list them lowest first.`,
      );
    }
  }
  const better = textOption(name, 'direction', direction, DIRECTIONS, 'higher') as 'higher' | 'lower';
  const how = textOption(
    name,
    'mode',
    mode,
    { step: 'step', progressive: 'progressive', 分档: 'step', 累进: 'progressive' },
    'step',
  );
  if (how === 'progressive' && better === 'lower') {
    throw new FormulaInputError(
      name,
      'progressive tiers pay slices of a value that grows: use direction "higher".',
    );
  }
  const t = tiers as number[];
  const p = awards as number[];
  const grid = readNumberGrid(name, 'value', value);
  return toSheetResult(
    grid.map((row) =>
      row.map((v) =>
        toCell(
          v === null ? null : how === 'progressive' ? progressiveTiers(v, t, p) : stepTier(v, t, p, better),
        ),
      ),
    ),
  );
}

export const SCORING_FUNCTIONS: readonly CustomFunctionSpec[] = [
  {
    name: 'TIER_SCORE',
    summary: {
      en: 'Tier score: the points of the tier a value reaches (step), or a progressive commission by slices.',
      zh: '分档赋分：数值所达档位的分数（分档），或按区间累进计算提成。',
    },
    params: [
      {
        name: 'value',
        type: NUMBER_OR_RANGE,
        description: { en: 'The indicator value, or a column of them.', zh: '指标值（或一列）。' },
      },
      {
        name: 'thresholds',
        type: RANGE,
        description: { en: 'Tier thresholds, lowest first.', zh: '档位门槛，从低到高。' },
      },
      {
        name: 'points',
        type: RANGE,
        description: { en: 'Points (or commission rates) per tier.', zh: '各档分数（或提成比例）。' },
      },
      {
        name: 'direction',
        type: 'string',
        optional: true,
        description: {
          en: '"higher" (default) or "lower" for indicators where lower is better.',
          zh: '"higher"（默认）或 "lower"（越低越好，如响应时间）。',
        },
      },
      {
        name: 'mode',
        type: 'string',
        optional: true,
        description: {
          en: '"step" (default) or "progressive" for commissions by slices.',
          zh: '"step"（默认分档）或 "progressive"（累进提成）。',
        },
      },
    ],
    returns: { type: NUMBER_OR_RANGE, description: { en: 'The score.', zh: '得分。' } },
    examples: [
      {
        formula: '=TIER_SCORE(0.92, {0.85,0.9,0.95}, {6,8,10})',
        args: [0.92, [[0.85, 0.9, 0.95]], [[6, 8, 10]], undefined, undefined],
        result: 8,
      },
      {
        formula: '=TIER_SCORE(45, {30,60,90}, {10,8,6}, "lower")',
        args: [45, [[30, 60, 90]], [[10, 8, 6]], 'lower', undefined],
        result: 8,
      },
      {
        formula: '=TIER_SCORE(60000, {0,10000,50000}, {0.01,0.02,0.03}, "higher", "progressive")',
        args: [60000, [[0, 10000, 50000]], [[0.01, 0.02, 0.03]], 'higher', 'progressive'],
        result: 1200,
      },
    ],
    native:
      'step, higher is better: =IFERROR(LOOKUP(value, thresholds, points), 0); lower is better: =IFERROR(INDEX(points, MATCH(TRUE, ARRAYFORMULA(value<=thresholds), 0)), 0); progressive: =SUMPRODUCT((value>thresholds) * (IF(value<next_thresholds, value, next_thresholds) - thresholds) * points), with next_thresholds the thresholds shifted by one and a large number last',
    run: tierScoreFormula,
  },
  {
    name: 'WEIGHTED_SCORE',
    summary: {
      en: 'Weighted score: Σ score × weight. A row of scores gives one total; a block of agents gives a column.',
      zh: '加权得分 = Σ 得分 × 权重；一行得分得一个总分，多名客服得一列总分。',
    },
    params: [
      {
        name: 'scores',
        type: RANGE,
        description: {
          en: 'Tier scores, one column per indicator (one row per agent).',
          zh: '各指标得分，每列一个指标（每行一名客服）。',
        },
      },
      {
        name: 'weights',
        type: RANGE,
        description: { en: 'One weight per indicator, as a row.', zh: '每个指标的权重（一行）。' },
      },
    ],
    returns: { type: NUMBER_OR_RANGE, description: { en: 'The weighted total.', zh: '加权总分。' } },
    examples: [
      {
        formula: '=WEIGHTED_SCORE({9,9,7,4}, {10,10,8,5})',
        args: [[[9, 9, 7, 4]], [[10, 10, 8, 5]]],
        result: 256,
      },
      {
        formula: '=WEIGHTED_SCORE(B2:E3, B1:E1)',
        args: [
          [
            [9, 9, 7, 4],
            [10, 10, 8, 5],
          ],
          [[10, 10, 8, 5]],
        ],
        result: [[256], [289]],
      },
    ],
    native: '=SUMPRODUCT(scores, weights) for one agent (a row of scores and a row of weights)',
    run: weightedScoreFormula,
  },
  {
    name: 'FULL_MARKS',
    summary: { en: 'Full marks: Σ max points × weight.', zh: '满分 = Σ 各指标最高分 × 权重。' },
    params: [
      {
        name: 'max_points',
        type: RANGE,
        description: { en: 'The highest score of each indicator.', zh: '各指标最高分。' },
      },
      { name: 'weights', type: RANGE, description: { en: 'One weight per indicator.', zh: '各指标权重。' } },
    ],
    returns: { type: 'number', description: { en: 'The full marks.', zh: '满分。' } },
    examples: [
      {
        formula: '=FULL_MARKS({10,10,8,5}, {10,10,8,5})',
        args: [[[10, 10, 8, 5]], [[10, 10, 8, 5]]],
        result: 289,
      },
    ],
    native: '=SUMPRODUCT(max_points, weights)',
    run: fullMarksFormula,
  },
  {
    name: 'PERFORMANCE_PAY',
    summary: {
      en: 'Performance pay: full pay × Σ score·weight / Σ max·weight. A block of agents gives a column.',
      zh: '绩效工资 = 绩效工资基数 × Σ 得分·权重 / Σ 最高分·权重；多名客服得一列。',
    },
    params: [
      {
        name: 'full_pay',
        type: NUMBER_OR_RANGE,
        description: {
          en: 'Full performance pay, one amount or one per agent.',
          zh: '满额绩效工资（一个数或每人一个）。',
        },
      },
      {
        name: 'scores',
        type: RANGE,
        description: { en: 'Tier scores, one row per agent.', zh: '各指标得分，每行一名客服。' },
      },
      { name: 'weights', type: RANGE, description: { en: 'One weight per indicator.', zh: '各指标权重。' } },
      {
        name: 'max_points',
        type: RANGE,
        description: { en: 'The highest score of each indicator.', zh: '各指标最高分。' },
      },
    ],
    returns: { type: NUMBER_OR_RANGE, description: { en: 'The pay.', zh: '绩效工资。' } },
    examples: [
      {
        formula: '=PERFORMANCE_PAY(2890, {9,9,7,4}, {10,10,8,5}, {10,10,8,5})',
        args: [2890, [[9, 9, 7, 4]], [[10, 10, 8, 5]], [[10, 10, 8, 5]]],
        result: 2560,
      },
    ],
    native: '=full_pay * SUMPRODUCT(scores, weights) / SUMPRODUCT(max_points, weights)',
    run: performancePayFormula,
  },
];
