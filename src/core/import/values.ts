import { digits } from '../lib/digits';

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
 * division of two exact numbers, so it is the correctly rounded value of the decimal. null: not plain.
 */
function plainDecimal(text: string): number | null {
  const negative = text.charCodeAt(0) === 45;
  let n = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (decimals >= 0) return null;
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

/** ¥1,299.50, ￥80, $12.00, 80元, (12.00) for a negative amount; 无退款申请 means 0. */
export function parseMoney(text: string): number | null {
  const plain = plainDecimal(text);
  if (plain !== null) return plain;
  const trimmed = text.trim();
  if (NO_AMOUNT.has(trimmed.toLowerCase())) return 0;
  const negative = /^\(.*\)$/.test(trimmed);
  const cleaned = trimmed.replace(/^\((.*)\)$/, '$1').replace(/[¥￥$€£,\s]|元|RMB|CNY|USD/gi, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return negative ? -value : value;
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
