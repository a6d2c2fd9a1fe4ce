/** CJK and full-width characters: two columns in a terminal, about twice a digit's width in a cell. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

export function isWideChar(ch: string): boolean {
  return WIDE.test(ch);
}
