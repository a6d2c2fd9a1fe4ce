import { lazy } from '../lib/lazy';
import type { Facts, Source } from './facts';
import {
  type Expr,
  type ExprReader,
  evaluate,
  type FactName,
  factOf,
  type SampleName,
  samplesOf,
} from './formula';
import type { SettingId } from './settings';
import { mean } from './stats';

export type Language = 'zh-CN' | 'zh-TW' | 'en';
export type Unit = 'count' | 'ratio' | 'seconds' | 'money' | 'hours' | 'items' | 'items_per_buyer' | 'score';
export type Level = 'agent' | 'team' | 'shop';
export type Group = 'service' | 'sales' | 'after_sales';

/** The settings a name may say: 30秒应答率 reads 3分钟应答率 under fast_reply_seconds 180. */
export interface Naming {
  fastReplySeconds: number;
}

/** A name that says a number of seconds: in seconds, or in whole minutes from two minutes on. */
type TimedWords = Record<Language, { seconds: string; minutes: string }>;

export interface Indicator {
  /** SPEC id: the key in JSON output and settings. */
  id: string;
  group: Group;
  /** Its names under the default settings (for a name that says a setting, see `namedBy`). */
  names: Record<Language, string>;
  /** A name that says a setting's seconds (`{n}` the number), the same in every header and label. */
  namedBy?: { setting: keyof Naming; words: TimedWords };
  /** Names earlier versions wrote in headers, still read back. */
  formerNames?: readonly string[];
  unit: Unit;
  /** Which way is better, for tiers and conditional formats; null for plain volumes. */
  better: 'higher' | 'lower' | null;
  /** The definition shown to users, in their words. */
  formula: { 'zh-CN': string; en: string };
  /** The inputs the indicator needs on agent and team rows; without them the value is empty. */
  needs: readonly Source[];
  /** What the shop row needs, when less: the shop's sales need no chats, since no agent is credited. */
  shopNeeds?: readonly Source[];
  /** The rows on which the indicator means something. */
  levels: readonly Level[];
  /**
   * The settings that shape the figure besides those of the inputs it needs (SOURCE_SETTINGS): the
   * header's note lists both (shapingSettings).
   */
  shapedBy?: readonly SettingId[];
  compute(facts: Facts): number | null;
  /**
   * compute as an expression over named facts (formula.ts), which the SQL compiler translates; absent
   * where compute is a function only, and then the SQL engine refuses a report that would show it.
   */
  expr?: Expr;
  /** denominator as an expression, for the SQL engine's low_sample flags. */
  cases?: Expr;
  /** For durations: the values whose median and 90th percentile are shown beside the mean. */
  samples?(facts: Facts): readonly number[];
  /**
   * For a figure divided over the row's own cases (a rate, or a mean of cases): how many cases it rests
   * on, the same count compute divides by (rate/meanOf build both). Below min_sample the figure is
   * flagged (low_sample). Shares of the team's total, and hours per account, have none.
   */
  denominator?(facts: Facts): number;
}

const reader = (f: Facts): ExprReader => ({
  fact: (name) => factOf(f, name),
  mean: (name) => mean(samplesOf(f, name)),
  count: (name) => samplesOf(f, name).length,
});

/** A figure computed from an expression over named facts: compute evaluates it on the row's Facts. */
function computed(expr: Expr) {
  return { expr, compute: (f: Facts) => evaluate(expr, reader(f)) };
}

const fact = (name: FactName): Expr => ({ fact: name });

/** A rate over the row's cases: compute and the denominator it is flagged on, from one description. */
function rate(numerator: FactName, denominator: FactName) {
  return {
    ...computed({ ratio: [fact(numerator), fact(denominator)] }),
    cases: fact(denominator),
    denominator: (f: Facts) => factOf(f, denominator) as number,
  };
}

/**
 * A mean of the row's cases, with its median and p90 (samples), its cases counted as its denominator:
 * of a named sample list (which the SQL engine computes too), or of a list only a function reads.
 */
function meanOf(samples: SampleName | ((f: Facts) => readonly number[])) {
  const of = typeof samples === 'string' ? (f: Facts) => samplesOf(f, samples) : samples;
  const named = typeof samples === 'string' ? { expr: { mean: samples }, cases: { count: samples } } : {};
  return {
    ...(named as { expr?: Expr; cases?: Expr }),
    compute: (f: Facts) => mean(of(f)),
    samples: of,
    denominator: (f: Facts) => of(f).length,
  };
}

const ALL: readonly Level[] = ['agent', 'team', 'shop'];
const CHATS: readonly Source[] = ['chats'];
const RATINGS: readonly Source[] = ['ratings'];
/** Orders matched to chats by their buyer, at the time the basis reads: what agents are credited with. */
const ATTRIBUTED: readonly Source[] = ['chats', 'orders', 'orderBuyers', 'attributionTimes'];
/** Attributed orders counted when paid (sales, refunds). */
const ATTRIBUTED_PAID: readonly Source[] = [...ATTRIBUTED, 'paymentTimes'];
/** The shop's paid orders, whoever sold them. */
const PAID: readonly Source[] = ['orders', 'paymentTimes'];
const REFUNDS: readonly Source[] = ['refunds'];

/** Auto replies (marked, or matched by --auto-prefix/--auto-keyword) are nobody's manual reply. */
const MANUAL: readonly SettingId[] = ['autoPrefixes', 'autoKeywords'];
/** The consultations the service rates count: transfers out and offline assignments left out or not. */
const RATED: readonly SettingId[] = ['excludeTransfersOut', 'excludeOffline'];
/** Rated consultations inside the assessment hours: what the time-based figures count. */
const TIMED: readonly SettingId[] = [...MANUAL, ...RATED, 'assessmentHours'];
/** Orders credited when placed (下单), whatever the basis: the window and the attribution rule. */
const PLACED_WINDOW: readonly SettingId[] = ['windowDays', 'attribution'];
/** After-sales figures over a rolling window, or the period. */
const AFTER_SALES_WINDOW: readonly SettingId[] = ['afterSalesWindowDays'];

/**
 * The settings that shape every figure computed from an input: consultations are split and internal
 * accounts dropped before anything is counted; attributed orders follow the window, the rule and the
 * basis; after_sales_chat_days moves consultations out of the inquiries.
 */
export const SOURCE_SETTINGS: Partial<Record<Source, readonly SettingId[]>> = {
  chats: ['split', 'gapMinutes', 'internalAccounts'],
  attributionTimes: ['windowDays', 'attribution', 'basis'],
  afterSalesChatDays: ['afterSalesChatDays'],
  platform: ['platform', 'platformWindowDays'],
};

/** Every indicator of SPEC §3–5 that the engine computes, in report order. */
export const INDICATORS: readonly Indicator[] = [
  {
    id: 'consultations',
    group: 'service',
    names: { 'zh-CN': '咨询量', 'zh-TW': '諮詢量', en: 'Consultations' },
    unit: 'count',
    better: null,
    formula: {
      'zh-CN': '顾客至少发过一条消息的咨询数',
      en: 'consultations in which the customer wrote at least one message',
    },
    needs: CHATS,
    levels: ALL,
    ...computed(fact('consultations')),
  },
  {
    id: 'receptions',
    group: 'service',
    names: { 'zh-CN': '接待量', 'zh-TW': '接待量', en: 'Receptions' },
    unit: 'count',
    better: null,
    formula: {
      'zh-CN': '得到至少一条人工回复的咨询数',
      en: 'consultations that got at least one manual (non-auto) reply',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: MANUAL,
    ...computed(fact('receptions')),
  },
  {
    id: 'unreplied',
    group: 'service',
    names: { 'zh-CN': '未回复量', 'zh-TW': '未回覆量', en: 'Unreplied' },
    unit: 'count',
    better: 'lower',
    formula: { 'zh-CN': '咨询量 − 接待量', en: 'consultations − receptions' },
    needs: CHATS,
    levels: ALL,
    shapedBy: MANUAL,
    ...computed({ minus: [fact('consultations'), fact('receptions')] }),
  },
  {
    id: 'rated_consultations',
    group: 'service',
    names: { 'zh-CN': '考核咨询量', 'zh-TW': '考核諮詢量', en: 'Assessed consultations' },
    unit: 'count',
    better: null,
    formula: {
      'zh-CN': '咨询量中参与服务率考核的部分（不含转出、留言分配）',
      en: 'consultations the service rates count (transfers out and offline assignments left out)',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: RATED,
    ...computed(fact('rated')),
  },
  {
    id: 'reply_rate',
    group: 'service',
    names: { 'zh-CN': '回复率', 'zh-TW': '回覆率', en: 'Reply rate' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN': '(咨询量 − 未回复量) / 咨询量（考核咨询）',
      en: '(consultations − unreplied) / consultations (assessed)',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: [...MANUAL, ...RATED],
    ...rate('ratedReplied', 'rated'),
  },
  {
    id: 'fast_reply_rate',
    group: 'service',
    names: { 'zh-CN': '30秒应答率', 'zh-TW': '30秒應答率', en: '30s response rate' },
    namedBy: {
      setting: 'fastReplySeconds',
      words: {
        'zh-CN': { seconds: '{n}秒应答率', minutes: '{n}分钟应答率' },
        'zh-TW': { seconds: '{n}秒應答率', minutes: '{n}分鐘應答率' },
        en: { seconds: '{n}s response rate', minutes: '{n}-minute response rate' },
      },
    },
    formerNames: ['Fast-reply rate'],
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN': '首次人工回复在顾客首条消息后 T 秒内的咨询 / 咨询量（T 默认 30）',
      en: 'consultations whose first manual reply came within T seconds of the first customer message / consultations (T = 30 by default)',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: [...TIMED, 'fastReplySeconds'],
    ...rate('fast', 'timed'),
  },
  {
    id: 'first_response_s',
    group: 'service',
    names: { 'zh-CN': '首次响应时间(秒)', 'zh-TW': '首次回應時間(秒)', en: 'First response (s)' },
    unit: 'seconds',
    better: 'lower',
    formula: {
      'zh-CN': '已回复咨询中（首次人工回复 − 顾客首条消息）的平均值',
      en: 'mean of (first manual reply − first customer message) over answered consultations',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: TIMED,
    ...meanOf('firstResponses'),
  },
  {
    id: 'avg_response_s',
    group: 'service',
    names: { 'zh-CN': '平均响应时间(秒)', 'zh-TW': '平均回應時間(秒)', en: 'Average response (s)' },
    unit: 'seconds',
    better: 'lower',
    formula: {
      'zh-CN': '每段响应间隔的平均值：自顾客第一条未回复消息起，至下一条人工消息止',
      en: 'mean of every response gap: from the first unanswered customer message to the next manual agent message',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: [...TIMED, 'autoRepliesCloseGaps'],
    ...meanOf('responseGaps'),
  },
  {
    id: 'unanswered_rounds',
    group: 'service',
    names: { 'zh-CN': '未回复轮次', 'zh-TW': '未回覆輪次', en: 'Unanswered rounds' },
    unit: 'count',
    better: 'lower',
    formula: {
      'zh-CN': '会话结束时仍未得到人工回复的顾客提问轮次（不计入平均响应时间）',
      en: 'customer rounds still unanswered when the conversation ended (left out of the average response)',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: [...TIMED, 'autoRepliesCloseGaps'],
    ...computed(fact('unansweredRounds')),
  },
  {
    id: 'qa_ratio',
    group: 'service',
    names: { 'zh-CN': '问答比', 'zh-TW': '問答比', en: 'Answer/question ratio' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN': '客服人工消息数 / 顾客消息数（不含自动回复）',
      en: 'manual agent messages / customer messages (auto excluded)',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: MANUAL,
    ...rate('agentMessages', 'customerMessages'),
  },
  {
    id: 'invite_rate',
    group: 'service',
    names: { 'zh-CN': '邀评率', 'zh-TW': '邀評率', en: 'Rating invitation rate' },
    unit: 'ratio',
    better: 'higher',
    formula: { 'zh-CN': '发出邀评的接待 / 接待量', en: 'receptions with a rating invitation / receptions' },
    needs: ['chats', 'invites'],
    levels: ALL,
    shapedBy: MANUAL,
    ...rate('invited', 'receptions'),
  },
  {
    id: 'rating_rate',
    group: 'service',
    names: { 'zh-CN': '评价率', 'zh-TW': '評價率', en: 'Rating rate' },
    unit: 'ratio',
    better: 'higher',
    formula: { 'zh-CN': '评价数 / 接待量', en: 'ratings / receptions' },
    needs: ['chats', 'ratings'],
    levels: ALL,
    shapedBy: MANUAL,
    ...rate('ratings', 'receptions'),
  },
  {
    id: 'satisfaction_rate',
    group: 'service',
    names: { 'zh-CN': '满意率', 'zh-TW': '滿意率', en: 'Satisfaction rate' },
    unit: 'ratio',
    better: 'higher',
    formula: { 'zh-CN': '(非常满意 + 满意) / 评价数', en: '(very satisfied + satisfied) / ratings' },
    needs: RATINGS,
    levels: ALL,
    shapedBy: ['satisfiedLevels'],
    ...rate('satisfied', 'ratings'),
  },
  {
    id: 'reception_share',
    group: 'service',
    names: { 'zh-CN': '接待量占比', 'zh-TW': '接待量佔比', en: 'Reception share' },
    unit: 'ratio',
    better: null,
    formula: {
      'zh-CN': '个人接待量 / (团队接待量 / 人数)',
      en: "agent's receptions / (team receptions / headcount)",
    },
    needs: CHATS,
    levels: ['agent'],
    shapedBy: MANUAL,
    // receptionShare: empty without a headcount, as ratio(team, headcount) is.
    ...computed({ ratio: [fact('receptions'), { ratio: [fact('teamReceptions'), fact('headcount')] }] }),
  },
  {
    id: 'online_hours',
    group: 'service',
    names: { 'zh-CN': '在线时长(小时)', 'zh-TW': '在線時長(小時)', en: 'Online hours' },
    unit: 'hours',
    better: 'higher',
    formula: { 'zh-CN': '总在线时长 / 账号数', en: 'total online hours / number of accounts' },
    needs: ['online'],
    levels: ALL,
    ...computed({ ratio: [fact('onlineHours'), fact('onlineAccounts')] }),
  },
  {
    id: 'resolution_rate',
    group: 'service',
    names: { 'zh-CN': '问题解决率', 'zh-TW': '問題解決率', en: 'Resolution rate' },
    unit: 'ratio',
    better: 'higher',
    formula: { 'zh-CN': '已解决问题 / 问题数', en: 'resolved issues / issues' },
    needs: ['issues'],
    levels: ALL,
    ...rate('issuesResolved', 'issues'),
  },
  {
    id: 'platform_response_rate',
    group: 'service',
    names: { 'zh-CN': '平台回复率', 'zh-TW': '平台回覆率', en: 'Platform response rate' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN':
        '按所选平台（platform）的规则在时限内得到人工回复的消息或会话 / 应回复的消息或会话（自动回复不算回复；标为无需回复的消息、平台通知不计；时限未到且未回复的不计）',
      en: "messages or conversations given a manual reply by the selected platform's deadline / those to be answered (auto replies are no reply; messages marked as needing no response and platform notices left out; unanswered ones not yet due left out)",
    },
    needs: [...CHATS, 'platform'],
    levels: ALL,
    shapedBy: MANUAL,
    ...computed(fact('platformRate')),
    cases: fact('platformCases'),
    denominator: (f) => f.platformCases,
  },
  {
    id: 'platform_response_time',
    group: 'service',
    names: { 'zh-CN': '平台响应时间(小时)', 'zh-TW': '平台回應時間(小時)', en: 'Platform response time (h)' },
    unit: 'hours',
    better: 'lower',
    formula: {
      'zh-CN': '所选平台显示平均响应时间时：已回复的消息或会话从收到至人工回复的平均小时数（其他平台为空）',
      en: 'where the selected platform shows an average response time: mean hours from receipt to the manual reply over the answered messages or conversations (empty for the others)',
    },
    needs: [...CHATS, 'platform'],
    levels: ALL,
    shapedBy: MANUAL,
    ...meanOf('platformResponseHours'),
  },
  {
    id: 'inquirers',
    group: 'sales',
    names: { 'zh-CN': '询单人数', 'zh-TW': '詢單人數', en: 'Inquirers' },
    unit: 'count',
    better: null,
    formula: {
      'zh-CN': '咨询过的不同顾客数（售后天数开启时，售后咨询不算）',
      en: 'distinct customers who consulted (after-sales consultations left out when after_sales_chat_days is on)',
    },
    needs: CHATS,
    levels: ALL,
    shapedBy: ['afterSalesChatDays'],
    ...computed(fact('inquirers')),
  },
  {
    id: 'after_sales_consultations',
    group: 'sales',
    names: { 'zh-CN': '售后咨询量', 'zh-TW': '售後諮詢量', en: 'After-sales consultations' },
    unit: 'count',
    better: null,
    formula: {
      'zh-CN':
        '顾客在咨询当天或之前 N 天内（售后天数）已付款、且有效时长内没有新订单归属的咨询数：计入服务指标，不计入询单人数和转化率',
      en: 'consultations whose customer paid an order on their day or in the N days before (after_sales_chat_days), with no new order credited in the window: counted in the service figures, not in the inquirers or conversion',
    },
    needs: [...ATTRIBUTED_PAID, 'afterSalesChatDays'],
    levels: ALL,
    ...computed(fact('afterSales')),
  },
  {
    id: 'conversion_rate',
    group: 'sales',
    names: { 'zh-CN': '询单转化率', 'zh-TW': '詢單轉化率', en: 'Inquiry conversion rate' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN': '询单后在有效时长内付款（归属本人）的顾客 / 询单人数',
      en: 'inquirers who paid within the window (attributed) / inquirers',
    },
    needs: ATTRIBUTED,
    levels: ALL,
    shapedBy: ['afterSalesChatDays'],
    ...rate('converted', 'inquirers'),
  },
  {
    id: 'order_rate',
    group: 'sales',
    names: { 'zh-CN': '询单→下单转化率', 'zh-TW': '詢單→下單轉化率', en: 'Inquiry-to-order rate' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN': '询单后在有效时长内下单的顾客 / 询单人数',
      en: 'inquirers who placed an order within the window / inquirers',
    },
    needs: ['chats', 'orders', 'orderBuyers', 'orderTimes'],
    levels: ALL,
    shapedBy: [...PLACED_WINDOW, 'afterSalesChatDays'],
    ...rate('orderedCustomers', 'inquirers'),
  },
  {
    id: 'payment_rate',
    group: 'sales',
    names: { 'zh-CN': '支付率', 'zh-TW': '支付率', en: 'Payment rate' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN': '付款订单 / 下单订单（货到付款计为已付）',
      en: 'paid orders / placed orders (cash on delivery counts as paid)',
    },
    needs: ['chats', 'orders', 'orderBuyers', 'orderTimes', 'paymentTimes'],
    shopNeeds: ['orders', 'orderTimes', 'paymentTimes'],
    levels: ALL,
    shapedBy: PLACED_WINDOW,
    ...rate('paidPlacedOrders', 'placedOrders'),
  },
  {
    id: 'sales',
    group: 'sales',
    names: { 'zh-CN': '销售额', 'zh-TW': '銷售額', en: 'Sales' },
    unit: 'money',
    better: 'higher',
    formula: {
      'zh-CN': '期内付款的归属订单实付金额 + 期内下单的货到付款订单金额',
      en: 'amount of attributed orders paid in the period + COD orders placed in the period',
    },
    needs: [...ATTRIBUTED_PAID, 'amounts'],
    shopNeeds: [...PAID, 'amounts'],
    levels: ALL,
    ...computed(fact('sales')),
  },
  {
    id: 'buyers',
    group: 'sales',
    names: { 'zh-CN': '销售人数', 'zh-TW': '銷售人數', en: 'Buyers' },
    unit: 'count',
    better: 'higher',
    formula: {
      'zh-CN': '有实付金额大于 0 的付款订单的不同顾客数',
      en: 'distinct customers with a paid order above 0',
    },
    needs: [...ATTRIBUTED_PAID, 'amounts'],
    shopNeeds: [...PAID, 'amounts'],
    levels: ALL,
    ...computed(fact('buyers')),
  },
  {
    id: 'orders',
    group: 'sales',
    names: { 'zh-CN': '销售订单数', 'zh-TW': '銷售訂單數', en: 'Orders' },
    unit: 'count',
    better: 'higher',
    formula: { 'zh-CN': '归属的付款订单数', en: 'attributed paid orders' },
    needs: ATTRIBUTED_PAID,
    shopNeeds: PAID,
    levels: ALL,
    ...computed(fact('orders')),
  },
  {
    id: 'items',
    group: 'sales',
    names: { 'zh-CN': '销售件数', 'zh-TW': '銷售件數', en: 'Items' },
    unit: 'items',
    better: 'higher',
    formula: { 'zh-CN': '归属付款订单的件数', en: 'items in attributed paid orders' },
    needs: [...ATTRIBUTED_PAID, 'itemCounts'],
    shopNeeds: [...PAID, 'itemCounts'],
    levels: ALL,
    ...computed(fact('items')),
  },
  {
    id: 'aov',
    group: 'sales',
    names: { 'zh-CN': '客单价', 'zh-TW': '客單價', en: 'Average order value' },
    unit: 'money',
    better: 'higher',
    formula: { 'zh-CN': '销售额 / 销售人数', en: 'sales / buyers' },
    needs: [...ATTRIBUTED_PAID, 'amounts'],
    shopNeeds: [...PAID, 'amounts'],
    levels: ALL,
    ...rate('sales', 'buyers'),
  },
  {
    id: 'items_per_buyer',
    group: 'sales',
    names: { 'zh-CN': '人均成交件数', 'zh-TW': '人均成交件數', en: 'Items per buyer' },
    unit: 'items_per_buyer',
    better: 'higher',
    formula: { 'zh-CN': '销售件数 / 销售人数', en: 'items / buyers' },
    needs: [...ATTRIBUTED_PAID, 'amounts', 'itemCounts'],
    shopNeeds: [...PAID, 'amounts', 'itemCounts'],
    levels: ALL,
    ...rate('items', 'buyers'),
  },
  {
    id: 'sales_share',
    group: 'sales',
    names: { 'zh-CN': '销售额占比', 'zh-TW': '銷售額佔比', en: 'Sales share' },
    unit: 'ratio',
    better: 'higher',
    formula: { 'zh-CN': '个人销售额 / 团队归属销售额', en: "agent's sales / team's attributed sales" },
    needs: [...ATTRIBUTED_PAID, 'amounts'],
    levels: ['agent', 'team'],
    ...computed({ ratio: [fact('sales'), fact('teamSales')] }),
  },
  {
    id: 'assist_orders',
    group: 'sales',
    names: { 'zh-CN': '协助订单数', 'zh-TW': '協助訂單數', en: 'Assisted orders' },
    unit: 'count',
    better: 'higher',
    formula: {
      'zh-CN': '顾客也咨询过本人、但归属给其他客服的付款订单',
      en: 'paid orders attributed to another agent that this agent also served in the window',
    },
    needs: ATTRIBUTED_PAID,
    levels: ['agent'],
    ...computed(fact('assistOrders')),
  },
  {
    id: 'assist_sales',
    group: 'sales',
    names: { 'zh-CN': '协助销售额', 'zh-TW': '協助銷售額', en: 'Assisted sales' },
    unit: 'money',
    better: 'higher',
    formula: { 'zh-CN': '协助订单的实付金额', en: 'amount of assisted orders' },
    needs: [...ATTRIBUTED_PAID, 'amounts'],
    levels: ['agent'],
    ...computed(fact('assistSales')),
  },
  {
    id: 'silent_sales',
    group: 'sales',
    names: { 'zh-CN': '静默销售额', 'zh-TW': '靜默銷售額', en: 'Silent sales' },
    unit: 'money',
    better: null,
    formula: { 'zh-CN': '店铺付款金额 − 归属销售额', en: 'shop paid amount − attributed sales' },
    needs: [...ATTRIBUTED_PAID, 'amounts'],
    levels: ['shop'],
    ...computed({ minus: [fact('shopSales'), fact('teamSales')] }),
  },
  {
    id: 'refund_rate',
    group: 'after_sales',
    names: { 'zh-CN': '退款率', 'zh-TW': '退款率', en: 'Refund rate' },
    unit: 'ratio',
    better: 'lower',
    formula: {
      'zh-CN': '有退款（退款金额大于 0，或有退款记录）的付款订单 / 付款订单（货到付款计为已付）',
      en: 'paid orders with a refund (an amount above 0, or a refund record) / paid orders (cash on delivery counts as paid)',
    },
    needs: [...ATTRIBUTED_PAID, 'refundAmounts'],
    shopNeeds: [...PAID, 'refundAmounts'],
    levels: ALL,
    shapedBy: AFTER_SALES_WINDOW,
    ...rate('refundedPaid', 'paidForRefund'),
  },
  {
    id: 'dispute_rate',
    group: 'after_sales',
    names: { 'zh-CN': '退款纠纷率', 'zh-TW': '退款糾紛率', en: 'Refund dispute rate' },
    unit: 'ratio',
    better: 'lower',
    formula: { 'zh-CN': '退款纠纷数 / 付款订单', en: 'refund disputes / paid orders' },
    needs: [...ATTRIBUTED_PAID, 'refunds', 'disputeFlags'],
    shopNeeds: [...PAID, 'refunds', 'disputeFlags'],
    levels: ALL,
    shapedBy: AFTER_SALES_WINDOW,
    ...rate('disputes', 'paidForRefund'),
  },
  {
    id: 'self_refund_rate',
    group: 'after_sales',
    names: { 'zh-CN': '退款自主完结率', 'zh-TW': '退款自主完結率', en: 'Self-completed refund rate' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      'zh-CN': '商家自主完结的退款 / 完结的退款',
      en: 'refunds completed by the shop / refunds completed',
    },
    needs: ['refunds', 'refundCompleters'],
    levels: ALL,
    shapedBy: AFTER_SALES_WINDOW,
    ...rate('refundsCompletedByShop', 'refundsCompleted'),
  },
  {
    id: 'refund_hours',
    group: 'after_sales',
    names: { 'zh-CN': '退款完结时长(小时)', 'zh-TW': '退款完結時長(小時)', en: 'Refund completion (h)' },
    unit: 'hours',
    better: 'lower',
    formula: { 'zh-CN': '完结总时长 / 完结的退款', en: 'total completion time / completed refunds' },
    needs: REFUNDS,
    levels: ALL,
    shapedBy: AFTER_SALES_WINDOW,
    ...meanOf('refundHours'),
  },
  {
    id: 'complaint_rate',
    group: 'after_sales',
    names: { 'zh-CN': '投诉率', 'zh-TW': '投訴率', en: 'Complaint rate' },
    unit: 'ratio',
    better: 'lower',
    formula: { 'zh-CN': '投诉数 / 付款订单', en: 'complaints / paid orders' },
    needs: [...ATTRIBUTED_PAID, 'complaints'],
    shopNeeds: [...PAID, 'complaints'],
    levels: ALL,
    shapedBy: AFTER_SALES_WINDOW,
    ...rate('complaints', 'paidForRefund'),
  },
  {
    id: 'dsr_service',
    group: 'after_sales',
    names: { 'zh-CN': '服务态度DSR', 'zh-TW': '服務態度DSR', en: 'Service DSR' },
    unit: 'score',
    better: 'higher',
    formula: {
      'zh-CN': '近 180 天评价等级（1–5）的平均值',
      en: 'mean rating level (1–5) over the last 180 days',
    },
    needs: RATINGS,
    levels: ALL,
    shapedBy: ['dsrDays'],
    ...rate('dsrSum', 'dsrCount'),
  },
];

export const INDICATOR_BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.id, i]));

/** Every setting that shapes an indicator's figure: its inputs' (SOURCE_SETTINGS), then its own, once each. */
export function shapingSettings(indicator: Indicator): SettingId[] {
  const sources = [...indicator.needs, ...(indicator.shopNeeds ?? [])];
  return [
    ...new Set([
      ...sources.flatMap((source) => SOURCE_SETTINGS[source] ?? []),
      ...(indicator.shapedBy ?? []),
    ]),
  ];
}

/** The value of an indicator on a row, or null when an input it needs was not given or it does not apply. */
export function indicatorValue(
  indicator: Indicator,
  facts: Facts,
  level: Level,
  available: Readonly<Record<Source, boolean>>,
): number | null {
  if (!indicator.levels.includes(level)) return null;
  const needs = level === 'shop' ? (indicator.shopNeeds ?? indicator.needs) : indicator.needs;
  if (!needs.every((source) => available[source])) return null;
  const value = indicator.compute(facts);
  return value === null || Number.isFinite(value) ? value : null;
}

/**
 * An indicator's name in a language under these settings: 30秒应答率 reads 60秒应答率 with
 * fast_reply_seconds 60 and 3分钟应答率 with 180. Every header and label asks here.
 */
export function indicatorName(indicator: Indicator, language: Language, naming?: Naming): string {
  const named = indicator.namedBy;
  if (!named || !naming) return indicator.names[language];
  const seconds = naming[named.setting];
  const words = named.words[language];
  return seconds >= 120 && seconds % 60 === 0
    ? words.minutes.replace('{n}', String(seconds / 60))
    : words.seconds.replace('{n}', String(seconds));
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The indicator a name written under any settings names, and the settings its name says. */
export function indicatorOfName(text: string): { id: string; naming?: Partial<Naming> } | null {
  const name = text.trim();
  for (const indicator of INDICATORS) {
    const named = indicator.namedBy;
    if (!named) continue;
    for (const words of Object.values(named.words))
      for (const [unit, pattern] of Object.entries(words)) {
        const match = new RegExp(`^${escaped(pattern).replace('\\{n\\}', '(\\d+)')}$`, 'i').exec(name);
        if (!match) continue;
        const n = Number(match[1]);
        return { id: indicator.id, naming: { [named.setting]: unit === 'minutes' ? n * 60 : n } };
      }
  }
  const known = namesToIds().get(name) ?? namesToIds().get(name.toLowerCase());
  return known ? { id: known } : null;
}

/** Ids, names in every language (English also in lower case) and former names, to the id. */
const namesToIds = lazy(
  () =>
    new Map(
      INDICATORS.flatMap((i) =>
        [i.id, ...Object.values(i.names), i.names.en.toLowerCase(), ...(i.formerNames ?? [])].map(
          (name) => [name, i.id] as const,
        ),
      ),
    ),
);

/** 30秒应答率's name under a fast-reply setting, for notes that name it. */
export function fastReplyName(naming: Naming, language: Language): string {
  return indicatorName(INDICATOR_BY_ID.get('fast_reply_rate') as Indicator, language, naming);
}

export interface ReportColumn {
  id: string;
  header: string;
  unit: Unit;
}

const SUMMARY_NAMES: Record<Language, { median: string; p90: string }> = {
  'zh-CN': { median: '中位数', p90: '90分位' },
  'zh-TW': { median: '中位數', p90: '90分位' },
  en: { median: 'median', p90: 'p90' },
};

/**
 * The columns of a report row in catalog order, each duration followed by its median and p90, headed
 * by the names the settings give (indicatorName).
 */
export function reportColumns(language: Language, naming?: Naming): ReportColumn[] {
  return INDICATORS.flatMap((i) => {
    const name = indicatorName(i, language, naming);
    const own = { id: i.id, header: name, unit: i.unit };
    if (!i.samples) return [own];
    const words = SUMMARY_NAMES[language];
    return [
      own,
      { id: `${i.id}_median`, header: `${name} ${words.median}`, unit: i.unit },
      { id: `${i.id}_p90`, header: `${name} ${words.p90}`, unit: i.unit },
    ];
  });
}
