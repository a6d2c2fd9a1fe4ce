// Exports of the example month (October 2026) written by the SQL tests: the example agents' online
// time, issues and complaints, and refunds of the example orders, from fixed sequences.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AGENTS = ['旗舰店:阿杰', '旗舰店:大刘', '旗舰店:小林', '旗舰店:小美', '旗舰店:小王', '旗舰店:小周'];

/**
 * October 2026 (the example month) of online spans, issues and complaints for the example agents,
 * from a fixed sequence: spans of odd minutes (whole hours would hide a sum's rounding), a few
 * complaints naming nobody (the shop's), some on the last days (window edges).
 */
export function writeMonth(dir: string) {
  let seed = 21;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const at = (day: number, minute: number) =>
    `2026-10-${String(day).padStart(2, '0')} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(next(60)).padStart(2, '0')}`;
  const online = ['客服账号,上线时间,下线时间'];
  const issues = ['time,agent,resolved'];
  const complaints = ['投诉时间,被投诉客服'];
  for (let i = 0; i < 120; i++) {
    const day = 1 + next(31);
    const start = next(20 * 60);
    online.push(`${AGENTS[next(AGENTS.length)]},${at(day, start)},${at(day, start + 1 + next(239))}`);
  }
  for (let i = 0; i < 60; i++)
    issues.push(
      `${at(1 + next(31), next(1440))},${AGENTS[next(AGENTS.length)]},${next(3) === 0 ? '否' : '是'}`,
    );
  for (let i = 0; i < 25; i++)
    complaints.push(`${at(1 + next(31), next(1440))},${next(5) === 0 ? '' : AGENTS[next(AGENTS.length)]}`);
  const files = {
    online: join(dir, 'online.csv'),
    issues: join(dir, 'issues.csv'),
    complaints: join(dir, 'complaints.csv'),
  };
  writeFileSync(files.online, `${online.join('\n')}\n`);
  writeFileSync(files.issues, `${issues.join('\n')}\n`);
  writeFileSync(files.complaints, `${complaints.join('\n')}\n`);
  return files;
}

/**
 * Refunds of the example orders (October 2026: IDs 3000000000000000000 …), from a fixed sequence:
 * requested through the month, completed minutes to days later (some on the next month's first days,
 * some never), by the shop, the platform, the buyer or unsaid, some disputed, most naming an agent and
 * a few nobody (the shop's); an order refunded twice, and a refund of an order the export lacks.
 */
export function writeRefunds(dir: string) {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const rows = ['订单编号,退款申请时间,退款完结时间,完结方,是否纠纷,处理客服'];
  for (let i = 0; i < 90; i++) {
    const order = i === 89 ? 999_999 : next(520);
    const applied = Date.parse(
      `2026-10-${pad(1 + next(31))}T${pad(next(24))}:${pad(next(60))}:${pad(next(60))}Z`,
    );
    const minutes = [null, 1, 37, 600, 1_441, 4_000][next(6)] as number | null;
    const completed = minutes === null ? '' : stamp(applied + minutes * 60_000 + next(60) * 1000);
    const by = minutes === null ? '' : ['商家', '商家', '平台', '买家', ''][next(5)];
    const agent = next(6) === 0 ? '' : AGENTS[next(AGENTS.length)];
    rows.push(
      `="${3_000_000_000_000_000_000n + BigInt(order)}",${stamp(applied)},${completed},${by},${next(4) === 0 ? '是' : '否'},${agent}`,
    );
  }
  const file = join(dir, 'refunds.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}
