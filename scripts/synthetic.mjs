// A seeded synthetic month of a Taobao-style shop, as canonical CSV: eight agents with different
// habits, customers who consult and (often) pay within two days, silent orders, refunds, ratings.
// The same seed always gives the same bytes, so benchmarks and examples are repeatable.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** mulberry32: small, fast and good enough for test data. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AGENTS = [
  { name: '旗舰店:小美', replySeconds: 12, autoShare: 0.05, weight: 1.4 },
  { name: '旗舰店:小王', replySeconds: 25, autoShare: 0.1, weight: 1.2 },
  { name: '旗舰店:阿杰', replySeconds: 45, autoShare: 0.05, weight: 1 },
  { name: '旗舰店:小林', replySeconds: 90, autoShare: 0.05, weight: 1 },
  { name: '旗舰店:晓晓', replySeconds: 20, autoShare: 0.4, weight: 1 },
  { name: '旗舰店:大刘', replySeconds: 240, autoShare: 0.02, weight: 0.8 },
  { name: '旗舰店:小周', replySeconds: 30, autoShare: 0.05, weight: 0.9 },
  { name: '旗舰店:兼职小陈', replySeconds: 60, autoShare: 0.1, weight: 0.3 },
];

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n) => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD HH:MM:SS' in Shanghai time. */
export function shanghai(epochMs) {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const CUSTOMER_LINES = ['在吗', '这个有货吗', '什么时候发货', '能便宜点吗', '尺码怎么选', '好的，谢谢'];
const AGENT_LINES = [
  '亲，在的',
  '有货的亲',
  '今天下单明天发',
  '已经是活动价了哦',
  '建议选大一码',
  '不客气亲',
];

/**
 * Writes chats.csv, orders.csv and ratings.csv to `dir` with about `messages` chat messages and
 * `orders` orders over `days` days from 2026-10-01 (Shanghai).
 */
export async function writeSyntheticMonth(
  dir,
  { messages = 10_000, orders = 1_000, days = 30, seed = 20261001 } = {},
) {
  const rand = random(seed);
  const start = Date.UTC(2026, 8, 30, 16); // 2026-10-01 00:00 in Shanghai
  const totalWeight = AGENTS.reduce((s, a) => s + a.weight, 0);
  const pickAgent = () => {
    let r = rand() * totalWeight;
    for (const agent of AGENTS) {
      r -= agent.weight;
      if (r < 0) return agent;
    }
    return AGENTS[0];
  };
  const chats = createWriteStream(`${dir}/chats.csv`);
  const writeLine = async (stream, line) => {
    if (!stream.write(line)) await once(stream, 'drain');
  };
  await writeLine(chats, 'time,agent,customer,from,text,session,auto\n');
  const consulted = [];
  let written = 0;
  let session = 0;
  while (written < messages) {
    const agent = pickAgent();
    const customer = `buyer${Math.floor(rand() * Math.max(10, messages / 6))}`;
    // Busy in the day, quiet at night.
    const day = Math.floor(rand() * days);
    const hour = rand() < 0.9 ? 9 + Math.floor(rand() * 14) : Math.floor(rand() * 9);
    let t = start + day * 86_400_000 + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
    session++;
    consulted.push([customer, t]);
    const rounds = 1 + Math.floor(rand() * 3);
    for (let round = 0; round < rounds && written < messages; round++) {
      await writeLine(
        chats,
        `${shanghai(t)},${agent.name},${customer},customer,${CUSTOMER_LINES[Math.floor(rand() * 6)]},${session},false\n`,
      );
      written++;
      if (rand() < agent.autoShare && written < messages) {
        await writeLine(
          chats,
          `${shanghai(t + 1000)},${agent.name},${customer},agent,[自动回复]亲，在的,${session},true\n`,
        );
        written++;
      }
      if (rand() < 0.97 && written < messages) {
        t += Math.round(agent.replySeconds * (0.2 + rand() * 1.6) * 1000);
        await writeLine(
          chats,
          `${shanghai(t)},${agent.name},${customer},agent,${AGENT_LINES[Math.floor(rand() * 6)]},${session},false\n`,
        );
        written++;
      }
      t += Math.round((20 + rand() * 300) * 1000);
    }
  }
  chats.end();
  await once(chats, 'finish');

  const orderFile = createWriteStream(`${dir}/orders.csv`);
  await writeLine(orderFile, 'order_id,customer,created_at,paid_at,amount,items,status,refund_amount,cod\n');
  for (let i = 0; i < orders; i++) {
    const fromChat = rand() < 0.7 && consulted.length > 0;
    const [customer, consultedAt] = fromChat
      ? consulted[Math.floor(rand() * consulted.length)]
      : [`silent${Math.floor(rand() * orders)}`, start + Math.floor(rand() * days * 86_400_000)];
    const created = consultedAt + Math.floor(rand() * 2 * 86_400_000);
    const cod = rand() < 0.03;
    const paid = !cod && rand() < 0.86 ? created + Math.floor(rand() * 600_000) : null;
    const items = 1 + Math.floor(rand() * 3);
    const amount = (items * (29 + Math.floor(rand() * 170))).toFixed(2);
    const refund = paid !== null && rand() < 0.08 ? amount : '0';
    const id = String(3_000_000_000_000_000_000n + BigInt(i));
    await writeLine(
      orderFile,
      `${id},${customer},${shanghai(created)},${paid === null ? '' : shanghai(paid)},${amount},${items},${paid === null ? '等待买家付款' : '交易成功'},${refund},${cod}\n`,
    );
  }
  orderFile.end();
  await once(orderFile, 'finish');

  const ratingFile = createWriteStream(`${dir}/ratings.csv`);
  await writeLine(ratingFile, 'time,agent,customer,level\n');
  const levels = ['非常满意', '非常满意', '满意', '满意', '一般', '不满意'];
  for (let i = 0; i < Math.floor(consulted.length * 0.2); i++) {
    const [customer, at] = consulted[Math.floor(rand() * consulted.length)];
    await writeLine(
      ratingFile,
      `${shanghai(at + 3_600_000)},${pickAgent().name},${customer},${levels[Math.floor(rand() * 6)]}\n`,
    );
  }
  ratingFile.end();
  await once(ratingFile, 'finish');
}
