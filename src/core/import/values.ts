import { digits } from '../lib/digits';
import { CURRENCY_MARKS, currencyOfAmount, markOfCurrency } from './currency';

/**
 * Cell values as exports write them. Each parser returns null for what it cannot read, so the caller
 * can name the row and column in its warning; an empty cell is the caller's business.
 */

/** Whether a UTF-16 code unit is white space to String.prototype.trim. */
function isSpace(code: number): boolean {
  if (code <= 32) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text.trim()`, without its cost for the cells (nearly all) that have nothing to trim. */
export function trimCell(text: string): string {
  const last = text.length - 1;
  if (last < 0 || (!isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(last)))) return text;
  return text.trim();
}

/** IDs that exports wrap to stop Excel's scientific notation: ="123", '123, =123, a leading tab. */
export function unwrapId(text: string): string {
  const lead = text.charCodeAt(0);
  // Most IDs are plain or empty: skip the work unless the cell starts with =, ' or white space.
  if (text === '' || (lead !== 61 && lead !== 39 && lead > 32 && text.charCodeAt(text.length - 1) > 32))
    return text;
  let id = text.trim();
  const formula = /^="(.*)"$/.exec(id);
  if (formula) return (formula[1] ?? '').trim();
  if (id.startsWith('=') || id.startsWith("'")) id = id.slice(1);
  return id.trim();
}

/**
 * An ID in scientific notation, "3.00000000000000E+18": what Excel shows of a long number, and what a
 * cell of a tab gives for one (src/core/sheets/cellText.ts). The spreadsheet kept 15 digits, so
 * different IDs may have become the same: such an ID is refused, never merged.
 */
export function isRoundedId(id: string): boolean {
  return /^[+-]?\d(?:\.\d+)?E\+?\d+$/i.test(id);
}

export const ROUNDED_ID =
  'is an ID that a spreadsheet rounded to 15 digits (Excel and Google Sheets keep no more), so different IDs may now look the same; the row is refused. Import the export file itself, or, to paste it into a tab, first format the column as plain text (Format › Number › Plain text); in Excel, import the column as text';

const NO_AMOUNT = new Set(['无退款申请', '无', '-', '--', '—', 'n/a', 'none']);

/** 10^0 … 10^15, each exact as a double. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Digits with at most one point and an optional leading minus, what most amount cells hold, read to the
 * same double as Number() gives: with 15 digits or fewer, digits ÷ 10^decimals is one correctly rounded
 * division of two exact numbers, so it is the correctly rounded value of the decimal. null: not plain,
 * or (`point` false: a column whose decimal mark is not known to be a point) a point in it.
 */
export function plainDecimal(text: string, point = true): number | null {
  const negative = text.charCodeAt(0) === 45;
  let n = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (decimals >= 0 || !point) return null;
      decimals = 0;
    } else if (code >= 48 && code <= 57) {
      n = n * 10 + (code - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else return null;
  }
  if (digits === 0) return null;
  if (digits > 15) return Number(text);
  const value = decimals > 0 ? n / (POWERS_OF_TEN[decimals] as number) : n;
  return negative ? -value : value;
}

/** The mark between an amount's whole part and its fraction: "12.50" or "12,50". */
export type DecimalMark = '.' | ',';

/**
 * What one money cell tells of its column's decimal mark: '.' or ',' when it can only be read with
 * that mark, null when it has no fraction ("80", "1 299"), 'either' when it reads both ways ("1,234":
 * 1.234 with a decimal comma, 1234 with a thousands comma).
 */
export type MarkEvidence = DecimalMark | null | 'either';

interface AmountShape {
  mark: MarkEvidence;
  /** The amount read with the cell's own mark ('either': with its separator as the decimal mark). */
  value: number;
  /** 'either' only: the amount read with its separator as a thousands separator. */
  grouped: number;
  parenthesised: boolean;
  negative: boolean;
}

const CURRENCY = CURRENCY_MARKS;
/** Separators an amount may hold: the two marks, and spaces or an apostrophe between thousands. */
const SEPARATOR = /[.,'\s]/;
const AMOUNT_BODY = /^\d*(?:[.,'\s]\d+)*$/;

/** Full-width ASCII (０-９，．（）－＋＄) as ASCII: what a Chinese input method writes. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Whether runs[0] is 1–3 digits and every run after it, up to `end`, is 3: thousands written right. */
function grouped(runs: readonly string[], end: number): boolean {
  const head = runs[0] as string;
  if (head.length < 1 || head.length > 3) return false;
  for (let i = 1; i < end; i++) if ((runs[i] as string).length !== 3) return false;
  return true;
}

/** A money cell taken apart; null when it is not an amount at all. */
function amountShape(text: string): AmountShape | null {
  let body = halfWidth(text.trim());
  if (NO_AMOUNT.has(body.toLowerCase()))
    return { mark: null, value: 0, grouped: 0, parenthesised: false, negative: false };
  body = body.replace(CURRENCY, '').trim();
  const parenthesised = body.startsWith('(') && body.endsWith(')');
  if (parenthesised) body = body.slice(1, -1).replace(CURRENCY, '').trim();
  const negative = body.startsWith('-');
  if (negative || body.startsWith('+')) body = body.slice(1).replace(CURRENCY, '').trim();
  const shape = (mark: MarkEvidence, value: number, groupedValue = value): AmountShape => ({
    mark,
    value,
    grouped: groupedValue,
    parenthesised,
    negative,
  });
  // "7." is 7, as Number() and plainDecimal read it.
  if (/^\d+\.$/.test(body)) return shape('.', Number(body));
  if (!AMOUNT_BODY.test(body) || !/\d/.test(body)) return null;
  const runs = body.split(SEPARATOR);
  const separators = body.replace(/\d+/g, '');
  if (separators === '') return shape(null, Number(body));
  const last = separators[separators.length - 1] as string;
  const before = separators.slice(0, -1);
  const whole = (end: number) => runs.slice(0, end).join('');
  if (last !== '.' && last !== ',') {
    // Spaces or apostrophes only: thousands of a whole amount.
    return [...separators].every((s) => s === last) && grouped(runs, runs.length)
      ? shape(null, Number(whole(runs.length)))
      : null;
  }
  const fraction = runs[runs.length - 1] as string;
  if (before === '') {
    const head = runs[0] as string;
    // "1,234" or "1.234": a decimal mark before three decimals, or a thousands separator, unless the
    // cell's currency says which its market writes (NT$1,234 is 1234, Rp 1.234 is 1234).
    if (fraction.length === 3 && head.length >= 1 && head.length <= 3 && head[0] !== '0') {
      const market = markOfCurrency(currencyOfAmount(text));
      if (market !== null)
        return shape(market, market === last ? Number(`${head}.${fraction}`) : Number(head + fraction));
      return shape('either', Number(`${head}.${fraction}`), Number(head + fraction));
    }
    return shape(last, Number(`${head || '0'}.${fraction}`));
  }
  const group = before[0] as string;
  if (![...before].every((s) => s === group)) return null;
  if (group === last) {
    // "1,234,567": the mark repeats, so it separates thousands, and the decimal mark is the other one.
    return grouped(runs, runs.length) ? shape(last === ',' ? '.' : ',', Number(whole(runs.length))) : null;
  }
  return grouped(runs, runs.length - 1) ? shape(last, Number(`${whole(runs.length - 1)}.${fraction}`)) : null;
}

/** What a money cell tells of its column's decimal mark (see MarkEvidence); undefined: not an amount. */
export function markEvidence(text: string): MarkEvidence | undefined {
  // Most cells are plain: digits alone say nothing; digits with a point and other than three decimals
  // can only be a decimal point.
  let point = -1;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 && point < 0) point = i;
    else if (code < 48 || code > 57) break;
  }
  if (i === text.length && i > 0) {
    if (point < 0) return null;
    if (text.length - point - 1 !== 3 && point > 0) return '.';
  }
  const shape = amountShape(text);
  return shape === null ? undefined : shape.mark;
}

/** Why a money cell is refused: the words after the quoted cell in a warning. */
export const MONEY_REFUSED = {
  unreadable: 'is not an amount of money; write it as digits with a decimal point, such as 1234.50',
  parenthesised:
    'is in parentheses, which accounting uses for a negative amount and other exports for nothing in particular; the row is refused. Write the amount without parentheses (a refund goes in the refund amount column or the --refunds file)',
  ambiguous: (shape: string, point: string, comma: string) =>
    `can be read as ${point} or as ${comma}, and no other amount in the column says whether "${shape}" is a decimal mark or a thousands separator; the row is refused. Export the amounts with their decimals (1234.00 or 1,234.00)`,
  disagrees: (mark: DecimalMark, example: string) =>
    `has a decimal ${mark === '.' ? 'comma' : 'point'}, but the column's amounts have a decimal ${mark === '.' ? 'point' : 'comma'} (such as "${example}"); the row is refused. Export the column with one number format`,
};

/**
 * A money cell read in its column: `mark` is the column's decimal mark (null when no amount in it says),
 * `example` a cell that shows it. A number, or why the cell is refused (MONEY_REFUSED's words).
 */
export function readMoney(
  text: string,
  mark: DecimalMark | null = '.',
  example = '',
  parenthesesNegative = false,
): number | string {
  const shape = amountShape(text);
  if (shape === null) return MONEY_REFUSED.unreadable;
  if (shape.parenthesised && !parenthesesNegative) return MONEY_REFUSED.parenthesised;
  let value = shape.value;
  if (shape.mark === 'either') {
    const separator = /[.,]/.exec(halfWidth(text))?.[0] as DecimalMark;
    if (mark === null) {
      const [point, comma] = separator === '.' ? [shape.value, shape.grouped] : [shape.grouped, shape.value];
      return MONEY_REFUSED.ambiguous(separator, String(point), String(comma));
    }
    if (separator !== mark) value = shape.grouped;
  } else if (shape.mark !== null && mark !== null && shape.mark !== mark) {
    return MONEY_REFUSED.disagrees(mark, example);
  }
  return shape.negative !== shape.parenthesised ? -value : value;
}

/**
 * ¥1,299.50, ￥80, $12.00, 80元, １２０．５０; 无退款申请 means 0. In a column whose decimal mark is a
 * point (the default) or a comma; null for what cannot be read there.
 */
export function parseMoney(text: string, mark: DecimalMark | null = '.'): number | null {
  const plain = mark === '.' ? plainDecimal(text) : null;
  if (plain !== null) return plain;
  const value = readMoney(text, mark);
  return typeof value === 'number' ? value : null;
}

/** A whole count of items; "2件" reads as 2. */
export function parseCount(text: string): number | null {
  // Most cells are a few plain digits: read them without the regular expressions.
  if (text.length > 0 && text.length <= 6) {
    const n = digits(text, 0, text.length);
    if (n >= 0) return n;
  }
  const cleaned = text.trim().replace(/[,\s]|件|个|pcs?/gi, '');
  if (!/^\d+(\.0+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** "45%", "45.5 %" or a fraction "0.455"; returns the fraction. */
export function parsePercent(text: string): number | null {
  const trimmed = text.trim();
  const percent = /^([-+]?\d+(?:\.\d+)?)\s*[%％]$/.exec(trimmed);
  if (percent) return Number(percent[1]) / 100;
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

/** "2分30秒", "7小时41分52秒", "00:02:30", "2:30", "150" (seconds); returns seconds. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const words =
    /^(?:(\d+(?:\.\d+)?)\s*(?:天|d))?\s*(?:(\d+(?:\.\d+)?)\s*(?:小时|时|h))?\s*(?:(\d+(?:\.\d+)?)\s*(?:分钟|分|m(?:in)?))?\s*(?:(\d+(?:\.\d+)?)\s*(?:秒|s))?$/i.exec(
      trimmed,
    );
  if (words && trimmed !== '' && words.slice(1).some((part) => part !== undefined)) {
    const [, d = 0, h = 0, m = 0, s = 0] = words.map((part) => Number(part ?? 0));
    return d * 86_400 + h * 3600 + m * 60 + s;
  }
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '√', '✓', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '', 'f', '×']);

export function parseFlag(text: string): boolean | null {
  if (text === 'false') return false;
  if (text === 'true') return true;
  const value = text.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return null;
}
