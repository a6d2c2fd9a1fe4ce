// A chat export too large for one JavaScript text is read in pieces of whole records: the pieces joined
// by the line ending are the file, and the import reads them as it reads the whole text, warnings and
// row numbers included.
import { describe, expect, it } from 'vitest';
import { importPiecedChats, piecedChats } from '../../test/helpers/piecedChats';
import { pieceRanges, textInPieces } from './pieces';

const encode = (text: string) => new TextEncoder().encode(text);

const chatExport = (newline: string, rows?: number) => piecedChats(newline, rows);

const read = (text: string, more?: Iterable<string>) => importPiecedChats(text, more);

describe('pieceRanges', () => {
  for (const [name, newline] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`cuts a ${name} export into runs of whole records that join back into it`, () => {
      const text = chatExport(newline);
      const bytes = encode(text);
      const ranges = pieceRanges(bytes, ',', 2, 1000);
      expect(ranges?.length).toBeGreaterThan(10);
      const pieces = (ranges ?? []).map((r) => new TextDecoder().decode(bytes.subarray(r.start, r.end)));
      expect(pieces.join(newline)).toBe(text);
      // Every piece after the first starts a record: none inside the quoted line breaks.
      for (const piece of pieces.slice(1)) expect(piece).toMatch(/^(2024-|昨天)/);
    });

    it(`reads a ${name} export in pieces as in one text: records, warnings and their rows`, () => {
      const text = chatExport(newline);
      const bytes = encode(text);
      const ranges = pieceRanges(bytes, ',', 2, 1000) ?? [];
      const whole = read(text);
      const { text: first, more } = textInPieces(bytes, ranges);
      const inPieces = read(first, more);
      expect(whole.warnings.map((w) => w.row)).toEqual([40, 123]);
      expect(inPieces).toEqual(whole);
    });
  }

  it("keeps a U+FEFF that starts a later piece's first record, as the whole text does", () => {
    // Only the file's own first bytes can be its byte-order mark; one inside is a character of a cell.
    const text = `\uFEFF${chatExport('\n')}`;
    const bytes = encode(text);
    const ranges = pieceRanges(bytes, ',', 2, 1000) ?? [];
    const later = (ranges[3] as { start: number }).start;
    const marked = new Uint8Array([...bytes.subarray(0, later), 0xef, 0xbb, 0xbf, ...bytes.subarray(later)]);
    const markedRanges = pieceRanges(marked, ',', 2, 1000) ?? [];
    expect(markedRanges.map((r) => r.start)).toContain(later);
    const { text: first, more } = textInPieces(marked, markedRanges);
    const pieces = [first, ...more];
    expect(pieces.join('\n')).toBe(new TextDecoder().decode(marked));
    expect(pieces.some((piece) => piece.startsWith('\uFEFF'))).toBe(true);
  });

  it('leaves a small file whole, and one whose quoting cannot be followed', () => {
    expect(pieceRanges(encode(chatExport('\n')), ',', 2, 10 ** 6)).toBeNull();
    const unclosed = encode(
      `${chatExport('\n', 20)}2024-03-01 12:00:00,小美,c1,agent,"never closed\n${'x,'.repeat(2000)}\n`,
    );
    expect(pieceRanges(unclosed, ',', 2, 600)).toBeNull();
  });
});
