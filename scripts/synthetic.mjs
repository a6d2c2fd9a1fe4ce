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

/** Bump when the generated files change shape, so cached benchmark data is made anew. */
export const GENERATOR_VERSION = 2;

export const AGENTS = [
  { name: '旗舰店:小美', replySeconds: 12, autoShare: 0.05, weight: 1.4 },
  { name: '旗舰店:小王', replySeconds: 25, autoShare: 0.1, weight: 1.2 },
  {
    name: '旗舰店:阿杰',
    replySeconds: 45,
    autoShare: 0.05,
    weight: 1,
    transferTo: '旗舰店:小王',
    transferShare: 0.15,
  },
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

/** How records are written: the canonical columns, or the Taobao back-end's own exports. */
const LAYOUTS = {
  canonical: {
    files: { chats: 'chats.csv', orders: 'orders.csv', ratings: 'ratings.csv' },
    chatHeader: 'time,agent,customer,from,text,session,auto,transfer',
    chat: (m) =>
      `${shanghai(m.time)},${m.agent},${m.customer},${m.from},${m.text},${m.session},${m.auto},${m.transfer ? 'out' : ''}`,
    orderHeader: 'order_id,customer,created_at,paid_at,amount,items,status,refund_amount,cod',
    order: (o) =>
      `${o.id},${o.customer},${shanghai(o.created)},${o.paid === null ? '' : shanghai(o.paid)},${o.amount},${o.items},${o.status},${o.refund},${o.cod}`,
    ratingHeader: 'time,agent,customer,level',
    rating: (r) => `${shanghai(r.time)},${r.agent},${r.customer},${r.level}`,
  },
  taobao: {
    files: { chats: 'qianniu-chats.csv', orders: 'taobao-orders.csv', ratings: 'service-ratings.csv' },
    // 千牛 chat records: 发送方 买家/客服, 是否自动回复 是/否, 转接 转出 when the agent handed over.
    chatHeader: '会话ID,发送时间,客服账号,买家昵称,发送方,消息内容,是否自动回复,转接',
    chat: (m) =>
      `${m.session},${shanghai(m.time)},${m.agent},${m.customer},${m.from === 'customer' ? '买家' : '客服'},${m.text},${m.auto ? '是' : '否'},${m.transfer ? '转出' : ''}`,
    // 淘宝订单报表: order numbers written as ="…" (as exports do for Excel), one row per SKU for some
    // orders, receiver columns that the importer must never read.
    orderHeader:
      '订单编号,买家会员名,买家应付货款,总金额,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额,是否货到付款',
    order: (o) =>
      `="${o.id}",${o.customer},${o.amount},${o.amount},${o.paid === null && !o.cod ? '0.00' : o.amount},${o.status},张*,浙江省杭州市西湖区***,138****${o.id.slice(-4)},${shanghai(o.created)},${o.paid === null ? '' : shanghai(o.paid)},${o.title},${o.items},${o.refund},${o.cod ? '是' : '否'}`,
    ratingHeader: '评价时间,客服账号,买家昵称,评价结果,评价内容,订单编号',
    rating: (r) =>
      `${shanghai(r.time)},${r.agent},${r.customer},${r.level},${r.level === '不满意' ? '回复太慢' : '服务很好'},`,
  },
};

const TITLES = ['纯棉T恤', '休闲短裤', '运动袜三双装', '防晒衣', '帆布包'];

/**
 * Writes a chat, an order and a rating export to `dir` with about `messages` chat messages and
 * `orders` orders over `days` days from 2026-10-01 (Shanghai). Returns the file paths.
 */
export async function writeSyntheticMonth(
  dir,
  { messages = 10_000, orders = 1_000, days = 30, seed = 20261001, layout = 'canonical' } = {},
) {
  const form = LAYOUTS[layout];
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
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
  const writeLine = async (stream, line) => {
    if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  };
  const open = async (file, header) => {
    const stream = createWriteStream(`${dir}/${file}`);
    await writeLine(stream, header);
    return stream;
  };
  const close = async (stream) => {
    stream.end();
    await once(stream, 'finish');
  };

  const chats = await open(form.files.chats, form.chatHeader);
  const consulted = [];
  let written = 0;
  let session = 0;
  const say = async (message) => {
    await writeLine(chats, form.chat(message));
    written++;
  };
  while (written < messages) {
    let agent = pickAgent();
    const customer = `buyer${Math.floor(rand() * Math.max(10, messages / 6))}`;
    // Busy in the day, quiet at night.
    const day = Math.floor(rand() * days);
    const hour = rand() < 0.9 ? 9 + Math.floor(rand() * 14) : Math.floor(rand() * 9);
    let t = start + day * 86_400_000 + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
    session++;
    consulted.push([customer, t]);
    const rounds = 1 + Math.floor(rand() * 3);
    for (let round = 0; round < rounds && written < messages; round++) {
      await say({
        time: t,
        agent: agent.name,
        customer,
        from: 'customer',
        text: pick(CUSTOMER_LINES),
        session,
        auto: false,
      });
      if (rand() < agent.autoShare && written < messages) {
        await say({
          time: t + 1000,
          agent: agent.name,
          customer,
          from: 'agent',
          text: '[自动回复]亲，在的',
          session,
          auto: true,
        });
      }
      if (rand() < 0.97 && written < messages) {
        t += Math.round(agent.replySeconds * (0.2 + rand() * 1.6) * 1000);
        await say({
          time: t,
          agent: agent.name,
          customer,
          from: 'agent',
          text: pick(AGENT_LINES),
          session,
          auto: false,
        });
      }
      // Some agents hand customers over to a colleague: a new session with the other account.
      if (agent.transferTo && rand() < agent.transferShare && written < messages) {
        t += 5000;
        await say({
          time: t,
          agent: agent.name,
          customer,
          from: 'agent',
          text: '亲，为您转接售后同事',
          session,
          auto: false,
          transfer: true,
        });
        agent = AGENTS.find((a) => a.name === agent.transferTo) ?? agent;
        session++;
      }
      t += Math.round((20 + rand() * 300) * 1000);
    }
  }
  await close(chats);

  const orderFile = await open(form.files.orders, form.orderHeader);
  for (let i = 0; i < orders; i++) {
    const fromChat = rand() < 0.7 && consulted.length > 0;
    const [customer, consultedAt] = fromChat
      ? pick(consulted)
      : [`silent${Math.floor(rand() * orders)}`, start + Math.floor(rand() * days * 86_400_000)];
    const created = consultedAt + Math.floor(rand() * 2 * 86_400_000);
    const cod = rand() < 0.03;
    const paid = !cod && rand() < 0.86 ? created + Math.floor(rand() * 600_000) : null;
    const items = 1 + Math.floor(rand() * 3);
    const amount = (items * (29 + Math.floor(rand() * 170))).toFixed(2);
    const refund = paid !== null && rand() < 0.08 ? amount : '0';
    const status = paid === null && !cod ? '等待买家付款' : refund !== '0' ? '交易关闭' : '交易成功';
    const order = {
      id: String(3_000_000_000_000_000_000n + BigInt(i)),
      customer,
      created,
      paid,
      amount,
      items,
      status,
      refund,
      cod,
    };
    // One order in ten is written one row per SKU: the items split, the order's amounts repeated.
    if (layout === 'taobao' && items > 1 && rand() < 0.3) {
      await writeLine(orderFile, form.order({ ...order, items: 1, title: TITLES[0] }));
      await writeLine(orderFile, form.order({ ...order, items: items - 1, title: TITLES[1] }));
    } else {
      await writeLine(orderFile, form.order({ ...order, title: pick(TITLES) }));
    }
  }
  await close(orderFile);

  const ratingFile = await open(form.files.ratings, form.ratingHeader);
  const levels = ['非常满意', '非常满意', '满意', '满意', '一般', '不满意'];
  for (let i = 0; i < Math.floor(consulted.length * 0.2); i++) {
    const [customer, at] = pick(consulted);
    await writeLine(
      ratingFile,
      form.rating({ time: at + 3_600_000, agent: pickAgent().name, customer, level: pick(levels) }),
    );
  }
  await close(ratingFile);
  return Object.fromEntries(Object.entries(form.files).map(([kind, file]) => [kind, `${dir}/${file}`]));
}
