// A chat export too large for one JavaScript text is read in pieces of whole records: the pieces joined
// by the line ending are the file, and the import reads them as it reads the whole text, warnings and
// row numbers included.
import { describe, expect, it } from 'vitest';
import { importTable } from '../core/import/importer';
import { pieceRanges, textInPieces } from './pieces';

const encode = (text: string) => new TextEncoder().encode(text);

/** A chat export with a title row, a quoted line break, rows cut short and an unreadable time. */
function chatExport(newline: string, rows = 400) {
  const lines = ['千牛聊天记录导出', 'time,agent,customer,from,text'];
  for (let i = 0; i < rows; i++) {
    const time = `2024-03-01 ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
    const from = i % 2 ? 'agent' : 'customer';
    if (i === 37) lines.push(`${time},小美`);
    else if (i === 120) lines.push(`昨天,小美,c${i % 7},${from},你好`);
    else if (i % 50 === 3) lines.push(`${time},小美,c${i % 7},${from},"亲,${newline}在的 ""好"""`);
    else lines.push(`${time},小美,c${i % 7},${from},消息${i}`);
  }
  return `${lines.join(newline)}${newline}`;
}

const read = (text: string, more?: Iterable<string>) =>
  importTable({
    file: 'chats.csv',
    text,
    ...(more ? { more } : {}),
    kind: 'chats',
    timeZone: 'Asia/Shanghai',
    now: Date.UTC(2025, 0, 1),
  });

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

  it('leaves a small file whole, and one whose quoting cannot be followed', () => {
    expect(pieceRanges(encode(chatExport('\n')), ',', 2, 10 ** 6)).toBeNull();
    const unclosed = encode(
      `${chatExport('\n', 20)}2024-03-01 12:00:00,小美,c1,agent,"never closed\n${'x,'.repeat(2000)}\n`,
    );
    expect(pieceRanges(unclosed, ',', 2, 600)).toBeNull();
  });
});
