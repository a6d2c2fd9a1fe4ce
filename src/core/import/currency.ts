/** The mark between an amount's whole part and its fraction (values.ts's DecimalMark). */
type DecimalMark = '.' | ',';

/**
 * Currencies as order exports write them. A sign names a currency only where it names one alone: NT$ is
 * the new Taiwan dollar, RM the ringgit, ฿ the baht, Rp the rupiah; a bare $ (US, Taiwan, Singapore…),
 * ¥ (yuan or yen) and 元 (yuan or new Taiwan dollar) name none, so an amount written with them takes its
 * currency from a currency column or the export's market (docs/decisions.md, "Several currencies").
 */
const SIGNS: readonly (readonly [string, string])[] = [
  ['RMB', 'CNY'],
  ['NT$', 'TWD'],
  ['US$', 'USD'],
  ['US $', 'USD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['RM', 'MYR'],
  ['฿', 'THB'],
  ['Rp', 'IDR'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
  ['€', 'EUR'],
  ['£', 'GBP'],
];

/** The ISO 4217 codes an amount cell may carry besides its number (USD 12.00, 12.00 TWD). */
const CODES = ['CNY', 'USD', 'TWD', 'MYR', 'THB', 'IDR', 'SGD', 'PHP', 'VND', 'HKD', 'EUR', 'GBP'];

/**
 * The decimal mark each market writes: Taiwan, Malaysia, Thailand, Singapore, the Philippines, the US
 * and China a point (NT$1,234 is 1234), Indonesia and Vietnam a comma (Rp 1.234 is 1234). What a cell
 * whose separator could be either mark reads as, when its currency says; the euro is written both ways.
 */
const MARKS: Readonly<Record<string, DecimalMark>> = {
  TWD: '.',
  USD: '.',
  MYR: '.',
  THB: '.',
  SGD: '.',
  PHP: '.',
  HKD: '.',
  CNY: '.',
  GBP: '.',
  IDR: ',',
  VND: ',',
};

/** Every sign or code a money cell may hold around its number (values.ts strips them). */
export const CURRENCY_MARKS =
  /NT\$|US ?\$|HK\$|S\$|RMB|CNY|USD|TWD|MYR|THB|IDR|SGD|PHP|VND|HKD|EUR|GBP|RM|Rp|[¥￥$€£฿₱₫]|元/gi;

/** The currency an amount cell names by its sign or code (NT$1,234 → TWD); null when none or ambiguous. */
export function currencyOfAmount(text: string): string | null {
  // Nearly every cell is a bare number, in which no sign or code can be: said without upper-casing the
  // cell and searching it 25 times (a fifth of a Tmall export's import went there).
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 48 || code > 57) && code !== 46 && code !== 44 && code !== 45) break;
  }
  if (i === text.length) return null;
  const upper = text.toUpperCase();
  for (const [sign, code] of SIGNS) if (upper.includes(sign.toUpperCase())) return code;
  for (const code of CODES) if (upper.includes(code)) return code;
  return null;
}

/** A market's decimal mark, for a currency whose market writes one (MARKS). */
export function markOfCurrency(code: string | null): DecimalMark | null {
  return code === null ? null : (MARKS[code] ?? null);
}

/**
 * A currency cell as an ISO 4217 code: a three-letter code in any case (usd), or a sign that names a
 * currency alone (NT$, RM). null: not a currency this can read (a bare $ names none).
 */
export function readCurrency(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{3}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return code === 'RMB' ? 'CNY' : code;
  }
  const sign = SIGNS.find(([s]) => s.toUpperCase() === trimmed.toUpperCase());
  return sign ? sign[1] : null;
}
