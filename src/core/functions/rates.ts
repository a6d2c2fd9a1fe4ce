import type { CustomFunctionSpec, FormulaExample, ParamSpec } from '../customFunctionSpec';
import { ratio } from '../ratio';
import { receptionShare } from '../scoring';
import { FormulaInputError, mapCells, type SheetArg } from '../sheetArgs';

/**
 * Rates from counts, as payroll sheets compute them from the indicator tabs. Each takes cells or
 * columns (one row per agent) and gives a cell or a column; a 0 denominator gives an empty cell.
 */

const COUNTS = 'number|Array<Array<number>>';

interface RateDefinition {
  name: string;
  summary: { en: string; zh: string };
  params: readonly (readonly [name: string, en: string, zh: string])[];
  /** The rate from the arguments' values, in order. */
  compute(values: number[]): number | null;
  /** For a share of a whole: [part, whole] argument positions; the part may not exceed the whole. */
  part?: readonly [number, number];
  example: Omit<FormulaExample, 'formula'> & { cells?: string };
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
    summary: definition.summary,
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
    summary: {
      en: 'Inquiry conversion rate: converted customers / inquirers. Empty when inquirers is 0.',
      zh: '询单转化率 = 询单成交人数 / 询单人数；询单人数为 0 时为空。',
    },
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
    summary: {
      en: 'Reply rate: (consultations − unreplied) / consultations.',
      zh: '回复率 = (咨询量 − 未回复量) / 咨询量。',
    },
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
    summary: {
      en: 'Fast-reply rate (30秒应答率): consultations answered within the limit / consultations.',
      zh: '30秒应答率 = 限时内首次回复的咨询 / 咨询量。',
    },
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
    summary: {
      en: 'Satisfaction rate: satisfied ratings / ratings.',
      zh: '满意率 = (非常满意 + 满意) / 评价数。',
    },
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
    summary: { en: 'Rating rate (评价率): ratings / receptions.', zh: '评价率 = 评价数 / 接待量。' },
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
    summary: {
      en: 'Invitation rate (邀评率): rating invitations / receptions.',
      zh: '邀评率 = 邀评数 / 接待量。',
    },
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
    summary: {
      en: 'Payment rate (支付率): paid orders / placed orders.',
      zh: '支付率 = 付款订单 / 下单订单。',
    },
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
    summary: {
      en: 'Refund rate (退款率): paid orders with a refund / paid orders.',
      zh: '退款率 = 有退款的付款订单 / 付款订单。',
    },
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
    summary: {
      en: 'Answer/question ratio (问答比): agent messages / customer messages.',
      zh: '问答比 = 客服消息数 / 顾客消息数。',
    },
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
    summary: { en: 'Average order value (客单价): sales / buyers.', zh: '客单价 = 销售额 / 销售人数。' },
    params: [
      ['sales', 'Sales amount.', '销售额。'],
      ['buyers', 'Distinct paying customers.', '销售人数。'],
    ],
    compute: share,
    example: { args: [1902487.15, 18955], result: 1902487.15 / 18955 },
  }),
  rateFunction({
    name: 'SALES_SHARE',
    summary: {
      en: "Sales share (销售额占比): agent's sales / team's sales.",
      zh: '销售额占比 = 个人销售额 / 团队销售额。',
    },
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
    summary: {
      en: "Reception share (接待量占比): agent's receptions / (team receptions / headcount).",
      zh: '接待量占比 = 个人接待量 / (团队接待量 / 人数)。',
    },
    params: [
      ['receptions', "The agent's receptions.", '个人接待量。'],
      ['team_receptions', "The team's receptions.", '团队接待量。'],
      ['headcount', 'Agents in the team.', '团队人数。'],
    ],
    compute: ([r = 0, t = 0, h = 0]) => receptionShare(r, t, h),
    example: { args: [120, 400, 4], result: 1.2 },
  }),
];
