import type { PlatformId } from './platform';

/** A rule as implemented, and where it was read: a public page, or (no page found) the research summary. */
interface SourcedRule {
  rule: string;
  source: string;
}

const RESEARCH = 'rests on the summary in research/platform-metrics.md (no page found to confirm it)';
const AMAZON_CRT =
  'Seller Central help "Contact Response Time" (US), sellercentral.amazon.com/gp/help/external/200549770';
const SHOPEE_RULES =
  'seller-education summaries of Shopee\'s chat response rate: sellerby.com/p/3907.html, sellerby.com/p/2068.html, daininhson.com "Tỷ lệ Phản hồi Chat Shopee"';
const LAZADA_CRR =
  'Lazada Seller Community (PH), "How is Chat response rate calculated?", community.lazada.com.ph/article/how-is-chat-response-rate-calculated-1120800-hc';
const TIKTOK_12H =
  'duoke.com "Malaysia E-commerce Chat Response Rate Complete Guide 2026"; cedcommerce.com TikTok Shop 12-hour response rate (exclusions)';

/**
 * The rule of each platform as platform_response_rate implements it, each line with its source, for
 * docs/indicators.md (generated: `npm run docs`). What the rules are is platform.ts; these are words.
 */
export const PLATFORM_TEXT: Record<Exclude<PlatformId, 'none'>, { name: string; rules: SourcedRule[] }> = {
  shopee: {
    name: 'Shopee (chat response rate)',
    rules: [
      {
        rule: 'unit: the chat (a consultation, as `--split` makes them), from its first buyer message',
        source: SHOPEE_RULES,
      },
      { rule: 'answered: a manual reply within 12 hours; auto replies are no reply', source: SHOPEE_RULES },
      {
        rule: 'once answered within 12 hours, later messages of the chat do not lower the rate',
        source: 'sellerby.com/p/32.html (Shopee Thailand announcement)',
      },
      {
        rule: 'window: 90 days (some markets say 30: `--platform-window-days 30`)',
        source: `${SHOPEE_RULES}; duoke.com (30 days)`,
      },
      {
        rule: 'no average response time: none of the sources above describes one',
        source: "the project's choice",
      },
    ],
  },
  'shopee-th': {
    name: 'Shopee Thailand',
    rules: [
      {
        rule: "as Shopee, and the rate is 0.5 × the 90 days' rate + 0.5 × the rate of the most recent 25 % of those chats (rounded up, at least one), from 1 January 2024",
        source: 'sellerby.com/p/32.html (Shopee Thailand announcement); daininhson.com',
      },
    ],
  },
  lazada: {
    name: 'Lazada (chat same-day response rate)',
    rules: [
      { rule: 'unit: the conversation, from its first buyer message', source: LAZADA_CRR },
      {
        rule: "a conversation received from 18:00 the day before to 18:00 (18:00 sharp: the next cycle) must be answered by 19:00 the same day, in the shop's time zone",
        source: LAZADA_CRR,
      },
      { rule: 'auto replies are no reply; quick replies are', source: LAZADA_CRR },
      { rule: 'window: 7 days (Seller Center homepage)', source: LAZADA_CRR },
      {
        rule: 'public holidays and holiday mode are excluded there: the exports do not say them, so they count here',
        source: LAZADA_CRR,
      },
      {
        rule: 'response time: mean hours to the first reply over the conversations answered within their cycle (replies after 19:00 left out)',
        source: RESEARCH,
      },
    ],
  },
  tiktok: {
    name: 'TikTok Shop (12-hour response rate)',
    rules: [
      { rule: 'unit: the conversation the buyer began (seller-initiated ones left out)', source: TIKTOK_12H },
      { rule: 'answered: a first manual reply within 12 hours, over 30 days', source: TIKTOK_12H },
      {
        rule: 'a conversation answered by auto replies (the chatbot) only is left out, not counted unanswered',
        source: `${TIKTOK_12H}; polici.net summary of TikTok Shop's customer service policy`,
      },
      {
        rule: 'response time: mean hours to the first reply over the answered conversations',
        source: 'seller-th.tiktok.com "How to Improve Response Time" (Average Response Time)',
      },
    ],
  },
  amazon: {
    name: 'Amazon (contact response time)',
    rules: [
      {
        rule: 'unit: each buyer message, before or after the order; answered by the next manual reply of the thread',
        source: AMAZON_CRT,
      },
      {
        rule: "answered within 24 hours, weekends and holidays included; an unanswered message counts (as no response) only once it is more than 24 hours old at the data's end; the rate is 1 − Amazon's late response rate",
        source: AMAZON_CRT,
      },
      {
        rule: 'a message marked "no response needed" (the `no_response` column) is left out',
        source: AMAZON_CRT,
      },
      {
        rule: 'auto-responders are no response',
        source: 'Seller Central help, sellercentral.amazon.com/gp/help/external/202152030',
      },
      {
        rule: 'window: 90 days (Amazon shows 7, 30 and 90: `--platform-window-days`); response time: mean hours over every answered message',
        source: AMAZON_CRT,
      },
    ],
  },
  ebay: {
    name: 'eBay',
    rules: [
      {
        rule: 'eBay publishes no response rate of its own: each buyer message answered within 24 hours, as Amazon counts it (docs/decisions.md)',
        source: "no eBay page found; the project's choice",
      },
    ],
  },
  taobao: {
    name: '淘宝/天猫 Taobao/Tmall',
    rules: [
      {
        rule: 'the first manual reply of each consultation within 180 s (3分钟回复率), counted as 30秒应答率 is (assessment hours, transfers out, offline assignments), over the period',
        source: 'SPEC §3 fast_reply_rate; research/platform-metrics.md; docs/decisions.md',
      },
    ],
  },
  jd: {
    name: '京东 JD',
    rules: [
      { rule: 'as Taobao, within 30 s (30秒应答率)', source: 'SPEC §3 fast_reply_rate; docs/decisions.md' },
    ],
  },
  pdd: {
    name: '拼多多 Pinduoduo',
    rules: [
      {
        rule: 'as Taobao, within 180 s (3分钟回复率)',
        source: 'SPEC §3 fast_reply_rate; research/platform-metrics.md',
      },
    ],
  },
  douyin: {
    name: '抖店 Douyin shop',
    rules: [
      {
        rule: 'as Taobao, within 180 s (3分钟回复率)',
        source: 'SPEC §3 fast_reply_rate; research/platform-metrics.md',
      },
    ],
  },
};
