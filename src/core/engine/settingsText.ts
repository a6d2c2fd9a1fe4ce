import type { Language } from './catalog';
import type { SettingId } from './settings';

/** A setting's label and one line of help, in each language of the product. */
export type SettingText = Record<Language, { label: string; help: string }>;

/**
 * The words of every setting of settings.ts (typed by its ids: a setting without words does not
 * compile). The sidebar, `cs-kpi settings` and the docs read them; Code.js does not carry them.
 */
export const SETTING_TEXT: Record<SettingId, SettingText> = {
  timeZone: {
    'zh-CN': { label: '时区', help: '店铺所在时区：日界、询单窗口和考核时段都按它计算。' },
    'zh-TW': { label: '時區', help: '店鋪所在時區：日界、詢單窗口和考核時段都按它計算。' },
    en: {
      label: 'Time zone',
      help: "The shop's IANA time zone: days, windows and assessment hours follow it.",
    },
  },
  period: {
    'zh-CN': { label: '统计周期', help: 'all 整段；day/week/month 每天、每周、每月各一行。' },
    'zh-TW': { label: '統計週期', help: 'all 整段；day/week/month 每天、每週、每月各一列。' },
    en: { label: 'Period', help: 'all: one row per agent; day, week or month: a row per agent and period.' },
  },
  windowDays: {
    'zh-CN': { label: '询单有效时长(天)', help: '第 D 天询单，D 至 D+N−1 天内付款算该客服的成交。' },
    'zh-TW': { label: '詢單有效時長(天)', help: '第 D 天詢單，D 至 D+N−1 天內付款算該客服的成交。' },
    en: {
      label: 'Inquiry window (days)',
      help: 'An order paid on days D to D+N−1 after an inquiry on day D is credited.',
    },
  },
  afterSalesChatDays: {
    'zh-CN': {
      label: '售后天数',
      help: '买家付款后 N 天内的咨询，若有效时长内没有新订单，算售后咨询：计入服务指标，不计入询单。0 为不区分。',
    },
    'zh-TW': {
      label: '售後天數',
      help: '買家付款後 N 天內的諮詢，若有效時長內沒有新訂單，算售後諮詢：計入服務指標，不計入詢單。0 為不區分。',
    },
    en: {
      label: 'After-sales chat days',
      help: 'A consultation within N days after the customer paid, with no new order in its window, is after-sales: counted in the service figures, not as an inquiry. 0: off.',
    },
  },
  fastReplySeconds: {
    'zh-CN': {
      label: '应答时限(秒)',
      help: '30秒应答率的 T：首次人工回复在 T 秒内算及时（3分钟回复率用 180）。',
    },
    'zh-TW': {
      label: '應答時限(秒)',
      help: '30秒應答率的 T：首次人工回覆在 T 秒內算及時（3分鐘回覆率用 180）。',
    },
    en: {
      label: 'Fast reply within (s)',
      help: 'T of the fast-reply rate: a first manual reply within T s is fast (180 for a 3-minute rate).',
    },
  },
  assessmentHours: {
    'zh-CN': {
      label: '考核时段',
      help: '如 08:00-24:00；首条买家消息在时段外的咨询不计入时间类指标。空白为全天。',
    },
    'zh-TW': {
      label: '考核時段',
      help: '如 08:00-24:00；首則買家訊息在時段外的諮詢不計入時間類指標。空白為全天。',
    },
    en: {
      label: 'Assessment hours',
      help: 'Such as 08:00-24:00: consultations begun outside are left out of the time-based rates. Empty: all day.',
    },
  },
  internalAccounts: {
    'zh-CN': { label: '内部账号(逗号分隔)', help: '内部或测试账号，其消息和订单完全不计。' },
    'zh-TW': { label: '內部帳號(逗號分隔)', help: '內部或測試帳號，其訊息和訂單完全不計。' },
    en: {
      label: 'Internal accounts (comma separated)',
      help: 'Internal or test accounts, left out entirely.',
    },
  },
  autoPrefixes: {
    'zh-CN': { label: '自动回复前缀', help: '以此开头的客服消息是自动回复，不算人工回复（逗号分隔）。' },
    'zh-TW': { label: '自動回覆前綴', help: '以此開頭的客服訊息是自動回覆，不算人工回覆（逗號分隔）。' },
    en: {
      label: 'Auto-reply prefix',
      help: "Agent messages starting with one of these are auto replies, not an agent's (comma separated).",
    },
  },
  split: {
    'zh-CN': {
      label: '会话划分',
      help: 'auto：有会话列按会话(id)，否则按天(day)；gap：静默超过间隔分钟另起一个咨询。',
    },
    'zh-TW': {
      label: '會話劃分',
      help: 'auto：有會話欄按會話(id)，否則按天(day)；gap：靜默超過間隔分鐘另起一個諮詢。',
    },
    en: {
      label: 'Consultation split',
      help: 'auto: by session (id) when one is mapped, else by day; gap: a new one after the gap minutes of silence.',
    },
  },
  gapMinutes: {
    'zh-CN': { label: '间隔分钟', help: '按 gap 划分时，买家静默多少分钟后另起一个咨询。' },
    'zh-TW': { label: '間隔分鐘', help: '按 gap 劃分時，買家靜默多少分鐘後另起一個諮詢。' },
    en: {
      label: 'Gap minutes',
      help: 'With split gap: minutes of silence after which a customer message starts a new consultation.',
    },
  },
  attribution: {
    'zh-CN': { label: '订单归属', help: 'last 最后接待的客服，first 最先接待的，most 消息最多的。' },
    'zh-TW': { label: '訂單歸屬', help: 'last 最後接待的客服，first 最先接待的，most 訊息最多的。' },
    en: {
      label: 'Order attribution',
      help: 'last: the last agent consulted; first: the first; most: the one with most messages.',
    },
  },
  basis: {
    'zh-CN': { label: '成交口径', help: 'paid 付款，ordered 下单，paid-same-day 当天下单并付款。' },
    'zh-TW': { label: '成交口徑', help: 'paid 付款，ordered 下單，paid-same-day 當天下單並付款。' },
    en: {
      label: 'Sale basis',
      help: 'paid: the order was paid; ordered: placed; paid-same-day: placed and paid the same day.',
    },
  },
  autoKeywords: {
    'zh-CN': { label: '自动回复关键词', help: '含有其中之一的客服消息是自动回复（逗号分隔）。' },
    'zh-TW': { label: '自動回覆關鍵詞', help: '含有其中之一的客服訊息是自動回覆（逗號分隔）。' },
    en: {
      label: 'Auto-reply keywords',
      help: 'Agent messages containing one of these are auto replies (comma separated).',
    },
  },
  afterSalesWindowDays: {
    'zh-CN': {
      label: '售后窗口(天)',
      help: '售后指标（退款率、纠纷率、投诉率、自主完结率、完结时长）按报表最后一天往前 N 天计算；空白为整段。',
    },
    'zh-TW': {
      label: '售後窗口(天)',
      help: '售後指標（退款率、糾紛率、投訴率、自主完結率、完結時長）按報表最後一天往前 N 天計算；空白為整段。',
    },
    en: {
      label: 'After-sales window (days)',
      help: "After-sales indicators (refund, dispute and complaint rates, self-completed refunds, completion hours) over the N days ending on the report's last day; empty: the period.",
    },
  },
  satisfiedLevels: {
    'zh-CN': { label: '满意等级', help: '算作满意的评价等级（5 非常满意，4 满意），逗号分隔。' },
    'zh-TW': { label: '滿意等級', help: '算作滿意的評價等級（5 非常滿意，4 滿意），逗號分隔。' },
    en: {
      label: 'Satisfied levels',
      help: 'Rating levels that count as satisfied (5 very satisfied, 4 satisfied), comma separated.',
    },
  },
  dsrDays: {
    'zh-CN': { label: 'DSR 天数', help: '服务态度 DSR 取最近多少天的评价。' },
    'zh-TW': { label: 'DSR 天數', help: '服務態度 DSR 取最近多少天的評價。' },
    en: { label: 'DSR days', help: 'Days of ratings behind the service DSR.' },
  },
  autoRepliesCloseGaps: {
    'zh-CN': { label: '自动回复算响应', help: '开启后自动回复也结束一次等待（平均响应时间）。' },
    'zh-TW': { label: '自動回覆算響應', help: '開啟後自動回覆也結束一次等待（平均響應時間）。' },
    en: {
      label: 'Auto replies close gaps',
      help: 'On: an auto reply also ends a wait (average response time).',
    },
  },
  excludeTransfersOut: {
    'zh-CN': { label: '排除转出的咨询', help: '转出的咨询不计入服务类比率。' },
    'zh-TW': { label: '排除轉出的諮詢', help: '轉出的諮詢不計入服務類比率。' },
    en: {
      label: 'Leave out transfers out',
      help: 'Consultations transferred out are left out of the service rates.',
    },
  },
  excludeOffline: {
    'zh-CN': { label: '排除留言分配的咨询', help: '由留言分配的咨询不计入服务类比率。' },
    'zh-TW': { label: '排除留言分配的諮詢', help: '由留言分配的諮詢不計入服務類比率。' },
    en: {
      label: 'Leave out offline messages',
      help: 'Consultations assigned from offline messages are left out of the service rates.',
    },
  },
  minSample: {
    'zh-CN': {
      label: '最小样本',
      help: '比率或平均值的分母（评价数、询单人数等）少于此数时标为样本不足（灰色并注明），不隐藏；0 为不标。',
    },
    'zh-TW': {
      label: '最小樣本',
      help: '比率或平均值的分母（評價數、詢單人數等）少於此數時標為樣本不足（灰色並註明），不隱藏；0 為不標。',
    },
    en: {
      label: 'Minimum sample',
      help: 'A rate or mean over fewer cases (ratings, inquirers…) in its row is flagged low-sample (greyed, with a note), never hidden; 0: none.',
    },
  },
  platform: {
    'zh-CN': {
      label: '平台',
      help: '平台回复率按哪个平台的规则计算（Shopee 12 小时、Lazada 当日周期、TikTok 12 小时、Amazon 每条消息 24 小时……）；none 为不计算。其他指标不受影响。',
    },
    'zh-TW': {
      label: '平台',
      help: '平台回覆率按哪個平台的規則計算（Shopee 12 小時、Lazada 當日週期、TikTok 12 小時、Amazon 每則訊息 24 小時……）；none 為不計算。其他指標不受影響。',
    },
    en: {
      label: 'Platform',
      help: "Whose rule the platform response rate follows (Shopee 12 h, Lazada's same-day cycle, TikTok Shop 12 h, Amazon 24 h per message…); none: not computed. No other indicator changes.",
    },
  },
  platformWindowDays: {
    'zh-CN': {
      label: '平台考核天数',
      help: '平台回复率取报表最后一天往前 N 天（如 Amazon 的 7、30、90）；空白为该平台自己的天数。',
    },
    'zh-TW': {
      label: '平台考核天數',
      help: '平台回覆率取報表最後一天往前 N 天（如 Amazon 的 7、30、90）；空白為該平台自己的天數。',
    },
    en: {
      label: 'Platform window (days)',
      help: "The platform response rate over the N days ending on the report's last day (Amazon shows 7, 30 and 90); empty: the platform's own.",
    },
  },
};
