import { markdownCell } from '../lib/markdown';
import {
  type Group,
  INDICATORS,
  type Indicator,
  indicatorName,
  type Language,
  type Naming,
  shapingSettings,
} from './catalog';
import { PLATFORM_RULES, type PlatformId } from './platform';
import { PLATFORM_TEXT } from './platformText';
import { SETTING_BY_ID } from './settings';

/** Help text and docs/indicators.md, both from the catalog so a definition is never written twice. */

const GROUP_TITLES: Record<Group, string> = {
  service: '服务指标 Service',
  sales: '销售指标 Sales',
  after_sales: '售后指标 After-sales',
};

const UNIT_TEXT: Record<Indicator['unit'], string> = {
  count: 'count',
  ratio: 'ratio (0.5 = 50 %)',
  seconds: 'seconds',
  money: 'money',
  hours: 'hours',
  items: 'items',
  items_per_buyer: 'items per buyer (2.85)',
  score: 'score (1–5)',
};

const BETTER_TEXT = { higher: 'higher', lower: 'lower' } as const;

/** How a name follows its setting, by example: 60秒应答率 / 60s response rate, 3分钟应答率 / … */
function followsText(i: Indicator): string {
  const setting = i.namedBy?.setting as keyof Naming;
  const at = (n: number) => ({ [setting]: n }) as unknown as Naming;
  const examples = [60, 180].map(
    (n) => `${indicatorName(i, 'zh-CN', at(n))} / ${indicatorName(i, 'en', at(n))}`,
  );
  return `the name follows \`${SETTING_BY_ID.get(setting)?.flag}\`: ${examples.join(', ')}`;
}

export function renderIndicatorsMarkdown(): string {
  const lines = [
    '# Indicators',
    '',
    '<!-- Generated from src/core/engine/catalog.ts by `npm run docs`; a test keeps it up to date. -->',
    '',
    'Every figure the engine reports, with the key it has in `cs-kpi report --format json` and in the',
    'sheets. An empty value (`null`, an empty cell) means the figure has no denominator or its input was not',
    'given; it is never shown as 0. Each duration also has `<id>_median` and `<id>_p90` beside its mean',
    "(percentiles interpolate like Sheets' PERCENTILE). Options and defaults are in `docs/decisions.md` and",
    '`cs-kpi --help`.',
    '',
    '*Needs* names the exports a figure is computed from, and the columns an order export may lack:',
    '`amounts`, `itemCounts` and `refundAmounts` (paid amount, number of items, refund amount),',
    '`orderTimes` and `paymentTimes` (when the order was placed, when it was paid), and `orderBuyers`, the',
    "order's buyer. Without a buyer no order can be matched to a chat: the figures that credit orders to",
    "agents, and the shop's conversion rates and silent sales, are empty; the shop's sales, orders and",
    'payment rate still count every order. `attributionTimes` is the time the attribution basis reads:',
    'the payment under `paid`, the placing under `ordered`, both under `paid-same-day`.',
    '`afterSalesChatDays` is the setting `after_sales_chat_days` (`--after-sales-chat-days N`, 售后天数)',
    'turned on: a consultation whose customer paid in the N days before it and that no new order in its',
    'window is credited to is then an after-sales consultation, counted in the service figures and in',
    '`after_sales_consultations`, and left out of `inquirers`, `conversion_rate` and `order_rate`.',
    '',
    '*low_sample*: a rate or a mean is flagged on what it divides by in its row (agent, team or shop,',
    'each period): when that is below `min_sample` (`--min-sample`, default 5; 0 flags nothing), the',
    "figure is still shown, and its id is in the row's `low_sample` list (JSON: always present, possibly",
    'empty; CSV: the last column, ids separated by spaces). The tabs grey it with a note, the terminal',
    'table marks it `*`, `CS_INDICATORS` lists it in a note row, and a scheme may leave it unscored.',
    'Counts, sums and shares of the team are never flagged.',
    '',
    '*Which rows count*: a row the importer refuses is counted in no figure and listed in every front end',
    '(stderr of `cs-kpi report` whatever the format, the sidebar, the last rows of `CS_INDICATORS`), with',
    'file, row, column and reason; a row that is counted is never called skipped. Refused: a cell that',
    'cannot be read for sure (an amount whose decimal mark disagrees with its column or reads two ways, a',
    'negative or parenthesised amount, a paid order with no amount, an ID a spreadsheet rounded, a time',
    'more than a day after now), a row with more cells than the header, a row missing a column a field',
    'reads. With a message-ID column (`message_id`), duplicate chat rows are exactly those that repeat an',
    'ID; without one, rows alike in every column; a row with no text is never a duplicate. The import',
    'rules in full: `docs/dialects.md` and `docs/decisions.md`.',
    '',
    '*settings* names the settings that shape a figure: those of the inputs it needs (consultations are',
    'split and internal accounts dropped before anything is counted; attributed orders follow the window,',
    'the attribution rule and the basis) and its own. `--gap-minutes` matters only under `--split gap`.',
    'The time zone and the period shape every figure and are not repeated. In the sheets and the .xlsx,',
    "each indicator header's note says the definition and these settings with their values.",
  ];
  for (const group of Object.keys(GROUP_TITLES) as Group[]) {
    lines.push('', `## ${GROUP_TITLES[group]}`, '');
    lines.push('| id | 名称 / 名稱 / name | unit | better | definition | needs | settings | low_sample |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const i of INDICATORS.filter((x) => x.group === group)) {
      const named = i.namedBy ? ` (${followsText(i)})` : '';
      const names = `${i.names['zh-CN']} / ${i.names['zh-TW']} / ${i.names.en}${named}`;
      const unit = UNIT_TEXT[i.unit] + (i.samples ? ', with median and p90' : '');
      const better = i.better ? BETTER_TEXT[i.better] : '–';
      const needs = i.shopNeeds
        ? `${i.needs.join(' + ')} (shop row: ${i.shopNeeds.join(' + ')})`
        : i.needs.join(' + ');
      const rows = i.levels.length === 3 ? '' : ` Rows: ${i.levels.join(', ')}.`;
      const shaping = shapingSettings(i).map((id) => `\`${SETTING_BY_ID.get(id)?.flag}\``);
      lines.push(
        `| \`${i.id}\` | ${markdownCell(names)} | ${unit} | ${better} | ${markdownCell(i.formula['zh-CN'])}<br>${markdownCell(i.formula.en)}.${rows} | ${needs} | ${shaping.join(' ') || '–'} | ${i.denominator ? 'under min_sample cases' : '–'} |`,
      );
    }
  }
  lines.push(...platformSection());
  return `${lines.join('\n')}\n`;
}

/** platform_response_rate's rule under each `--platform`, each line with its source. */
function platformSection(): string[] {
  const lines = [
    '',
    '## 平台回复率 Platform response metrics',
    '',
    '`platform_response_rate` and `platform_response_time` follow the rule of the platform chosen with',
    '`--platform` (设置 平台, CS_INDICATORS key `platform`); `none`, the default, leaves them empty, and no',
    'other figure reads the setting. Everywhere: a customer message marked as needing no response (the chat',
    "export's `no_response` column) is left out, platform notices (system messages) are neither the buyer's",
    'nor an answer, an auto reply is no answer (TikTok Shop aside, below), and a message or conversation',
    "still unanswered whose deadline had not passed at the data's end (its last message) is not counted",
    "yet. The window ends on the row's period's last day (`--platform-window-days N` sets another); when",
    'the chats cover fewer days than it, the report says so. Cases count for the agent whose account',
    'received them, the team and the shop.',
  ];
  for (const [id, text] of Object.entries(PLATFORM_TEXT) as [
    Exclude<PlatformId, 'none'>,
    (typeof PLATFORM_TEXT)['shopee'],
  ][]) {
    const rule = PLATFORM_RULES[id];
    const window = rule.windowDays === null ? 'the period' : `${rule.windowDays} days`;
    lines.push(
      '',
      `### \`${id}\`: ${text.name}`,
      '',
      `Unit: ${rule.unit}; window: ${window}; response time: ${rule.responseTime ? 'yes' : 'no'}.`,
      '',
    );
    lines.push('| rule | source |', '| --- | --- |');
    for (const r of text.rules) lines.push(`| ${markdownCell(r.rule)} | ${markdownCell(r.source)} |`);
  }
  return lines;
}

/** One line per indicator in the user's language, for `cs-kpi indicators`. */
export function renderIndicatorsText(language: Language): string {
  return INDICATORS.map((i) => {
    const formula = language === 'en' ? i.formula.en : i.formula['zh-CN'];
    return `${i.id.padEnd(20)} ${i.names[language]}: ${formula}`;
  }).join('\n');
}
