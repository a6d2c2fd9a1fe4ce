import { localMs } from '../time/zone';

/**
 * Sheets, like Excel, keeps 15 significant digits of a number: a number of 16 or more digits read from
 * a cell (an order ID pasted into a General column) is at best exact by chance.
 */
const FIFTEEN_DIGITS = 1e15;

/** A number String() writes as one to three digits, a point and three decimals: "1.234". */
const THREE_DECIMALS = /^-?[1-9]\d{0,2}\.\d{3}$/;

/** Sheets' day 0: a cell holding a time of day alone reads as this date. */
const DAY_ZERO = '1899-12-30';

/**
 * A spreadsheet cell's value as the text an export had, for the importer: the same for a tab the user
 * pasted an export into (the sidebar's readTab) and for a range given to CS_INDICATORS.
 *
 * - A Date becomes its wall-clock time in `zone`, the zone Sheets made it in ("2024-03-01 10:00:00",
 *   or "10:00:00" for a time of day alone): what the cell shows, read then in the import's time zone
 *   like any time an export writes.
 * - A number of 16 or more digits becomes scientific notation with the 15 digits Sheets kept
 *   ("3.00000000000000E+18"): the importer refuses it as an ID, since a spreadsheet rounded it.
 * - A number shown as a percentage (`format` with %) is written as shown: 0.1 is "10%".
 * - A number such as 1.234 is written "1.2340", so that no amount column takes its point for a
 *   thousands separator (values.ts refuses "1.234" where nothing else in the column says which).
 */
export function cellText(value: unknown, zone: string, format = ''): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return wallClock(value as Date, zone);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Math.abs(value) >= FIFTEEN_DIGITS) return value.toExponential(14).toUpperCase();
    if (format.includes('%')) return `${Number((value * 100).toPrecision(15))}%`;
    const text = String(value);
    // 1.234 would read as a thousands separator in a column of whole amounts (values.ts): a number
    // has a decimal point, so it is written with a fourth decimal, which only a point can be.
    return THREE_DECIMALS.test(text) ? `${text}0` : text;
  }
  return String(value);
}

function wallClock(date: Date, zone: string): string {
  const iso = new Date(localMs(zone, date.getTime())).toISOString();
  const millis = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23);
  const time = `${iso.slice(11, 19)}${millis}`;
  return iso.startsWith(DAY_ZERO) ? time : `${iso.slice(0, 10)} ${time}`;
}
