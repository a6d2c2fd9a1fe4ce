// The DuckDB engine reads a chat export from disk a piece at a time, each thread its own part: the
// messages, warnings and row numbers are those of the whole file read as one text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../core/engine/model';
import { decodeBytes } from '../core/import/decode';
import { importTable } from '../core/import/importer';
import { type DiskPiece, diskText, planDiskPieces } from './diskPieces';

const BOM = '\ufeff';
const PIECE = 2000;

/**
 * A chat export with a BOM, a title row, quoted line breaks (one long, across where the first piece
 * would end), a row cut short and unreadable times early and late (the late one in the second part).
 */
function chatExport(newline: string, rows = 600) {
  const lines = ['千牛聊天记录导出', 'time,agent,customer,from,text'];
  for (let i = 0; i < rows; i++) {
    const time = `2024-03-01 ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
    const from = i % 2 ? 'agent' : 'customer';
    if (i === 37) lines.push(`${time},小美`);
    else if (i === 30 || i === 500) lines.push(`昨天,小美,c${i % 7},${from},你好`);
    else if (i === 24) lines.push(`${time},小美,c1,${from},"长${`第一行${newline}`.repeat(80)}完"`);
    else if (i % 50 === 3) lines.push(`${time},小美,c${i % 7},${from},"亲,${newline}在的 ""好"""`);
    else lines.push(`${time},小美,c${i % 7},${from},消息${i}`);
  }
  return `${BOM}${lines.join(newline)}${newline}`;
}

function fileOf(text: string | Uint8Array) {
  const path = join(mkdtempSync(join(tmpdir(), 'cs-kpi-disk-')), 'chats.csv');
  writeFileSync(path, text);
  return path;
}

/** The importer as the command reads a chat export, every message kept in `messages`. */
function read(text: string, more?: Iterable<string>, continues = false) {
  const messages: Message[] = [];
  const result = importTable({
    file: 'chats.csv',
    text,
    ...(more ? { more } : {}),
    kind: 'chats',
    timeZone: 'Asia/Shanghai',
    now: Date.UTC(2025, 0, 1),
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
      expect(whole.warnings.map((w) => w.row)).toEqual([33, 40, 503]);
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
