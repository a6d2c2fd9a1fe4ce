/**
 * The time zone of each market (ISO 3166 country) that keeps one: an export whose dialect names its
 * market (dialects.ts) and that is given no zone of its own is read in it. Countries spanning several
 * zones (the United States, Indonesia, Brazil, Mexico, Australia…) have none: their files take --tz
 * or FILE@ZONE.
 */
const MARKET_ZONES: Readonly<Record<string, string>> = {
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  TW: 'Asia/Taipei',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
  MY: 'Asia/Kuala_Lumpur',
  SG: 'Asia/Singapore',
  PH: 'Asia/Manila',
  GB: 'Europe/London',
};

/** The zone of a market that has one, or null. */
export function marketZone(country: string): string | null {
  return MARKET_ZONES[country.toUpperCase()] ?? null;
}
