// DuckDB reading a chat export itself (src/cli/sql/nativeCsv.ts) against the importer reading it and
// the appender taking its rows: the same canonical table to the byte (Parquet), or the file left to the
// importer, never other rows.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSyntheticMonth } from '../../scripts/synthetic.mjs';
import { DuckdbEngine } from '../../src/cli/sql/engine';
import { resolveSettings, type Settings } from '../../src/core/engine/settings';
import { decodeBytes } from '../../src/core/import/decode';
import { importTable } from '../../src/core/import/importer';
import { EXAMPLE_CHATS } from '../examples';
import { cli } from '../helpers/cli';
import { publicDataFile, TWITTER_CONVERSATION_ARGS } from '../publicData';
import { withNoResponseColumn } from './noResponse';

const NATIVE = "with DuckDB's CSV reader";
const FALLBACK = /for DuckDB's CSV reader \(the importer reads it: ([^)]*)\)/;

/** The canonical messages table of `cs-kpi export` (Parquet bytes), and how the timings say it was read. */
function exported(chatArgs: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const out = mkdtempSync(join(tmpdir(), 'cs-kpi-native-'));
  const done = cli(['export', '--format', 'parquet', '--out', out, '--timings', ...chatArgs], env);
  expect(done.status, done.stderr).toBe(0);
  return { parquet: readFileSync(join(out, 'messages.parquet')), stderr: done.stderr };
}

describe('DuckDB reading a chat export itself', () => {
  it('gives the canonical table and the report of the importer for every chat fixture, or leaves the file to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-native-'));
    const month = await writeSyntheticMonth(dir, { messages: 30_000, orders: 10, seed: 7 });
    const taobao = await writeSyntheticMonth(dir, { messages: 3_000, orders: 10, seed: 8, layout: 'taobao' });
    const fixtures: { args: string[]; native: boolean | RegExp }[] = [
      { args: ['--chats', EXAMPLE_CHATS], native: true },
      { args: ['--chats', 'test/fixtures/chats-invite-offline.csv'], native: true },
      // A column of buyer messages that need no response (the platform's rate leaves them out).
      {
        args: [
          '--chats',
          withNoResponseColumn(EXAMPLE_CHATS, '无需回复', (c) => c[4] === '买家', ['是', '否']),
        ],
        native: true,
      },
      { args: ['--chats', month.chats], native: true },
      { args: ['--chats', taobao.chats], native: true },
      // Two files: the second's rows numbered after the first's.
      { args: ['--chats', EXAMPLE_CHATS, '--chats', month.chats], native: true },
      { args: TWITTER_CONVERSATION_ARGS, native: /a time is not written/ },
      { args: ['--chats', publicDataFile('twcs_sample.csv')], native: /note/ },
      {
        args: ['--chats', 'examples/crossborder/zendesk-tickets.csv', '--tz', 'Asia/Taipei'],
        native: /a time is not written/,
      },
      { args: ['--chats', EXAMPLE_CHATS, '--pseudonymize', 'k'], native: /--pseudonymize/ },
    ];
    for (const { args, native } of fixtures) {
      const itself = exported(args);
      const imported = exported(args, { CS_KPI_DUCKDB_CSV: 'off' });
      expect(itself.parquet.equals(imported.parquet), args.join(' ')).toBe(true);
      // Which way each file was read: a fast path never taken would fail here.
      const files = args.filter((_, i) => args[i - 1] === '--chats').map((path) => basename(path));
      for (const file of files) {
        if (native === true) expect(itself.stderr).toContain(`read ${file} ${NATIVE}`);
        else expect(itself.stderr.match(FALLBACK)?.[1], itself.stderr).toMatch(native as RegExp);
      }
      expect(imported.stderr).not.toContain(NATIVE);
      // The report of --engine duckdb (read by DuckDB) is the JS engine's, warnings and notes included.
      const report = ['report', ...args, '--format', 'json'];
      const js = cli([...report, '--engine', 'js']);
      const duckdb = cli([...report, '--engine', 'duckdb']);
      expect(duckdb.stdout).toBe(js.stdout);
      expect(duckdb.stderr).toBe(js.stderr);
    }
  }, 600_000);
});

const HEADERS = {
  time: ['time', '发送时间'],
  agent: ['agent', '客服账号'],
  customer: ['customer', '买家昵称'],
  from: ['from', '发送方'],
  text: ['text', '消息内容'],
  session: ['session', '会话ID'],
  auto: ['auto', '是否自动回复'],
  transfer: ['transfer', '转接'],
  message_id: ['message id'],
  invite: ['邀评'],
  offline: ['留言'],
  no_response: ['no response needed', '无需回复'],
  shop: ['shop'],
  note: ['备注'],
} as const;
type Column = keyof typeof HEADERS;

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const CELLS: Record<Column, fc.Arbitrary<string>> = {
  time: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 3 * 86_400 - 1 }).map(wallClock('2024-03-09')) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 86_400 - 1 }).map(wallClock('2024-11-03')) },
    pick(
      '2024-03-01 10:00',
      '2024/03/01 10:00:00',
      '2024-03-01T10:00:00',
      ' 2024-03-01 10:00:00',
      '2024-02-30 10:00:00',
      '2024-03-01 24:00:00',
      '2099-01-01 00:00:00',
      '03/01/2024 10:00:00',
      '',
    ),
  ),
  agent: fc.oneof(
    { weight: 8, arbitrary: pick('小美', '旗舰店:小王', 'Ann') },
    pick(' 小美', '小美\u3000', '', '=x'),
  ),
  customer: fc.oneof(
    { weight: 8, arbitrary: pick('buyer1', 'buyer2', '买家😀', '12345') },
    pick('="123"', "'123", '1.2E+18', ' buyer1 ', '', 'total'),
  ),
  from: fc.oneof(
    { weight: 8, arbitrary: pick('customer', 'agent', '买家', '客服') },
    pick('Customer', 'AGENT', ' system', '', 'bogus'),
  ),
  text: fc.oneof(
    { weight: 6, arbitrary: pick('在吗', '亲，在的', '', 'hello, "world"', '第一行\n第二行', '😀👍') },
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    pick(' 前后有空格 ', '\u3000全角\u3000', 'a\r\nb', 'x\u2028y', '合计'),
  ),
  session: fc.oneof({ weight: 6, arbitrary: pick('s1', 's2', '', '100') }, pick('="7"', ' s1')),
  auto: fc.oneof(
    { weight: 8, arbitrary: pick('true', 'false', '是', '否') },
    pick('TRUE', ' yes', '', 'maybe'),
  ),
  transfer: fc.oneof({ weight: 8, arbitrary: pick('', 'out', '转入') }, pick('OUT', ' in', 'x')),
  message_id: fc.oneof({ weight: 6, arbitrary: pick('', 'm1', 'm2', 'm3') }, pick('1.5e+20', '="9"')),
  invite: pick('true', 'false', '是', '否', ''),
  offline: pick('false', 'true'),
  no_response: pick('false', 'true', '是', '否', ''),
  shop: pick('', '旗舰店', 'B店', '旗舰店 '),
  note: pick('', 'x', '"', ',', '合计'),
};

/** A second of a local day as YYYY-MM-DD HH:MM:SS (days after `from` as the seconds run over). */
function wallClock(from: string) {
  return (second: number) => {
    const at = new Date(Date.parse(`${from}T00:00:00Z`) + second * 1000);
    return at.toISOString().slice(0, 19).replace('T', ' ');
  };
}

/** How a file is written: quoting, line ending, a BOM, and the odd line no exporter should write. */
const FORMS = fc.record({
  quoteAll: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  flaw: fc.oneof(
    { weight: 8, arbitrary: fc.constant('none') },
    pick('space before quote', 'trailing delimiter', 'unterminated', 'blank line', 'short row', 'lone CR'),
  ),
});

const FILES = fc
  .record({
    optional: fc.subarray([
      'text',
      'session',
      'auto',
      'transfer',
      'message_id',
      'invite',
      'offline',
      'no_response',
      'shop',
      'note',
    ] as Column[]),
    chinese: fc.boolean(),
    order: fc.integer({ min: 0, max: 5 }),
    rows: fc.integer({ min: 0, max: 25 }),
    seed: fc.integer(),
    form: FORMS,
    clean: fc.boolean(),
  })
  .chain(({ optional, chinese, order, rows, form, clean }) => {
    const columns = [...(['time', 'agent', 'customer', 'from'] as Column[]), ...optional];
    // Rotate the columns so that time is not always first.
    const rotated = [...columns.slice(order % columns.length), ...columns.slice(0, order % columns.length)];
    const cell = (column: Column) =>
      clean ? (CELLS[column] as fc.Arbitrary<string>).filter((v) => plainCell(column, v)) : CELLS[column];
    return fc
      .array(fc.tuple(...rotated.map(cell)), { minLength: rows, maxLength: rows })
      .map((data) => ({ columns: rotated, chinese, data, form }));
  });

/** Cells an ordinary export writes, so that about half the files are ones DuckDB can read itself. */
function plainCell(column: Column, value: string): boolean {
  if (column === 'time') return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) && value < '2024-12';
  if (column === 'text' || column === 'note') return true;
  if (
    column === 'invite' ||
    column === 'offline' ||
    column === 'no_response' ||
    column === 'shop' ||
    column === 'transfer'
  )
    return !/^\s|\s$/.test(value) && value !== 'x';
  return value !== '' && !/^[\s=']|\s$|E\+|e\+|^total$|^bogus$|^maybe$/.test(value);
}

type File = typeof FILES extends fc.Arbitrary<infer T> ? T : never;

function csvText({ columns, chinese, data, form }: File): string {
  const newline = form.crlf ? '\r\n' : '\n';
  const quote = (cell: string) =>
    form.quoteAll || /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  const header = columns.map((c) => HEADERS[c][chinese ? HEADERS[c].length - 1 : 0] as string);
  const lines = [header.map(quote).join(','), ...data.map((row) => row.map(quote).join(','))];
  const at = Math.min(lines.length - 1, 1 + (data.length >> 1));
  if (data.length > 0) {
    const line = lines[at] as string;
    if (form.flaw === 'space before quote') lines[at] = line.replace(',', ', "x"');
    if (form.flaw === 'trailing delimiter') lines[at] = `${line},`;
    if (form.flaw === 'unterminated') lines.push('"never closed');
    if (form.flaw === 'blank line') lines.splice(at, 0, '');
    if (form.flaw === 'short row') lines[at] = line.slice(0, line.lastIndexOf(','));
    if (form.flaw === 'lone CR') lines[at] = `${line}\r`;
  }
  return `${form.bom ? '\ufeff' : ''}${lines.join(newline)}${newline}`;
}

/** The file read both ways into engines of `settings`: the Parquet of each, and what each said. */
async function bothWays(path: string, settings: Settings) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-native-'));
  const request = { path, timeZone: settings.timeZone, overrides: {}, marketZones: true };
  const native = await DuckdbEngine.open(settings, { threads: 1 });
  const importer = await DuckdbEngine.open(settings, { threads: 1 });
  try {
    const read = await native.readChatCsv(request);
    const [{ n }] = (await native.run('SELECT count(*) AS n FROM messages')) as [{ n: number }];
    if ('fallback' in read) {
      // Nothing of the file is left in the table for the importer's rows to follow.
      expect(n).toBe(0);
      return { read };
    }
    const file = basename(path);
    const { text } = decodeBytes(readFileSync(path), file);
    const table = importTable({
      file,
      text,
      kind: 'chats',
      timeZone: settings.timeZone,
      overrides: {},
      marketZones: true,
      onMessage: (message) => importer.addMessage(message),
    });
    // Read itself only where the importer refuses nothing and says nothing of the rows.
    expect(table.warnings).toEqual([]);
    expect(read.read).toEqual(table);
    const [mine] = await native.exportParquet(mkdtempSync(join(dir, 'native-')));
    const [theirs] = await importer.exportParquet(mkdtempSync(join(dir, 'importer-')));
    expect(readFileSync(mine as string).equals(readFileSync(theirs as string))).toBe(true);
    return { read };
  } finally {
    native.close();
    importer.close();
  }
}

describe('DuckDB reading random chat exports itself', () => {
  it('gives the importer’s canonical table to the byte, or leaves the file to the importer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-native-'));
    const ways = { native: 0, fallback: 0 };
    await fc.assert(
      fc.asyncProperty(
        FILES,
        pick('Asia/Shanghai', 'America/New_York', 'UTC'),
        pick([], ['亲'], ['在']),
        async (file, zone, prefixes) => {
          const path = join(dir, 'chats.csv');
          writeFileSync(path, csvText(file));
          const settings = resolveSettings({
            timeZone: zone,
            autoPrefixes: prefixes,
            autoKeywords: prefixes,
          });
          const { read } = await bothWays(path, settings);
          ways['read' in read ? 'native' : 'fallback']++;
        },
      ),
      { numRuns: 150 },
    );
    // Both ways were taken: the property is not vacuous.
    expect(ways.native).toBeGreaterThan(10);
    expect(ways.fallback).toBeGreaterThan(10);
  }, 600_000);
});
