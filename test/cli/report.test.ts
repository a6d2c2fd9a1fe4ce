import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { EXAMPLE_CHATS, exampleChatsWithoutAutoFlag } from '../examples';
import { publicDataFile, TWITTER_CONVERSATION_ARGS } from '../publicData';

const CLI = join(ROOT, 'bin/cs-kpi.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const twitter = ['report', ...TWITTER_CONVERSATION_ARGS];

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'cs-kpi-cli-'));
}

/** A chat file in which 小美 answers `customer` 20 seconds after they write, on 2024-03-01 at 10:00. */
function chatWith(dir: string, customer: string) {
  const file = join(dir, 'chats.csv');
  writeFileSync(
    file,
    `time,agent,customer,from\n2024-03-01 10:00:00,小美,${customer},customer\n2024-03-01 10:00:20,小美,${customer},agent\n`,
  );
  return file;
}

describe('cs-kpi report', () => {
  it('prints the documented Twitter figures as JSON keyed by SPEC ids', () => {
    const { status, stdout } = cli([...twitter, '--fast-reply-seconds', '3600', '--format', 'json']);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['settings', 'period', 'agents', 'team', 'shop', 'warnings']),
    );
    expect(out.team.consultations).toBe(27);
    expect(out.team.reply_rate).toBeCloseTo(0.962963, 6);
    expect(out.team.first_response_s_median).toBe(4111.5);
    expect(out.team.fast_reply_rate).toBeCloseTo(0.444444, 6);
    expect(out.team.qa_ratio).toBeCloseTo(0.897959, 6);
    expect(
      out.agents.find((a: { agent: string }) => a.agent === 'AppleSupport').first_response_s_median,
    ).toBe(22733);
    expect(out.team.conversion_rate).toBeNull();
  });

  it('with --timings, says on stderr how long reading, decoding, importing, computing and writing took', () => {
    const { status, stdout, stderr } = cli([...twitter, '--format', 'json', '--timings']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).team.consultations).toBe(27);
    const line = stderr.split('\n').find((l) => l.startsWith('cs-kpi: timings: '));
    const steps = [
      ...(line ?? '').slice('cs-kpi: timings: '.length).matchAll(/(?:^|, )([^,;]+?) ([\d,]+) ms/g),
    ].map((m) => m[1]);
    expect(steps).toEqual([
      'read twcs_sample_conversations.csv',
      'decode twcs_sample_conversations.csv',
      'import twcs_sample_conversations.csv',
      'compute',
      'write json',
    ]);
    expect(line).toMatch(/; [\d,]+ ms in all$/);
    expect(cli([...twitter, '--format', 'json']).stderr).not.toContain('timings');
  });

  /**
   * The sample month's chats, with a title row above the header, a row cut short and unreadable times
   * early and late, and a message over two lines in quotes; and the arguments of a report on it.
   */
  function brokenChats() {
    const [header, ...rows] = readFileSync(join(ROOT, 'examples/qianniu-chats.csv'), 'utf8')
      .trim()
      .split('\n');
    const cells = (line: string) => line.split(',');
    const broken = rows.map((line, i) => {
      const row = cells(line);
      if (i === 50) return row.slice(0, 2).join(',');
      if (i === 99 || i === 3499) row[1] = '昨天';
      if (i === 2000) row[5] = '"亲,\n在的"';
      if (i === 2600) row[5] = '亲,在的'; // no quotes: one cell too many
      return row.join(',');
    });
    const file = join(tempDir(), 'chats.csv');
    writeFileSync(file, `千牛聊天记录导出\n${header}\n${broken.join('\n')}\n`);
    const args = [
      'report',
      '--chats',
      file,
      '--orders',
      join(ROOT, 'examples/taobao-orders.csv'),
      '--format',
      'json',
    ];
    return { file, rows, args };
  }

  it('reads a large chat export on two cores with the figures and warnings of reading it in one piece', () => {
    // Cut in two (any size is "large" here), then read whole.
    const { file, rows, args } = brokenChats();
    const whole = cli(args);
    const parts = cli([...args, '--timings'], { CS_KPI_PARALLEL_MIN_BYTES: '1' });
    expect(parts.stderr).toContain('(second part)');
    expect(whole.stderr).not.toContain('timings');
    expect(parts.stdout).toBe(whole.stdout);
    expect(JSON.parse(whole.stdout).warnings.map((w: { row: number }) => w.row)).toEqual([
      53, 102, 2603, 3502,
    ]);
    expect(parts.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual(
      whole.stderr.split('\n').filter((line) => line.startsWith('  ')),
    );

    // inspect reads it the same way: in two parts, the same counts, samples and warnings.
    const inspectWhole = cli(['inspect', file, '--json']);
    const inspectParts = cli(['inspect', file, '--json', '--timings'], { CS_KPI_PARALLEL_MIN_BYTES: '1' });
    expect(inspectParts.stderr).toContain('(second part)');
    expect(inspectParts.stdout).toBe(inspectWhole.stdout);
    const inspection = JSON.parse(inspectWhole.stdout);
    expect(inspection.records).toBe(rows.length - 4);
    expect(inspection.warnings.map((w: { row: number }) => w.row)).toEqual([53, 102, 2603, 3502]);
  });

  it('with --engine duckdb, reads a large chat export on two cores: the worker writes its part as canonical rows', () => {
    // The broken month cut in two, and a second chat file (the sample again, its rows repeated across
    // the cut): the second part's rows are numbered after the first's, file after file.
    const { file, args } = brokenChats();
    const [header, ...rows] = readFileSync(join(ROOT, 'examples/qianniu-chats.csv'), 'utf8')
      .trim()
      .split('\n');
    const dir = tempDir();
    const again = join(dir, 'again.csv');
    writeFileSync(again, `${header}\n${[...rows, ...rows.slice(0, 30)].join('\n')}\n`);
    const both = [...args, '--chats', again];
    const parts = join(dir, 'tmp');
    mkdirSync(parts);
    for (const run of [args, both]) {
      const js = cli(run);
      const whole = cli([...run, '--engine', 'duckdb']);
      // The importer on two cores (DuckDB would read the clean file itself: nativeCsv.ts).
      const inParts = cli([...run, '--engine', 'duckdb', '--timings'], {
        CS_KPI_PARALLEL_MIN_BYTES: '1',
        CS_KPI_DUCKDB_CSV: 'off',
        TMPDIR: parts,
      });
      expect(inParts.status, inParts.stderr).toBe(0);
      expect(inParts.stderr.match(/\(second part\)/g)?.length).toBe(run === args ? 1 : 2);
      expect(whole.stdout).toBe(js.stdout);
      expect(inParts.stdout).toBe(js.stdout);
      expect(inParts.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual(
        whole.stderr.split('\n').filter((line) => line.startsWith('  ')),
      );
      // The parts' files are gone with the command.
      expect(readdirSync(parts)).toEqual([]);
      // The canonical table itself, row for row (seq included): the same Parquet file either way.
      const chatArgs = run.slice(1).filter((_, i, all) => all[i] === '--chats' || all[i - 1] === '--chats');
      const exported = (env: Record<string, string>) => {
        const out = mkdtempSync(join(dir, 'parquet-'));
        const done = cli(['export', '--format', 'parquet', '--out', out, ...chatArgs], env);
        expect(done.status, done.stderr).toBe(0);
        return readFileSync(join(out, 'messages.parquet'));
      };
      // In parts, and (the clean file) read by DuckDB itself.
      const inOnePiece = exported({});
      expect(exported({ CS_KPI_PARALLEL_MIN_BYTES: '1', CS_KPI_DUCKDB_CSV: 'off' }).equals(inOnePiece)).toBe(
        true,
      );
      // Read by the importer from disk in pieces of 64 KB, on two cores and on one: the same file again.
      const inPieces = {
        CS_KPI_PARALLEL_MIN_BYTES: '1',
        CS_KPI_PIECE_BYTES: '65536',
        CS_KPI_DUCKDB_CSV: 'off',
      };
      expect(exported(inPieces).equals(inOnePiece)).toBe(true);
      expect(exported({ CS_KPI_PIECE_BYTES: '65536', CS_KPI_DUCKDB_CSV: 'off' }).equals(inOnePiece)).toBe(
        true,
      );
      const piecewise = cli([...run, '--engine', 'duckdb', '--timings'], inPieces);
      expect(piecewise.stderr).toMatch(/import chats\.csv \(first part, \d+ pieces read from disk\)/);
      expect(piecewise.stdout).toBe(js.stdout);
    }
    const report = JSON.parse(
      cli([...both, '--engine', 'duckdb'], { CS_KPI_PARALLEL_MIN_BYTES: '1' }).stdout,
    );
    expect(report.warnings.map((w: { file: string; row: number }) => `${w.file}:${w.row}`)).toEqual([
      `${basename(file)}:53`,
      `${basename(file)}:102`,
      `${basename(file)}:2603`,
      `${basename(file)}:3502`,
    ]);
    expect(report.counts.duplicateMessages).toBeGreaterThanOrEqual(30);
  }, 240_000);

  it('reads an export too large for one text in pieces of whole records, with the figures of one text', () => {
    // Any size is "too large" here: the chats in pieces on two cores and on one, the orders in pieces.
    const { args } = brokenChats();
    const whole = cli(args);
    const runs: Record<string, string>[] = [
      { CS_KPI_PARALLEL_MIN_BYTES: '1', CS_KPI_PIECE_BYTES: '65536' },
      { CS_KPI_PIECE_BYTES: '32768' },
    ];
    for (const env of runs) {
      const pieces = cli([...args, '--timings'], env);
      expect(pieces.stderr).toMatch(/decode chats\.csv \(the first of \d+ pieces/);
      expect(pieces.stderr).toMatch(/decode taobao-orders\.csv \(the first of \d+ pieces/);
      expect(pieces.stdout).toBe(whole.stdout);
    }
  });

  it('finds messages repeated across the cut of a file read on two cores, by ID or by the whole row', () => {
    const [header, ...rows] = readFileSync(join(ROOT, 'examples/qianniu-chats.csv'), 'utf8')
      .trim()
      .split('\n');
    const dir = tempDir();
    const report = (file: string, inParts = false) => {
      const run = inParts
        ? cli(['report', '--chats', file, '--format', 'json', '--timings'], {
            CS_KPI_PARALLEL_MIN_BYTES: '1',
          })
        : cli(['report', '--chats', file, '--format', 'json']);
      expect(run.status).toBe(0);
      if (inParts) expect(run.stderr).toContain('(second part)');
      return run.stdout;
    };
    const once = join(dir, 'once.csv');
    writeFileSync(once, `${header}\n${rows.join('\n')}\n`);
    const expected = JSON.parse(report(once));
    // The first 30 rows exported again at the end, past the cut: with their IDs, and without.
    const withIds = (line: string, i: number) => `m${i},${line}`;
    const cases = [
      [header, [...rows, ...rows.slice(0, 30)]],
      [`消息ID,${header}`, [...rows.map(withIds), ...rows.slice(0, 30).map(withIds)]],
    ] as const;
    for (const [head, lines] of cases) {
      const file = join(dir, 'twice.csv');
      writeFileSync(file, `${head}\n${lines.join('\n')}\n`);
      const whole = report(file);
      expect(report(file, true)).toBe(whole);
      const read = JSON.parse(whole);
      expect(read.counts.duplicateMessages, head).toBe(30);
      expect(read.team).toEqual(expected.team);
      expect(read.agents).toEqual(expected.agents);
    }
  });

  it('separates after-sales consultations with --after-sales-chat-days, and says how many when it is off', () => {
    // b1 paid on day 1 and asks "什么时候发货" on day 3; b2 asks on day 3 and pays that afternoon.
    const dir = tempDir();
    const chats = join(dir, 'chats.csv');
    const orders = join(dir, 'orders.csv');
    writeFileSync(
      chats,
      'time,agent,customer,from,text\n2024-03-03 10:00:00,小美,b1,customer,什么时候发货\n2024-03-03 10:00:20,小美,b1,agent,今天就发\n2024-03-03 11:00:00,小美,b2,customer,有货吗\n2024-03-03 11:00:10,小美,b2,agent,有的\n',
    );
    writeFileSync(
      orders,
      'order_id,customer,created_at,paid_at,amount\no1,b1,2024-03-01 08:59:00,2024-03-01 09:00:00,100\no2,b2,2024-03-03 14:59:00,2024-03-03 15:00:00,100\n',
    );
    const args = ['report', '--chats', chats, '--orders', orders, '--tz', 'UTC', '--format', 'json'];
    const off = cli(args);
    expect(off.status).toBe(0);
    expect(JSON.parse(off.stdout).agents[0]).toMatchObject({
      consultations: 2,
      inquirers: 2,
      conversion_rate: 0.5,
      after_sales_consultations: null,
    });
    expect(off.stderr).toContain(
      'cs-kpi: note: 1 consultation was with a customer who had paid an order in the 7 days before, bought nothing new in the window and asked that agent nothing else',
    );
    const on = cli([...args, '--after-sales-chat-days', '7']);
    expect(on.status).toBe(0);
    expect(JSON.parse(on.stdout).agents[0]).toMatchObject({
      consultations: 2,
      inquirers: 1,
      conversion_rate: 1,
      after_sales_consultations: 1,
    });
    expect(on.stderr).not.toContain('--after-sales-chat-days');
    const tooMany = cli([...args, '--after-sales-chat-days', '61']);
    expect(tooMany.status).not.toBe(0);
    expect(tooMany.stderr).toContain('after-sales chat days must be a whole number from 0 to 60; got 61.');
  });

  it('prints a readable table with the Chinese names, and a CSV of the same rows', () => {
    const table = cli([...twitter]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^回复率\s.*96\.3%/m);
    expect(table.stdout).toContain('AppleSupport');
    const csv = cli([...twitter, '--format', 'csv']);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header?.startsWith('level,agent,consultations,receptions')).toBe(true);
    expect(rows.at(-2)?.startsWith('team,,27,26')).toBe(true);
  });

  it('fits the table in 80 columns: agents that do not fit go on to further blocks, none lost', () => {
    const table = cli([...twitter]);
    const lines = table.stdout.split('\n');
    const width = (line: string) =>
      [...line].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
    expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(80);
    const heads = lines
      .filter((line) => line.startsWith('指标'))
      .flatMap((line) => line.split(/\s{2,}/).slice(1));
    const accounts = new Set(
      Papa.parse<Record<string, string>>(
        readFileSync(publicDataFile('twcs_sample_conversations.csv'), 'utf8'),
        {
          header: true,
          skipEmptyLines: true,
        },
      ).data.map((row) => row.account),
    );
    expect(heads.sort()).toEqual([...accounts, '团队', '店铺'].sort());
    // Every block repeats every indicator: 回复率 once per block.
    const blocks = lines.filter((line) => line.startsWith('客服绩效')).length;
    expect(blocks).toBeGreaterThan(1);
    expect(lines.filter((line) => line.startsWith('回复率 '))).toHaveLength(blocks);
  });

  it('says no progress on a piped stderr, and keeps it off stdout', () => {
    const result = cli([...twitter]);
    expect(result.stderr).not.toContain('\r');
    expect(result.stdout).not.toContain('\r');
  });

  it('runs the SPEC conversion example from files: window 2 gives 50 %, 3 gives 100 %', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'chats.csv'),
      'time,agent,customer,from\n2024-03-01 10:00:00,小美,A,customer\n2024-03-01 10:00:20,小美,A,agent\n2024-03-01 11:00:00,小美,B,customer\n2024-03-01 11:00:30,小美,B,agent\n',
    );
    writeFileSync(
      join(dir, 'orders.csv'),
      'order_id,customer,created_at,paid_at,amount,items\n1,B,2024-03-02 08:59:00,2024-03-02 09:00:00,100,1\n2,A,2024-03-03 08:59:00,2024-03-03 09:00:00,50,2\n',
    );
    const run = (days: string) =>
      JSON.parse(
        cli([
          'report',
          '--chats',
          join(dir, 'chats.csv'),
          '--orders',
          join(dir, 'orders.csv'),
          '--window-days',
          days,
          '--format',
          'json',
        ]).stdout,
      );
    expect(run('2').agents[0].conversion_rate).toBe(0.5);
    expect(run('3').agents[0].conversion_rate).toBe(1);
    expect(run('2').shop.payment_rate).toBe(1);
  });

  it('leaves conversion and agents’ sales empty, not 0, when the orders name no buyer', () => {
    // The Kuaishou order export has no buyer column: no order can be matched to a chat.
    const dir = tempDir();
    const chats = chatWith(dir, 'A');
    const orders = (withBuyer: boolean) => {
      const file = join(dir, withBuyer ? 'with-buyer.csv' : 'without-buyer.csv');
      writeFileSync(
        file,
        withBuyer
          ? 'order_id,customer,created_at,paid_at,amount,items\n1,A,2024-03-01 10:05:00,2024-03-01 10:06:00,100,1\n'
          : 'order_id,created_at,paid_at,amount,items\n1,2024-03-01 10:05:00,2024-03-01 10:06:00,100,1\n',
      );
      const { stdout, stderr } = cli(['report', '--chats', chats, '--orders', file, '--format', 'json']);
      return { ...JSON.parse(stdout), stderr };
    };
    const matched = orders(true);
    expect([
      matched.agents[0].conversion_rate,
      matched.agents[0].sales,
      matched.shop.conversion_rate,
    ]).toEqual([1, 100, 1]);
    const unmatched = orders(false);
    for (const row of [unmatched.agents[0], unmatched.team]) {
      expect([row.conversion_rate, row.order_rate, row.sales, row.orders, row.aov]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
    }
    expect([unmatched.shop.conversion_rate, unmatched.shop.silent_sales]).toEqual([null, null]);
    // What needs no chat is still counted: the shop's sales, orders and payment rate.
    expect([unmatched.shop.sales, unmatched.shop.orders, unmatched.shop.payment_rate]).toEqual([100, 1, 1]);
    // And the command says why, on stderr.
    expect(unmatched.stderr).toContain(
      'cs-kpi: note: without-buyer.csv names no buyer: orders cannot be matched to chats',
    );
    expect(matched.stderr).toBe('');
  });

  it('leaves what needs a payment or order time empty, not 0, when the orders have no such column', () => {
    const dir = tempDir();
    const chats = chatWith(dir, 'A');
    const run = (name: string, header: string, row: string, ...extra: string[]) => {
      writeFileSync(join(dir, name), `${header}\n${row}\n`);
      const args = ['report', '--chats', chats, '--orders', join(dir, name), '--format', 'json'];
      const { agents, shop } = JSON.parse(cli([...args, ...extra]).stdout);
      const pick = ({ conversion_rate, order_rate, payment_rate, sales }: Record<string, unknown>) => [
        conversion_rate,
        order_rate,
        payment_rate,
        sales,
      ];
      return { agent: pick(agents[0]), shop: pick(shop) };
    };
    // No payment time: nothing is known to be paid. What placing the order says is still counted.
    const unpaid = ['order_id,customer,created_at,amount,items', '1,A,2024-03-01 10:05:00,100,1'] as const;
    expect(run('no-paid.csv', ...unpaid)).toEqual({
      agent: [null, 1, null, null],
      shop: [null, 1, null, null],
    });
    // Under the ordered basis, conversion reads the order time.
    expect(run('no-paid.csv', ...unpaid, '--basis', 'ordered').agent).toEqual([1, 1, null, null]);
    // No order time: payments are counted, placing is not.
    expect(
      run('no-created.csv', 'order_id,customer,paid_at,amount,items', '1,A,2024-03-01 10:06:00,100,1'),
    ).toEqual({ agent: [1, null, null, 100], shop: [1, null, null, 100] });
  });

  it('says so when no order matches a consultation, as when the exports name buyers differently', () => {
    const dir = tempDir();
    const chats = chatWith(dir, 'tb_nick_a');
    writeFileSync(
      join(dir, 'orders.csv'),
      'order_id,customer,created_at,paid_at,amount,items\n1,2088001,2024-03-01 10:05:00,2024-03-01 10:06:00,100,1\n',
    );
    const { stdout, stderr } = cli([
      'report',
      '--chats',
      chats,
      '--orders',
      join(dir, 'orders.csv'),
      '--format',
      'json',
    ]);
    expect(JSON.parse(stdout).agents[0].conversion_rate).toBe(0);
    expect(stderr).toContain(
      'cs-kpi: note: no order was matched to a consultation in its 2-day window (--window-days; 1 order read)',
    );
  });

  it('says so when replies look like auto replies nothing marks, and not once a prefix marks them', () => {
    const file = join(tempDir(), 'chats.csv');
    writeFileSync(file, Papa.unparse(exampleChatsWithoutAutoFlag()));
    const json = (args: string[]) => {
      const { stdout, stderr } = cli(['report', '--chats', ...args, '--format', 'json']);
      return { team: JSON.parse(stdout).team, stderr };
    };
    const flagged = json([EXAMPLE_CHATS]);
    const unmarked = json([file]);
    const prefixed = json([file, '--auto-prefix', '[自动回复]']);
    expect(flagged.stderr).not.toContain('auto replies');
    expect(unmarked.stderr).toContain(
      "cs-kpi: note: 152 consultations got a reply within 1 s of a customer's message",
    );
    expect(unmarked.team.fast_reply_rate).toBeGreaterThan(flagged.team.fast_reply_rate);
    expect(prefixed.stderr).not.toContain('auto replies');
    expect(prefixed.team.fast_reply_rate).toBe(flagged.team.fast_reply_rate);
  });

  it('skips unreadable rows, naming file, row, column and reason, and computes the rest', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'chats.csv'),
      'time,agent,customer,from\n2024-03-01 10:00:00,小美,A,customer\nlast tuesday,小美,A,agent\n2024-03-01 10:00:30,,A,agent\n2024-03-01 10:01:00,小美,A,agent\n',
    );
    const out = JSON.parse(cli(['report', '--chats', join(dir, 'chats.csv'), '--format', 'json']).stdout);
    expect(out.warnings).toEqual([
      {
        file: 'chats.csv',
        row: 3,
        column: 'time',
        message: expect.stringContaining('"last tuesday" is not a date and time'),
      },
      { file: 'chats.csv', row: 4, column: 'agent', message: 'agent is empty; the row is skipped' },
    ]);
    expect(out.team.first_response_s).toBe(60);
  });

  it('refuses amounts it cannot read for sure and IDs a spreadsheet rounded: counted nowhere, each named', () => {
    const dir = tempDir();
    const chats = chatWith(dir, 'F');
    const paid = '2024-03-01 10:05:00,2024-03-01 10:06:00';
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      [
        'order_id,customer,created_at,paid_at,amount,refund_amount',
        // Three orders of three buyers whose IDs Excel rounded: today one order of 100.
        `3.00000000000000E+18,A,${paid},100.00,0`,
        `3.00000000000000E+18,B,${paid},200.00,0`,
        `3.00000000000000E+18,C,${paid},300.00,0`,
        // The same, written out in full: 19 digits, the last four zeros, two buyers.
        `4000000000000000000,D,${paid},100.00,0`,
        `4000000000000000000,E,${paid},200.00,0`,
        `1,F,${paid},138.00,0`,
        `2,G,${paid},"12,34",0`,
        `3,H,${paid},-50.00,0`,
        `4,I,${paid},(12.00),0`,
        `5,J,${paid},,0`,
        `6,K,${paid},"1,234.50",`,
      ].join('\n'),
    );
    const { status, stdout } = cli(['report', '--chats', chats, '--orders', file, '--format', 'json']);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    // 138 + 1234.50 (an empty refund amount is no refund). Before: 2,644.50 from 7 orders (100 + 138 + 1234
    // − 50 − 12 + 0 + 1234.50: the two buyers of one rounded ID joined, "12,34" read as 1234).
    expect([out.shop.sales, out.shop.orders, out.agents[0].sales]).toEqual([1372.5, 2, 138]);
    expect(
      out.warnings.map((w: { file: string; row: number; column: string }) => [w.file, w.row, w.column]),
    ).toEqual([
      ['orders.csv', 2, 'order_id'],
      ['orders.csv', 3, 'order_id'],
      ['orders.csv', 4, 'order_id'],
      ['orders.csv', 5, 'order_id'],
      ['orders.csv', 6, 'order_id'],
      ['orders.csv', 8, 'amount'],
      ['orders.csv', 9, 'amount'],
      ['orders.csv', 10, 'amount'],
      ['orders.csv', 11, 'amount'],
    ]);
    const messages = out.warnings.map((w: { message: string }) => w.message);
    for (const message of messages.slice(0, 5)) {
      expect(message).toContain('a spreadsheet rounded to 15 digits');
      expect(message).toContain('import the column as text');
    }
    expect(messages.slice(5)).toEqual([
      expect.stringMatching(/^"12,34" has a decimal comma, but the column's amounts have a decimal point/),
      expect.stringMatching(/^"-50\.00" is a negative amount; the row is refused/),
      expect.stringMatching(/^"\(12\.00\)" is in parentheses/),
      expect.stringMatching(/^order 5 is paid but its amount is empty/),
    ]);
  });

  it('lists the rows it refused on stderr whatever the format, CSV to stdout too, and counts them nowhere', () => {
    const dir = tempDir();
    const good =
      'time,agent,customer,from,text\n2024-03-01 10:00:00,小美,A,customer,在吗\n2024-03-01 10:01:00,小美,A,agent,在的\n';
    const bad = [
      '2024-03-01 10:00:30,小美,A,agent,亲,马上来', // a comma in the text: one cell too many
      '2099-03-01 10:00:40,小美,A,agent,好的', // a year typed wrong
      'last tuesday,小美,A,agent,好的',
    ];
    writeFileSync(join(dir, 'clean.csv'), good);
    const [header, ...rows] = good.trimEnd().split('\n');
    writeFileSync(join(dir, 'chats.csv'), `${[header, rows[0], ...bad, rows[1]].join('\n')}\n`);
    const clean = cli(['report', '--chats', join(dir, 'clean.csv'), '--format', 'csv']);
    const listed = [
      'chats.csv row 3, column text: the row has 6 cells but the header 5 columns',
      'chats.csv row 4, column time: "2099-03-01 10:00:40" is more than a day after now',
      'chats.csv row 5, column time: "last tuesday" is not a date and time',
    ];
    for (const format of ['csv', 'json', 'table']) {
      const run = cli(['report', '--chats', join(dir, 'chats.csv'), '--format', format]);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(
        'cs-kpi: note: 3 rows could not be read and are counted in no figure; fix them in the export (or export again) and run the report again:\n',
      );
      for (const line of listed) expect(run.stderr).toContain(`\n  ${line}`);
      expect(run.stderr).toContain('cs-kpi: note: 1 of those rows has a time more than a day after now');
      if (format === 'json') expect(JSON.parse(run.stdout).warnings).toHaveLength(3);
      else expect(run.stdout).not.toContain('last tuesday');
      if (format === 'csv') expect(run.stdout).toBe(clean.stdout.replace('clean.csv', 'chats.csv'));
    }
    expect(cli(['report', '--chats', join(dir, 'clean.csv'), '--format', 'csv']).stderr).toBe('');
  });

  it('says a file with a header and no rows is in no figure', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), 'order_id,customer,created_at,paid_at,amount\n');
    const { status, stderr } = cli([
      'report',
      '--chats',
      chatWith(dir, 'A'),
      '--orders',
      join(dir, 'orders.csv'),
      '--format',
      'csv',
    ]);
    expect(status).toBe(0);
    expect(stderr).toContain(
      "cs-kpi: note: orders.csv has a header row and no data rows: nothing of it is in any figure. Export again with the period's rows (check the export's date range).",
    );
  });

  it('says in words that a file is missing or is a folder, never ENOENT or EISDIR', () => {
    const dir = tempDir();
    const missing = cli(['report', '--chats', join(dir, 'chat.csv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      `cs-kpi: there is no file ${join(dir, 'chat.csv')} (looked for in ${dir}). Check the file's name and folder, or give its full path.\n`,
    );
    const folder = cli(['report', '--chats', dir]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(
      `cs-kpi: ${dir} is a folder, not an export: give the file inside it, for example ${join(dir, 'orders.csv')}.\n`,
    );
    expect(cli(['inspect', dir]).stderr).toContain('is a folder, not an export');
  });

  it('refuses a file marked UTF-8 whose text is GBK, rather than read it garbled', () => {
    const dir = tempDir();
    // "订单编号,金额" in GBK behind a UTF-8 byte order mark.
    const gbk = [0xb6, 0xa9, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a];
    writeFileSync(join(dir, 'orders.csv'), Buffer.from([0xef, 0xbb, 0xbf, ...gbk, 0x31, 0x2c, 0x32, 0x0a]));
    const { status, stderr } = cli(['report', '--orders', join(dir, 'orders.csv')]);
    expect(status).toBe(2);
    expect(stderr).toContain(
      "orders.csv starts with the mark of a UTF-8 file, but its text is not UTF-8 (Chinese Windows' GBK",
    );
  });

  it('refuses a --map that would change nothing: a field of no file given, a column no file has', () => {
    const dir = tempDir();
    const chats = chatWith(dir, 'A');
    expect(cli(['report', '--chats', chats, '--map', 'level=评价结果']).stderr).toContain(
      'cs-kpi: --map level=评价结果: level is read from --ratings exports, and none was given: give the file, or leave the --map out.',
    );
    expect(cli(['report', '--chats', chats, '--map', 'orders.amount=实付']).stderr).toContain(
      'cs-kpi: --map orders.amount=实付 maps a column of the orders export, but no --orders FILE was given',
    );
    // The file has a column named as the field: without the check, the typo would go unnoticed.
    const typo = cli(['report', '--chats', chats, '--map', 'customer=买家ID']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe(
      'cs-kpi: --map customer=买家ID: no file has a column "买家ID". The columns are: chats.csv: time, agent, customer, from.\n',
    );
    expect(cli(['report', '--chats', chats, '--map', 'nickname=买家']).stderr).toContain(
      '"nickname" is not a field of any export',
    );
  });

  it('refuses a file without a required column, naming it and the columns there are', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'chats.csv'), 'when,agent,customer,from\n2024-03-01 10:00:00,a,b,customer\n');
    const { status, stderr } = cli(['report', '--chats', join(dir, 'chats.csv')]);
    expect(status).toBe(2);
    expect(stderr).toContain(
      'chats.csv: no column for "time" in this chats export. Map it with --map time=COLUMN, or choose the column in the sidebar. The columns are: when, agent, customer, from.',
    );
  });

  it('explains bad options', () => {
    expect(cli(['report']).stderr).toContain('give at least one of --chats FILE');
    expect(cli([...twitter, '--window-days', '20']).stderr).toContain(
      'window days (询单有效时长) must be a whole number from 1 to 15',
    );
    expect(cli([...twitter, '--tz', 'Mars/Base']).stderr).toContain('Unknown time zone "Mars/Base"');
  });

  it('writes --out FILE and reports rows per period with --period day', () => {
    const out = join(tempDir(), 'report.json');
    execFileSync(process.execPath, [CLI, ...twitter, '--period', 'day', '--format', 'json', '--out', out]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(new Set(report.agents.map((a: { period: string }) => a.period))).toEqual(
      new Set(['2017-10-10', '2017-10-11']),
    );
    expect(report.teamByPeriod).toHaveLength(2);
  });

  it('takes online-time and issue files alone; what needs chats or orders stays empty', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'online.csv'), 'agent,start,end\n小美,2024-03-01 08:00:00,2024-03-01 17:30:00\n');
    writeFileSync(
      join(dir, 'issues.csv'),
      'time,agent,resolved\n2024-03-01 09:00:00,小美,是\n2024-03-01 10:00:00,小美,否\n',
    );
    const { status, stdout } = cli([
      'report',
      '--online',
      join(dir, 'online.csv'),
      '--issues',
      join(dir, 'issues.csv'),
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    const [agent] = JSON.parse(stdout).agents;
    expect([agent.online_hours, agent.resolution_rate, agent.consultations, agent.sales]).toEqual([
      9.5,
      0.5,
      null,
      null,
    ]);
  });
});

describe('cs-kpi inspect', () => {
  it('names the dialect, encoding, delimiter, mapping with confidences, privacy and samples', () => {
    const { status, stdout } = cli(['inspect', publicDataFile('tmall_order_report.csv')]);
    expect(status).toBe(0);
    expect(stdout).toContain('dialect    淘宝/天猫 订单报表 / Taobao/Tmall order report (100 %)');
    expect(stdout).toContain('encoding   utf-8');
    expect(stdout).toContain('delimiter  comma');
    expect(stdout).toMatch(/amount\s+买家实际支付金额 {2}\(dialect, 100 %\)/);
    expect(stdout).toContain('not read (privacy): 收货地址');
    expect(stdout).not.toContain('上海');
  });

  it('prints JSON with --json, with every warning', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'c.csv'),
      '客服聊天记录\ntime,agent,customer,from\n2024-03-01 10:00:00,a,b,customer\nbad,a,b,agent\n',
    );
    const out = JSON.parse(cli(['inspect', join(dir, 'c.csv'), '--json']).stdout);
    expect(out).toMatchObject({ kind: 'chats', headerRow: 2, rows: 2, records: 1, delimiter: ',' });
    expect(out.warnings).toEqual([{ file: 'c.csv', row: 4, column: 'time', message: expect.any(String) }]);
    expect(out.sample[0].time).toBe('2024-03-01T02:00:00.000Z');
  });

  it('explains a file it cannot read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.csv'), Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const { status, stderr } = cli(['inspect', join(dir, 'x.csv')]);
    expect(status).toBe(2);
    expect(stderr).toContain('x.csv is an Excel workbook (.xlsx), not text');
  });
});

describe('cs-kpi report with platform exports', () => {
  it('reads the Tmall report with no mapping: payment rate, refund rate and AOV of the shop', () => {
    const out = JSON.parse(
      cli(['report', '--orders', publicDataFile('tmall_order_report.csv'), '--format', 'json']).stdout,
    );
    expect(out.shop.payment_rate).toBeCloseTo(0.859943, 6);
    expect(out.shop.refund_rate).toBeCloseTo(0.2344, 4);
    expect(out.shop.aov).toBeCloseTo(100.368618, 6);
    expect(out.imports).toEqual([
      expect.objectContaining({
        file: 'tmall_order_report.csv',
        dialect: 'taobao-order-report',
        records: 28010,
      }),
    ]);
  });

  it('reads overlapping exports of one kind once, and counts the duplicates', () => {
    const dir = tempDir();
    const head = 'order_id,customer,created_at,paid_at,amount,items\n';
    writeFileSync(
      join(dir, 'a.csv'),
      `${head}1,c1,2024-03-01 10:00:00,2024-03-01 10:01:00,100,1\n2,c2,2024-03-01 11:00:00,,50,1\n`,
    );
    writeFileSync(
      join(dir, 'b.csv'),
      `${head}2,c2,2024-03-01 11:00:00,,50,1\n3,c3,2024-03-02 10:00:00,2024-03-02 10:01:00,70,1\n`,
    );
    const out = JSON.parse(
      cli(['report', '--orders', join(dir, 'a.csv'), '--orders', join(dir, 'b.csv'), '--format', 'json'])
        .stdout,
    );
    expect([out.counts.orders, out.counts.duplicateOrders, out.shop.sales]).toEqual([3, 1, 170]);
  });

  it('reads a file of 200,000 orders (no call-stack limit on large exports)', () => {
    const dir = tempDir();
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `${i + 1},c${i % 5000},2024-03-01 10:00:00,2024-03-01 10:01:00,10,1`,
    );
    writeFileSync(
      join(dir, 'big.csv'),
      `order_id,customer,created_at,paid_at,amount,items\n${rows.join('\n')}\n`,
    );
    const out = JSON.parse(cli(['report', '--orders', join(dir, 'big.csv'), '--format', 'json']).stdout);
    expect([out.counts.orders, out.shop.sales]).toEqual([200_000, 2_000_000]);
  });
});

describe('cs-kpi report without an invitation column', () => {
  it('leaves 邀评率 empty rather than showing 0 %', () => {
    const out = JSON.parse(cli([...twitter, '--format', 'json']).stdout);
    expect(out.team.invite_rate).toBeNull();
    expect(out.team.receptions).toBe(26);
  });
});
