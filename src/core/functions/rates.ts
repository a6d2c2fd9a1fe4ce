import { INDICATOR_BY_ID } from '../engine/catalog';
import { ratio } from '../lib/ratio';
import { receptionShare } from '../lib/scoreArithmetic';
import type { CustomFunctionSpec, FormulaExample, ParamSpec } from './customFunctionSpec';
import { FormulaInputError, mapCells, type SheetArg } from './sheetArgs';

/**
 * Rates from counts, as payroll sheets compute them from the indicator tabs. Each takes cells or
 * columns (one row per agent) and gives a cell or a column; a 0 denominator gives an empty cell.
 */

const COUNTS = 'number|Array<Array<number>>';

interface RateDefinition {
  name: string;
  /** The catalog indicator the function computes: its names and formula text are the summary. */
  indicator: string;
  params: readonly (readonly [name: string, en: string, zh: string])[];
  /** The rate from the arguments' values, in order. */
  compute(values: number[]): number | null;
  /** For a share of a whole: [part, whole] argument positions; the part may not exceed the whole. */
  part?: readonly [number, number];
  example: Omit<FormulaExample, 'formula'> & { cells?: string };
}

/** The function's summary, said once: the catalog's name and formula of the indicator it computes. */
function summaryOf(id: string): CustomFunctionSpec['summary'] {
  const indicator = INDICATOR_BY_ID.get(id);
  if (!indicator) throw new Error(`rate function for unknown indicator ${id}`);
  const { names, formula } = indicator;
  return {
    en: `${names.en} (${names['zh-CN']}): ${formula.en}. Empty when the denominator is 0.`,
    zh: `${names['zh-CN']} = ${formula['zh-CN']}；分母为 0 时为空。`,
  };
}

function rateFunction(definition: RateDefinition): CustomFunctionSpec {
  const { name, part } = definition;
  const params: ParamSpec[] = definition.params.map(([param, en, zh]) => ({
    name: param,
    type: COUNTS,
    description: { en, zh },
  }));
  const run = (...args: SheetArg[]) => {
    const named = params.map((p, i) => [p.name, args[i]] as const);
    return mapCells(name, named, (values, at) => {
      values.forEach((value, i) => {
        if (value < 0) {
          throw new FormulaInputError(name, `${params[i]?.name} cannot be negative (row ${at.row}).`);
        }
      });
      if (part) {
        const [p, w] = part;
        if ((values[p] as number) > (values[w] as number)) {
          throw new FormulaInputError(
            name,
            `${params[p]?.name} (${values[p]}) is more than ${params[w]?.name} (${values[w]}) in row ${at.row}; check that the arguments are not swapped.`,
          );
        }
      }
      return definition.compute(values);
    });
  };
  // A rest parameter has no arity; the build checks that each function takes the arguments it documents.
  Object.defineProperty(run, 'length', { value: params.length });
  return {
    name,
    summary: summaryOf(definition.indicator),
    params,
    returns: {
      type: COUNTS,
      description: {
        en: 'The rate as a fraction; empty when undefined.',
        zh: '比率（小数）；无分母时为空。',
      },
    },
    examples: [
      {
        formula: `=${name}(${definition.example.cells ?? definition.example.args.join(', ')})`,
        args: definition.example.args,
        result: definition.example.result,
      },
    ],
    run,
  };
}

const [a, b] = [0, 1];
const share = (values: number[]) => ratio(values[a] as number, values[b] as number);

export const RATE_FUNCTIONS: readonly CustomFunctionSpec[] = [
  rateFunction({
    name: 'CONVERSION_RATE',
    indicator: 'conversion_rate',
    params: [
      [
        'converted',
        'Customers who consulted and then paid, a cell or a column.',
        '询单后付款的人数（单元格或一列）。',
      ],
      ['inquirers', 'Customers who consulted, same shape as converted.', '询单人数，与 converted 同形。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [1, 2], result: 0.5 },
  }),
  rateFunction({
    name: 'REPLY_RATE',
    indicator: 'reply_rate',
    params: [
      ['consultations', 'Consultations (咨询量).', '咨询量。'],
      ['unreplied', 'Consultations that got no manual reply.', '未回复量。'],
    ],
    compute: ([c = 0, u = 0]) => ratio(c - u, c),
    part: [1, 0],
    example: { args: [2, 1], result: 0.5 },
  }),
  rateFunction({
    name: 'FAST_REPLY_RATE',
    indicator: 'fast_reply_rate',
    params: [
      ['fast', 'Consultations whose first reply came within the limit.', '限时内首次回复的咨询数。'],
      ['consultations', 'Consultations (咨询量).', '咨询量。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [1, 2], result: 0.5 },
  }),
  rateFunction({
    name: 'SATISFACTION_RATE',
    indicator: 'satisfaction_rate',
    params: [
      ['satisfied', 'Ratings of 非常满意 or 满意.', '非常满意与满意的评价数。'],
      ['ratings', 'All ratings.', '评价数。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [45, 50], result: 0.9 },
  }),
  rateFunction({
    name: 'RATING_RATE',
    indicator: 'rating_rate',
    params: [
      ['ratings', 'Ratings received.', '评价数。'],
      ['receptions', 'Receptions (接待量).', '接待量。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [1, 2], result: 0.5 },
  }),
  rateFunction({
    name: 'INVITE_RATE',
    indicator: 'invite_rate',
    params: [
      ['invitations', 'Receptions in which a rating was invited.', '发出邀评的接待数。'],
      ['receptions', 'Receptions (接待量).', '接待量。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [30, 40], result: 0.75 },
  }),
  rateFunction({
    name: 'PAYMENT_RATE',
    indicator: 'payment_rate',
    params: [
      ['paid', 'Orders paid.', '付款订单数。'],
      ['placed', 'Orders placed.', '下单订单数。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [24087, 28010], result: 24087 / 28010 },
  }),
  rateFunction({
    name: 'REFUND_RATE',
    indicator: 'refund_rate',
    params: [
      ['refunds', 'Paid orders with a refund.', '有退款的付款订单数。'],
      ['orders', 'Paid orders.', '付款订单数。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [5646, 24087], result: 5646 / 24087 },
  }),
  rateFunction({
    name: 'QA_RATIO',
    indicator: 'qa_ratio',
    params: [
      [
        'agent_messages',
        'Manual agent messages (auto replies excluded).',
        '客服人工消息数（不含自动回复）。',
      ],
      ['customer_messages', 'Customer messages.', '顾客消息数。'],
    ],
    compute: share,
    example: { args: [3, 3], result: 1 },
  }),
  rateFunction({
    name: 'AOV',
    indicator: 'aov',
    params: [
      ['sales', 'Sales amount.', '销售额。'],
      ['buyers', 'Distinct paying customers.', '销售人数。'],
    ],
    compute: share,
    example: { args: [1902487.15, 18955], result: 1902487.15 / 18955 },
  }),
  rateFunction({
    name: 'SALES_SHARE',
    indicator: 'sales_share',
    params: [
      ['agent_sales', "The agent's sales.", '个人销售额。'],
      ['team_sales', "The team's attributed sales.", '团队销售额。'],
    ],
    compute: share,
    part: [0, 1],
    example: { args: [2500, 10000], result: 0.25 },
  }),
  rateFunction({
    name: 'RECEPTION_SHARE',
    indicator: 'reception_share',
    params: [
      ['receptions', "The agent's receptions.", '个人接待量。'],
      ['team_receptions', "The team's receptions.", '团队接待量。'],
      ['headcount', 'Agents in the team.', '团队人数。'],
    ],
    compute: ([r = 0, t = 0, h = 0]) => receptionShare(r, t, h),
    example: { args: [120, 400, 4], result: 1.2 },
  }),
];
