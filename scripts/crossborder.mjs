// The cross-border example month (npm run examples writes it to examples/crossborder/): a Shopee
// Taiwan shop and an Amazon US shop sharing one Zendesk helpdesk, November 2026, seeded so the same
// bytes come every time. Orders in two currencies (TWD, USD), each export in its platform's layout
// (the dialects of src/core/import/dialects.ts); rates.csv converts TWD into USD for --rates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './synthetic.mjs';

export const CROSSBORDER_SEED = 20261101;

const SHOPS = {
  tw: { agents: ['蝦皮TW:小安', '蝦皮TW:阿凱'], offset: '+08:00', buyers: 70, orders: 120 },
  us: { agents: ['AmazonUS:Emma', 'AmazonUS:Jake'], offset: '-08:00', buyers: 50, orders: 80 },
};

const TW_PRODUCTS = [
  ['保溫杯', 590],
  ['茶葉禮盒', 1280],
  ['陶瓷茶壺', 1650],
  ['濾茶器', 220],
  ['杯墊組', 360],
];
const US_PRODUCTS = [
  ['Insulated Tumbler', 24.99],
  ['Oolong Tea Gift Box', 39.5],
  ['Ceramic Teapot', 52],
  ['Tea Strainer', 8.75],
];
const TW_STATUSES = [
  ['已完成', 14],
  ['運送中', 3],
  ['待出貨', 2],
  ['不成立', 1],
];

const two = (n) => String(n).padStart(2, '0');
/** A wall-clock time in November 2026 as "2026-11-DD HH:MM:SS" (the exports' local time). */
const wall = (day, minute) =>
  `2026-11-${two(day)} ${two(Math.floor(minute / 60))}:${two(minute % 60)}:${two((day * 7 + minute) % 60)}`;
const iso = (day, minute, offset) => `${wall(day, minute).replace(' ', 'T')}${offset}`;
const csvCell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows) => `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
const tsv = (rows) => `${rows.map((row) => row.join('\t')).join('\n')}\n`;

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function weighted(rand, list) {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of list) {
    r -= w;
    if (r < 0) return value;
  }
  return list[list.length - 1][0];
}

/** The three exports and the rate table, as file name → text. */
export function crossBorderMonth(seed = CROSSBORDER_SEED) {
  const rand = random(seed);
  const twBuyers = Array.from({ length: SHOPS.tw.buyers }, (_, i) => `tw_buyer${two(i + 1)}`);
  const usBuyers = Array.from(
    { length: SHOPS.us.buyers },
    (_, i) => `${String.fromCharCode(97 + (i % 26))}${i}x@marketplace.amazon.com`,
  );
  const tickets = [];
  const ticketOf = (shop, buyer, day, minute, agent) => {
    tickets.push({ shop, buyer, day, minute, agent });
  };

  // Shopee Taiwan: one row per product option; 買家總支付金額 is the order's, repeated on each row.
  const shopee = [
    [
      '訂單編號',
      '訂單成立日期',
      '訂單狀態',
      '退貨 / 退款狀態',
      '商品總價',
      '買家總支付金額',
      '蝦幣折抵',
      '蝦皮補貼金額',
      '成交手續費',
      '金流與系統處理費',
      '商品名稱',
      '商品選項名稱',
      '數量',
      '商品活動價格',
      '買家帳號',
    ],
  ];
  for (let n = 0; n < SHOPS.tw.orders; n++) {
    const day = 1 + Math.floor(rand() * 30);
    const minute = 9 * 60 + Math.floor(rand() * 13 * 60);
    const buyer = pick(rand, twBuyers);
    const lines = rand() < 0.25 ? 2 : 1;
    const items = Array.from({ length: lines }, () => [pick(rand, TW_PRODUCTS), 1 + Math.floor(rand() * 2)]);
    const goods = items.reduce((s, [[, price], q]) => s + price * q, 0);
    const shipping = goods >= 990 ? 0 : 60;
    const status = weighted(rand, TW_STATUSES);
    const id = `2611${two(day)}${String(1000 + n).slice(1)}TW`;
    for (const [[name, price], quantity] of items)
      shopee.push([
        id,
        wall(day, minute).slice(0, 16),
        status,
        '',
        goods,
        goods + shipping,
        0,
        0,
        Math.round(goods * 0.05),
        Math.round(goods * 0.02),
        name,
        '',
        quantity,
        price,
        buyer,
      ]);
    // Most buyers ask first: a ticket an hour or two before the order.
    if (rand() < 0.6)
      ticketOf('tw', buyer, day, Math.max(8 * 60, minute - 30 - Math.floor(rand() * 90)), null);
  }

  // Amazon US: the order report, tab-separated, one row per order item, its item-price the line's.
  const amazon = [
    [
      'order-id',
      'order-item-id',
      'purchase-date',
      'payments-date',
      'buyer-email',
      'buyer-name',
      'buyer-phone-number',
      'sku',
      'product-name',
      'quantity-purchased',
      'currency',
      'item-price',
      'item-tax',
      'shipping-price',
      'shipping-tax',
      'ship-service-level',
      'recipient-name',
      'ship-address-1',
    ],
  ];
  for (let n = 0; n < SHOPS.us.orders; n++) {
    const day = 1 + Math.floor(rand() * 30);
    const minute = 6 * 60 + Math.floor(rand() * 16 * 60);
    const buyer = pick(rand, usBuyers);
    const paid = rand() < 0.95;
    const id = `11${String(3000000 + n * 7919).padStart(7, '0')}-${String(1000000 + n * 104729).slice(0, 7)}`;
    const lines = rand() < 0.2 ? 2 : 1;
    for (let l = 0; l < lines; l++) {
      const [name, price] = pick(rand, US_PRODUCTS);
      const quantity = 1 + Math.floor(rand() * 2);
      amazon.push([
        id,
        `${id.replace(/-/g, '').slice(-8)}${l}`,
        iso(day, minute, SHOPS.us.offset),
        paid ? iso(day, minute + 3, SHOPS.us.offset) : '',
        buyer,
        `Buyer ${buyer.slice(0, 3)}`,
        '',
        `SKU-${name.slice(0, 3).toUpperCase()}`,
        name,
        quantity,
        'USD',
        (Math.round(price * quantity * 100) / 100).toFixed(2),
        '0.00',
        '0.00',
        '0.00',
        'Standard',
        'Recipient',
        'Address line',
      ]);
    }
    if (rand() < 0.55)
      ticketOf('us', buyer, day, Math.max(6 * 60, minute - 20 - Math.floor(rand() * 120)), null);
  }
  // Questions that sold nothing, after-sales questions.
  for (let n = 0; n < 60; n++) {
    const shop = rand() < 0.6 ? 'tw' : 'us';
    ticketOf(
      shop,
      pick(rand, shop === 'tw' ? twBuyers : usBuyers),
      1 + Math.floor(rand() * 30),
      8 * 60 + Math.floor(rand() * 14 * 60),
      null,
    );
  }

  // One Zendesk helpdesk for both shops: a ticket per question, its comments in turn.
  const zendesk = [
    [
      'Ticket ID',
      'Comment ID',
      'Author',
      'Author role',
      'Requester',
      'Assignee',
      'Created at',
      'Public',
      'Body',
    ],
  ];
  tickets.sort((a, b) => a.day - b.day || a.minute - b.minute || a.buyer.localeCompare(b.buyer));
  let comment = 0;
  tickets.forEach((t, i) => {
    const shop = SHOPS[t.shop];
    const agent = pick(rand, shop.agents);
    const ticket = String(50001 + i);
    const turns = 1 + Math.floor(rand() * 3);
    let minute = t.minute;
    for (let turn = 0; turn < turns; turn++) {
      zendesk.push([
        ticket,
        String(900001 + comment++),
        t.buyer,
        'end-user',
        t.buyer,
        agent,
        iso(t.day, minute, shop.offset),
        'true',
        t.shop === 'tw'
          ? ['請問有現貨嗎？', '什麼時候出貨？', '可以開發票嗎？'][turn]
          : ['Is this in stock?', 'When will it ship?', 'Can I get a receipt?'][turn],
      ]);
      // Most replies within minutes; some an hour or more later; a few never.
      const wait = rand() < 0.8 ? 1 + Math.floor(rand() * 9) : 60 + Math.floor(rand() * 180);
      if (rand() < 0.05) break;
      minute = Math.min(23 * 60 + 50, minute + wait);
      zendesk.push([
        ticket,
        String(900001 + comment++),
        agent,
        'agent',
        t.buyer,
        agent,
        iso(t.day, minute, shop.offset),
        'true',
        t.shop === 'tw' ? '您好，已為您確認。' : 'Hi, happy to help.',
      ]);
      minute = Math.min(23 * 60 + 55, minute + 2 + Math.floor(rand() * 10));
    }
  });

  return {
    'shopee-tw-orders.csv': csv(shopee),
    'amazon-us-orders.txt': tsv(amazon),
    'zendesk-tickets.csv': csv(zendesk),
    'rates.csv': 'currency,period,rate,to\nTWD,2026-11,0.031,USD\n',
  };
}

/** Writes the month into `dir`; the paths written, by file name. */
export function writeCrossBorderMonth(dir) {
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(
    Object.entries(crossBorderMonth()).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return [name, path];
    }),
  );
}
