import { DATE_TIME_FORMAT } from './numberFormats';

/** Days from 1899-12-30 (day 0 of Sheets serial dates) to 1970-01-01. */
const SERIAL_EPOCH_DAYS = 25_569;

const two = (n: number) => String(n).padStart(2, '0');

function grouped(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A cell's value as Sheets shows it under the number formats the add-on writes (numberFormats.ts):
 * 0, 0.0, 0.00, #,##0.00, 0.0%, the date-time format, and General. The preview shows tabs through it,
 * and column widths are measured on it. A format outside that list shows the value as General.
 */
export function displayText(value: unknown, format: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  if (format === DATE_TIME_FORMAT) {
    // A serial date-time is a wall-clock time: read it without any time zone.
    const t = new Date(Math.round((value - SERIAL_EPOCH_DAYS) * 86_400_000));
    return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
  }
  const digits = /^(#,##)?0(?:\.(0+))?(%)?$/.exec(format ?? '');
  if (!digits) return String(Number(value.toPrecision(10)));
  const [, thousands, decimals = '', percent] = digits;
  const shown = (percent ? value * 100 : value).toFixed(decimals.length);
  const [whole = '', fraction] = shown.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const body = thousands ? grouped(whole.replace('-', '')) : whole.replace('-', '');
  return `${sign}${body}${fraction === undefined ? '' : `.${fraction}`}${percent ? '%' : ''}`;
}
