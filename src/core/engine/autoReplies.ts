import { lazy } from '../lib/lazy';
import { hashText, type MessageColumns } from './messageColumns';

/**
 * Auto replies that nothing marks (no flag column in the export, no prefix or keyword in the settings)
 * count as a person's replies, and 30秒应答率, 首次响应时间 and 平均响应时间 then look better than the
 * agents' work. A text that answers many customers within a second of their message is taken for one:
 * nobody types that fast, and a person's quick phrases do not go out the instant a message arrives.
 * The figures are not changed on this guess; each front end says so, and the user marks the replies.
 */

/** A reply this soon after the customer's message is faster than a person (times are to the second). */
export const INSTANT_REPLY_MS = 1000;
/** How many consultations must get one text that soon before it is taken for an auto reply. */
export const SAME_TEXT_CONSULTATIONS = 10;

/** A text's two 32-bit hashes as one number: 32 bits of one and 21 of the other fit a double exactly. */
function textKey(hashes: Int32Array, message: number): number {
  return (hashes[2 * message] as number) * 2 ** 21 + ((hashes[2 * message + 1] as number) & 0x1f_ffff);
}

// Rows without a text (no text column mapped) are all "the same text": they tell nothing.
const emptyTextKey = lazy(() => {
  const hashes = new Int32Array(2);
  hashText('', hashes, 0);
  return textKey(hashes, 0);
});

/**
 * How many consultations got a reply counted as a person's within INSTANT_REPLY_MS of the customer's
 * message (Consultation.instantReplies), with a text that at least SAME_TEXT_CONSULTATIONS
 * consultations got so.
 */
export function suspectedAutoReplies(
  // Only what the consultations found (consultations.ts reads the thresholds from here).
  consultations: readonly { readonly instantReplies: readonly number[] | null }[],
  columns: Pick<MessageColumns, 'textHash'>,
): number {
  const empty = emptyTextKey();
  // Each consultation's instant texts, once each; then how many consultations got each text.
  const textsOf: Set<number>[] = [];
  for (const c of consultations) {
    if (c.instantReplies === null) continue;
    const texts = new Set(c.instantReplies.map((i) => textKey(columns.textHash, i)));
    texts.delete(empty);
    textsOf.push(texts);
  }
  const consultationsByText = new Map<number, number>();
  for (const texts of textsOf)
    for (const key of texts) consultationsByText.set(key, (consultationsByText.get(key) ?? 0) + 1);
  const common = (key: number) => (consultationsByText.get(key) as number) >= SAME_TEXT_CONSULTATIONS;
  return textsOf.filter((texts) => [...texts].some(common)).length;
}
