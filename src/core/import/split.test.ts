import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findRecordCut } from './split';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const rowsOf = (text: string) => Papa.parse<string[]>(text, { delimiter: ',' }).data;

/** A field as a CSV writer quotes it: only when it holds a quote, a comma or a line break. */
const quoted = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

describe('cutting an export in two at a record boundary', () => {
  it('cuts where reading the two parts gives the very rows of reading the whole, whatever the quoting', () => {
    const field = fc.oneof(
      fc.constantFrom('小美', '1,5', 'say "hi"', 'line\nbreak', 'crlf\r\nin text', '', '5" screen'),
      fc.string({ maxLength: 8 }),
    );
    const row = fc.array(field, { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (rows, newline, share) => {
          // A field that starts unquoted may hold a quote (5" screen); one that starts with a quote is quoted.
          const line = (cells: string[]) =>
            cells.map((c) => (c.startsWith('"') || /[,\r\n]/.test(c) ? quoted(c) : c)).join(',');
          const text = `time,agent,text${newline}${rows.map(line).join(newline)}${newline}`;
          const bytes = bytesOf(text);
          const cut = findRecordCut(bytes, ',', 1, share);
          if (cut === null) return;
          const first = rowsOf(textOf(bytes.subarray(0, cut.cut)));
          const second = rowsOf(textOf(bytes.subarray(0, cut.headerEnd)) + textOf(bytes.subarray(cut.cut)));
          expect(first.at(-1)).toEqual(['']);
          expect(first.length - 1).toBe(cut.rowsBeforeCut);
          expect([...first.slice(0, -1), ...second.slice(1)]).toEqual(rowsOf(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves title rows above the header in the header part', () => {
    const text = '淘宝聊天记录\n2024-03-01 至 2024-03-31\ntime,agent\n1,a\n2,b\n3,c\n4,d\n';
    const cut = findRecordCut(bytesOf(text), ',', 3, 0.5);
    expect(cut && textOf(bytesOf(text).subarray(0, cut.headerEnd))).toBe(
      '淘宝聊天记录\n2024-03-01 至 2024-03-31\ntime,agent\n',
    );
    expect(cut && textOf(bytesOf(text).subarray(cut.cut))).toBe('3,c\n4,d\n');
    expect(cut?.rowsBeforeCut).toBe(5);
  });

  it('checks line endings only as far past the cut as Papa Parse looks, and the parts still read as the whole', () => {
    // 6 MB: LF rows, then CRLF rows from 5.5 MB on, past the cut's look-ahead. Papa Parse takes LF
    // from the start of the file and of the second part alike, so the CRs stay in the text either way.
    const row = (i: number) => `2024-03-01 10:00:00,小美,"第${i}条, 在吗"`;
    const lf: string[] = [];
    let size = 0;
    for (let i = 0; size < 5.5 * 2 ** 20; i++) {
      lf.push(row(i));
      size += bytesOf(row(i)).length + 1;
    }
    const crlf = Array.from({ length: 2000 }, (_, i) => row(i));
    const text = `time,agent,text\n${lf.join('\n')}\n${crlf.join('\r\n')}\r\n`;
    const bytes = bytesOf(text);
    const cut = findRecordCut(bytes, ',', 1, 0.1);
    expect(cut).not.toBeNull();
    if (!cut) return;
    const first = rowsOf(textOf(bytes.subarray(0, cut.cut)));
    const second = rowsOf(textOf(bytes.subarray(0, cut.headerEnd)) + textOf(bytes.subarray(cut.cut)));
    expect([...first.slice(0, -1), ...second.slice(1)]).toEqual(rowsOf(text));
  });

  it('does not cut a file whose line endings or quoting it cannot follow for sure', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},a`);
    expect(findRecordCut(bytesOf(`t,a\r${rows.join('\r')}\r`), ',', 1, 0.5)).toBeNull();
    expect(findRecordCut(bytesOf(`t,a\n${rows.join('\n')}\r\n1,b\n`), ',', 1, 0.5)).toBeNull();
    expect(findRecordCut(bytesOf(`t,a\n"1"x,a\n${rows.join('\n')}\n`), ',', 1, 0.5)).toBeNull();
    expect(findRecordCut(bytesOf(`t,a\n"never closed,a\n${rows.join('\n')}\n`), ',', 1, 0.5)).toBeNull();
  });
});
