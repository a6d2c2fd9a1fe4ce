import { markdownCell } from '../lib/markdown';
import { DIALECT_EVIDENCE } from './dialectEvidence';
import { DIALECTS } from './dialects';
import { type Cell, fieldsOf, headerNames, KINDS, ONE_OF } from './fields';
import { PRIVATE_HEADERS } from './headers';
import { statusWords } from './orderStatus';

/** How each kind of cell is read, in the docs' words. */
const CELLS: Record<Cell, string> = {
  time: 'date and time',
  text: 'text',
  id: 'ID',
  buyer: 'buyer ID',
  money: 'amount (see Amounts)',
  count: 'whole number',
  flag: 'yes/no (true/false, 是/否)',
  word: 'one of known words',
  currency: 'currency code or sign (TWD, USD, NT$, RM)',
};

/** docs/dialects.md: the exports the importer recognizes and the header names each field goes by. */
export function renderDialectsMarkdown(): string {
  const lines = [
    '# Exports the importer reads',
    '',
    '<!-- Generated from src/core/import/dialects.ts and fields.ts by `npm run docs`; a test keeps it up to date. -->',
    '',
    '`cs-kpi inspect FILE` shows what the importer makes of a file: the dialect it recognized, the column',
    'chosen for each field with a confidence, sample records and every warning. A mapping given with',
    '`--map FIELD=COLUMN` (or in the sidebar) always wins. *Basis* says where the header names come from:',
    "a real export kept in `test/fixtures/public-data`, public code that reads such exports, or the platform's",
    'documentation as we know it; the last two should be checked against a real export when one is at hand.',
    '',
    '## Recognized exports',
    '',
    '| id | export | kind | basis | fields read from |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const d of DIALECTS) {
    const columns = Object.entries(d.columns)
      .map(
        ([field, column]) =>
          `${field} ← ${column}${d.perLine?.includes(field as 'amount') ? ' (per line, summed over an order’s lines)' : ''}`,
      )
      .join('; ')
      .concat(d.parenthesesNegative ? '; an amount in parentheses, (12.00), is negative' : '')
      .concat(
        d.market
          ? `; market ${d.market.country}, amounts in ${d.market.currency} unless a currency says otherwise`
          : '',
      )
      .concat(
        d.descriptionRow
          ? `; the row under its header that describes each column in words (${d.descriptionRow} with no digit) is skipped`
          : '',
      )
      .concat(
        d.statuses
          ? `; its own status words: ${Object.entries(d.statuses)
              .map(([word, status]) => `${word} = ${status}`)
              .join(', ')}`
          : '',
      );
    lines.push(
      `| \`${d.id}\` | ${d.name.zh} / ${d.name.en} | ${d.kind} | ${d.basis} | ${markdownCell(columns)} |`,
    );
  }
  lines.push(
    '',
    '### Evidence',
    '',
    'Where the header names and the dates of the exports added for cross-border shops were found (public',
    "code that reads the real files, or the platform's help page; the repository is named where the search",
    'that found it named one):',
    '',
    ...Object.entries(DIALECT_EVIDENCE).flatMap(([id, evidence]) => [
      `- \`${id}\`: ${evidence.headers}.`,
      `  Dates: ${evidence.dates}.`,
    ]),
    '',
    'An export with one row per line (SKU) gives one order per order ID: items are summed over its distinct',
    'lines; amounts are taken once, from the first row that has them, unless marked per line above.',
    '',
    '## Dates and times',
    '',
    'Read: year first (`2020-02-20 23:59:54`, `2020/2/20 23:59`, `2023-1-7 9:05`), ISO 8601 with an offset',
    "or Z (an instant), 2020年2月20日 10:04, Twitter's `Tue Oct 31 22:10:47 +0000 2017`, a spreadsheet's",
    "serial number, a day with the month's English name (`01 Nov 2025 10:00`, `1 November 2025`), and day",
    'and month as numbers with the year last (`31/05/2024 09:56:09`, `12/15/2025 9:30:33 AM`). A 12-hour',
    'clock (AM/PM) reads 12:05 AM as 00:05 and 12:05 PM as 12:05; an hour it does not have (13 PM, 0 AM) is',
    "refused. A time without an offset is on the shop's clock (the file's zone).",
    '',
    'Day and month as numbers are read in the order the file settles: a date that reads one way only',
    '(`31/05/2024`: the day first; `12/15/2025`: the month first) decides it for every time column of the',
    'file, and the rows before it wait for it. A date of two readings (`03/06/2024`: 3 June or 6 March) in a',
    'file that never settles the order is refused with its row, never guessed, and so is a date that puts',
    'the other number first than the file (`11/14/2025` in a day-first file). A day equal to its month',
    '(`05/05/2024`) is one date either way. None of the exports above fixes the order by itself.',
    '',
    '## Amounts',
    '',
    "An amount is read only when it can be read one way. Each money column's decimal mark is decided from",
    'the column: if every amount in it that has a fraction has a decimal comma (`12,50`, `1.234,50`,',
    '`1 234,50`) it is a comma column; otherwise a point column (`138.00`, `1,234.50`). A cell that disagrees',
    'with its column (`12,34` among `138.00`) is refused, and so is one that reads two ways when nothing in',
    'the column decides: `1,234` and `1.234` (a separator before exactly three digits, after one to three',
    'digits not starting with 0) in a column whose other amounts are whole numbers. Currency signs (¥ ￥ $ €',
    '£, RMB, CNY, USD), 元, thousands separators that agree with the column (also spaces and apostrophes)',
    'and full-width digits (１２０．５０) are read. A negative amount on an order is refused (a refund goes',
    'in the refund amount column or the refunds export); so is an amount in parentheses, `(12.00)`, unless',
    'the dialect says its parentheses mean negative (none of the above does). An order that counts as a sale',
    '(paid, or cash on delivery) with its amount left empty on every row is refused; an empty refund amount',
    'is no refund (0). 无退款申请, 无, - and n/a in an amount cell are 0.',
    '',
    'Signs of the cross-border markets are read too: `NT$`, `US$`, `S$`, `HK$`, `RM`, `฿`, `Rp`, `₱`, `₫` and',
    'ISO codes (`TWD`, `MYR`, `THB`, `IDR`…). A sign that names one currency alone also says how its market',
    'writes numbers, which settles a separator before three digits: `NT$1,234`, `RM 1,234` and `฿1,234` are',
    '1234 (a point market), `Rp 1.234` is 1234 (a comma market); `Rp 1.234.567` is 1234567 by the column',
    'rule itself. A bare `$`, `¥` or `元` names no currency (several markets write them) and settles nothing.',
    '',
    '## Currencies',
    '',
    "An order's currency is its currency column (an ISO code or a sign such as `NT$`), else the sign on its",
    'amounts, else the market of the recognized export (Shopee Taiwan: TWD); otherwise it is unknown. A sign',
    "that disagrees with the row's currency column, or two amounts of one row in different currencies, refuse",
    'the row. Amounts of different currencies are never added: see docs/decisions.md, "Several currencies".',
    '',
    '## Order status words',
    '',
    'Read from the status column a recognized export names (or one mapped with `--map status=COLUMN`; a',
    'column is never taken for it from its name alone, except one called exactly `status`). *paid*: a sale;',
    '*unpaid*: not yet one; *cancelled*: never one, even with a payment time (the money went back); *refunded*:',
    'a sale, counted as refunded by the refund rate. An export without a payment time (Lazada) counts an',
    'order whose status says paid as paid when it was placed. A word not listed here refuses its row.',
    '',
    ...Object.entries(statusWords()).map(([status, words]) => `- ${status}: ${words.join(', ')}`),
    '',
    'An order ID that a spreadsheet rounded is refused with every row of its order: one in scientific',
    'notation (`3.00000000000000E+18`), and one of 16 or more digits whose digits after the 15th are all 0',
    'when rows of different buyers share it. Export the ID column as text (or import the export file itself).',
    '',
    'Also read: chat text copied from a 千牛 window (a `昵称 YYYY-M-D H:MM:SS` line per message, 已读/未读',
    'receipts, `A --> B` transfers, system lines), and the raw Kaggle Twitter support file (threaded into',
    'conversations by its reply links).',
    '',
    '## Header names per field',
    '',
    'Matched after trimming, lower-casing and dropping spaces and underscores (so `订单付款时间 ` with its',
    'trailing space, and `Created at` / `created_at`, match). Required fields are in bold. *Lets the',
    'catalog compute* names what an indicator needs (docs/indicators.md, column *needs*) that only this',
    'column gives: without it those indicators are empty, never 0.',
  );
  for (const kind of KINDS) {
    const either = (ONE_OF[kind] ?? []).map(
      (names) => `An export must have at least one of ${names.map((n) => `\`${n}\``).join(', ')}.`,
    );
    lines.push(
      '',
      `### ${kind}`,
      ...(either.length > 0 ? ['', ...either] : []),
      '',
      '| field | name | cell | lets the catalog compute | header names |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const field of fieldsOf(kind)) {
      const name = field.required ? `**${field.name}**` : field.name;
      const label = `${field.label['zh-CN']} / ${field.label['zh-TW']} / ${field.label.en}`;
      const cell =
        (field.values ?? CELLS[field.cell]) +
        (field.empty !== undefined
          ? `; empty: ${field.empty}`
          : field.cell === 'money'
            ? '; empty: unknown'
            : '');
      const names = [...new Set(headerNames(field))].join(', ');
      lines.push(
        `| ${name} | ${label} | ${cell} | ${field.gives ? `\`${field.gives}\`` : ''} | ${markdownCell(names)} |`,
      );
    }
  }
  lines.push(
    '',
    '## Never read',
    '',
    'Columns with these names (receiver name, phone, address) are never read, so they go no further than',
    `the file: ${PRIVATE_HEADERS.join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** One line per kind: its required fields, then its optional ones (for `cs-kpi --help`). */
export function renderFieldLines(): string {
  return KINDS.map((kind) => {
    const fields = fieldsOf(kind);
    const named = (required: boolean) =>
      fields
        .filter((field) => (field.required === true) === required)
        .map((field) => (field.values ? `${field.name} (${field.values})` : field.name))
        .join(', ');
    const optional = named(false);
    const either = (ONE_OF[kind] ?? []).map((names) => ` and ${names.join(' or ')}`).join('');
    return `  ${kind.padEnd(11)}${named(true)}${either}${optional ? `; optionally ${optional}` : ''}`;
  }).join('\n');
}
