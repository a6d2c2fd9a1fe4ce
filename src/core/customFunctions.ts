import { defineCustomFunctions } from './customFunctionSpec';
import { ratio } from './ratio';
import { weightedScore } from './scoring';
import {
  FormulaInputError,
  mapPairwise,
  readNumberGrid,
  type SheetArg,
  type SheetCell,
  shapeOf,
  toCell,
  toSheetResult,
} from './sheetArgs';

const COUNT_OR_RANGE = 'number|Array<Array<number>>';

function conversionRate(converted: SheetArg, inquirers: SheetArg) {
  const name = 'CONVERSION_RATE';
  return mapPairwise(name, ['converted', converted], ['inquirers', inquirers], (paid, asked, at) => {
    if (paid < 0 || asked < 0) {
      throw new FormulaInputError(name, `counts cannot be negative (row ${at.row}).`);
    }
    if (paid > asked) {
      throw new FormulaInputError(
        name,
        `converted (${paid}) is more than inquirers (${asked}) in row ${at.row}; check that the arguments are not swapped.`,
      );
    }
    return ratio(paid, asked);
  });
}

function weightedScoreFormula(scores: SheetArg, weights: SheetArg) {
  const name = 'WEIGHTED_SCORE';
  const scoreGrid = readNumberGrid(name, 'scores', scores);
  const weightGrid = readNumberGrid(name, 'weights', weights);
  const scoreShape = shapeOf(scoreGrid);
  const weightShape = shapeOf(weightGrid);
  const weightsAreRow = weightShape.rows === 1;
  if (!weightsAreRow && weightShape.columns !== 1) {
    throw new FormulaInputError(
      name,
      'weights must be a single row or a single column, one weight per indicator.',
    );
  }
  const weightList = weightGrid.flat();
  if (weightList.some((w) => w != null && w < 0)) {
    throw new FormulaInputError(name, 'weights cannot be negative.');
  }
  if (weightList.every((w) => w == null || w === 0)) {
    throw new FormulaInputError(name, 'weights are all 0 or empty; give each indicator its weight.');
  }
  const scoresAreVector = scoreShape.rows === 1 || scoreShape.columns === 1;
  if (scoresAreVector && scoreGrid.flat().length === weightList.length) {
    return toCell(weightedScore(scoreGrid.flat(), weightList));
  }
  // A block of scores: one agent per row when the weights are a row, per column when they are a column.
  const indicatorCount = weightsAreRow ? scoreShape.columns : scoreShape.rows;
  if (indicatorCount !== weightList.length) {
    throw new FormulaInputError(
      name,
      `scores has ${indicatorCount} ${weightsAreRow ? 'columns' : 'rows'} of indicators but weights has ${weightList.length}; give one weight per indicator.`,
    );
  }
  if (weightsAreRow) {
    return toSheetResult(scoreGrid.map((row) => [toCell(weightedScore(row, weightList))]));
  }
  const totals: SheetCell[] = [];
  for (let c = 0; c < scoreShape.columns; c++) {
    totals.push(
      toCell(
        weightedScore(
          scoreGrid.map((row) => row[c] ?? null),
          weightList,
        ),
      ),
    );
  }
  return toSheetResult([totals]);
}

/** The custom functions Sheets offers, by name. */
export const customFunctions = defineCustomFunctions([
  {
    name: 'CONVERSION_RATE',
    summary: {
      en: 'Inquiry conversion rate: converted customers / inquirers. Empty when inquirers is 0.',
      zh: '询单转化率 = 询单成交人数 / 询单人数；询单人数为 0 时为空。',
    },
    params: [
      {
        name: 'converted',
        type: COUNT_OR_RANGE,
        description: {
          en: 'Customers who consulted and then paid, a cell or a column.',
          zh: '询单后付款的人数（单元格或一列）。',
        },
      },
      {
        name: 'inquirers',
        type: COUNT_OR_RANGE,
        description: {
          en: 'Customers who consulted, same shape as converted.',
          zh: '询单人数，与 converted 同形。',
        },
      },
    ],
    returns: { type: COUNT_OR_RANGE, description: { en: 'The rate as a fraction.', zh: '比率（小数）。' } },
    examples: [
      { formula: '=CONVERSION_RATE(1, 2)', args: [1, 2], result: 0.5 },
      {
        formula: '=CONVERSION_RATE(B2:B3, C2:C3)',
        args: [
          [[1], [0]],
          [[2], [0]],
        ],
        result: [[0.5], ['']],
      },
    ],
    run: conversionRate,
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
        type: 'Array<Array<number>>',
        description: {
          en: 'Tier scores, one column per indicator (one row per agent).',
          zh: '各指标得分，每列一个指标（每行一名客服）。',
        },
      },
      {
        name: 'weights',
        type: 'Array<Array<number>>',
        description: { en: 'One weight per indicator, as a row.', zh: '每个指标的权重（一行）。' },
      },
    ],
    returns: { type: COUNT_OR_RANGE, description: { en: 'The weighted total.', zh: '加权总分。' } },
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
    run: weightedScoreFormula,
  },
] as const);

export type CustomFunctionName = keyof typeof customFunctions;
