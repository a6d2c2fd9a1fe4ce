// The DuckDB engine reads a chat export from disk a piece at a time, each thread its own part: the
// messages, warnings and row numbers are those of the whole file read as one text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPiecedChats, piecedChats } from '../../test/helpers/piecedChats';
import type { Message } from '../core/engine/model';
import { decodeBytes } from '../core/import/decode';
import { type DiskPiece, diskText, planDiskPieces } from './diskPieces';

const BOM = '\ufeff';
const PIECE = 2000;

/** The pieces' export with a BOM, a quoted field of 80 lines and a refused row late in the file. */
const chatExport = (newline: string) => `${BOM}${piecedChats(newline, 600, true)}`;

function fileOf(text: string | Uint8Array) {
  const path = join(mkdtempSync(join(tmpdir(), 'cs-kpi-disk-')), 'chats.csv');
  writeFileSync(path, text);
  return path;
}

/** The importer as the command reads a chat export, every message kept in `messages`. */
function read(text: string, more?: Iterable<string>, continues = false) {
  const messages: Message[] = [];
  const result = importPiecedChats(text, more, {
    delimiter: ',',
    ...(continues ? { continues: true } : {}),
    onMessage: (m) => messages.push(m),
  });
  return { messages, warnings: result.warnings, rows: result.rows, header: result.header };
}

const table = { delimiter: ',', headerRow: 2 };

describe('planDiskPieces and diskText', () => {
  for (const [name, newline] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`reads a ${name} export with a BOM in pieces from disk as in one text`, () => {
      const text = chatExport(newline);
      const path = fileOf(text);
      const whole = read(decodeBytes(new TextEncoder().encode(text), 'chats.csv').text);
      expect(whole.warnings.map((w) => w.row)).toEqual([40, 123, 503]);
      // Pieces of a size that would end the first inside the long quoted field (its line breaks are
      // no record's end): it ends after the field instead.
      const bytes = new TextEncoder().encode(text);
      const from = Buffer.from(bytes).indexOf('"长');
      const to = Buffer.from(bytes).indexOf('完"');
      const plan = planDiskPieces(path, table, null, Math.floor((from + to) / 2));
      expect(plan?.split).toBeNull();
      const pieces = plan?.pieces ?? [];
      expect(pieces.length).toBeGreaterThan(10);
      const firstPiece = new TextDecoder().decode(bytes.subarray(0, (pieces[0] as DiskPiece).end));
      expect(firstPiece.endsWith('完"')).toBe(true);
      // Every piece starts a record; joined by the line ending, they are the file.
      const decoded = pieces.map((p) => new TextDecoder().decode(bytes.subarray(p.start, p.end)));
      for (const piece of decoded.slice(1)) expect(piece).toMatch(/^(2024-|昨天)/);
      expect(`${BOM}${decoded.join(newline)}`).toBe(text);
      const { text: first, more } = diskText(path, pieces);
      expect(read(first, more)).toEqual(whole);
    });

    it(`reads a ${name} export in two parts from disk, the second with the header's bytes, as in one text`, () => {
      const text = chatExport(newline);
      const path = fileOf(text);
      const whole = read(decodeBytes(new TextEncoder().encode(text), 'chats.csv').text);
      const plan = planDiskPieces(path, table, 0.4, PIECE);
      const split = plan?.split;
      if (!plan || !split) throw new Error('no cut');
      expect(split.index).toBeGreaterThan(1);
      expect(plan.pieces.length - split.index).toBeGreaterThan(1);
      // This thread's part: the pieces before the cut, the last with its line ending.
      const own = plan.pieces.slice(0, split.index);
      own[own.length - 1] = {
        start: (own.at(-1) as DiskPiece).start,
        end: (plan.pieces[split.index] as DiskPiece).start,
      };
      const mine = diskText(path, own);
      const first = read(mine.text, mine.more, true);
      // The worker's: the header's bytes, then the pieces after the cut.
      const theirs = diskText(path, plan.pieces.slice(split.index), { start: 0, end: plan.headerEnd });
      const second = read(theirs.text, theirs.more);
      expect(second.header).toEqual(whole.header);
      const shift = split.rowsBeforeCut - table.headerRow;
      // Rows numbered in the part, as the worker numbers them: the command shifts them as here.
      expect([
        ...first.messages,
        ...second.messages.map((m) => ({ ...m, row: (m.row as number) + shift })),
      ]).toEqual(whole.messages);
      expect([...first.warnings, ...second.warnings.map((w) => ({ ...w, row: w.row + shift }))]).toEqual(
        whole.warnings,
      );
      // The refused row late in the file is in the second part.
      expect(second.warnings.map((w) => w.row + shift)).toContain(503);
      expect(first.rows + second.rows).toBe(whole.rows);
    });
  }

  it('gives no plan for a file that is not UTF-8, mixes line endings or has quoting it cannot follow', () => {
    const text = chatExport('\n');
    const gbk = new Uint8Array([...new TextEncoder().encode(text), 0xc4, 0xe3, 0x0a]);
    expect(planDiskPieces(fileOf(gbk), table, null, PIECE)).toBeNull();
    const mixed = `${text.slice(0, 9000)}${text.slice(9000).replaceAll('\n', '\r\n')}`;
    expect(planDiskPieces(fileOf(mixed), table, null, PIECE)).toBeNull();
    const unclosed = `${text}2024-03-01 12:00:00,小美,c1,agent,"never closed\n${'x,'.repeat(3000)}\n${text}`;
    expect(planDiskPieces(fileOf(unclosed), table, null, PIECE)).toBeNull();
    // A small file is one piece.
    expect(planDiskPieces(fileOf(text), table, null, 10 ** 6)?.pieces).toEqual([
      { start: 0, end: new TextEncoder().encode(text).length },
    ]);
  });
});
