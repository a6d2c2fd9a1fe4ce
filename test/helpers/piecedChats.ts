import { type ImportRequest, importTable } from '../../src/core/import/importer';

/** The importer reading such an export (its pieces after the first in `more`), as the tests of pieces do. */
export function importPiecedChats(
  text: string,
  more?: Iterable<string>,
  options: Partial<ImportRequest> = {},
) {
  return importTable({
    file: 'chats.csv',
    text,
    ...(more ? { more } : {}),
    timeZone: 'Asia/Shanghai',
    now: Date.UTC(2025, 0, 1),
    ...options,
    kind: 'chats',
  });
}

/**
 * A chat export for reading in pieces: a title row, quoted line breaks, a row cut short (row 40) and
 * an unreadable time (row 123); `withLate` adds a quoted field of 80 lines (row 27) and a second
 * unreadable time late in the file (row 503).
 */
export function piecedChats(newline: string, rows = 400, withLate = false) {
  const lines = ['千牛聊天记录导出', 'time,agent,customer,from,text'];
  for (let i = 0; i < rows; i++) {
    const time = `2024-03-01 ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
    const from = i % 2 ? 'agent' : 'customer';
    if (i === 37) lines.push(`${time},小美`);
    else if (i === 120 || (withLate && i === 500)) lines.push(`昨天,小美,c${i % 7},${from},你好`);
    else if (withLate && i === 24)
      lines.push(`${time},小美,c1,${from},"长${`第一行${newline}`.repeat(80)}完"`);
    else if (i % 50 === 3) lines.push(`${time},小美,c${i % 7},${from},"亲,${newline}在的 ""好"""`);
    else lines.push(`${time},小美,c${i % 7},${from},消息${i}`);
  }
  return `${lines.join(newline)}${newline}`;
}
