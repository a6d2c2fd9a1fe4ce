import { localDay, monthLabel } from '../time/zone';
import { INDICATORS } from './catalog';
import type { Order } from './model';
import type { ReportRows, Row } from './reportRows';

/**
 * Several currencies (docs/decisions.md, "Several currencies"): amounts of different currencies are
 * never added. A report whose orders are in more than one currency shows its money figures per
 * currency (the main rows leave them empty), unless a rate table converts every order into one report
 * currency, and then it states the rates it used.
 */

/** The indicators that add amounts up, or divide such sums: never over two currencies. */
export const MONEY_INDICATORS: readonly string[] = INDICATORS.filter(
  (i) => i.unit === 'money' || i.id === 'sales_share',
).map((i) => i.id);

/** The label of orders whose export says no currency. */
export const UNKNOWN_CURRENCY = '?';

/** One currency's money figures: the rows of the report, with only the money indicators. */
export interface CurrencyRows {
  currency: string;
  /** Orders in this currency. */
  orders: number;
  agents: Row[];
  team: Row;
  shop: Row;
  teamByPeriod?: Row[];
  shopByPeriod?: Row[];
}

/** A rate: one unit of `currency` is `rate` units of the report currency, in `period` (YYYY-MM, or all). */
export interface Rate {
  currency: string;
  period: string;
  rate: number;
}

/** What a converted report says of its conversion: the currency, and each rate used with its orders. */
export interface Conversion {
  to: string;
  rates: (Rate & { orders: number })[];
}

export interface RateTable {
  /** The report currency every amount is converted into. */
  to: string;
  rates: readonly Rate[];
}

/** A rate table that cannot be used, or orders it has no rate for: the report is refused. */
export class RatesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RatesError';
  }
}

/** The currencies of the orders, sorted, an order without one as UNKNOWN_CURRENCY. */
export function currenciesOf(orders: readonly Order[]): string[] {
  const seen = new Set<string>();
  for (const order of orders) seen.add(order.currency ?? UNKNOWN_CURRENCY);
  return [...seen].sort();
}

/** The month an order's amount belongs to: its payment, or else its placing, on its shop's clock. */
function monthOf(order: Order, zone: string): string | null {
  const time = order.paidAt ?? order.createdAt;
  return time === null ? null : monthLabel(localDay(order.zone ?? zone, time));
}

/** Cents of the report currency: a converted amount is rounded to them (half away from zero). */
const toCents = (value: number) => (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;

/**
 * Orders into the report currency one at a time, at the rate of each one's currency and month (a rate
 * for `all` where the month has none); the report currency's own orders unchanged. An order without a
 * currency, or one whose currency and month the table has no rate for, refuses the whole report once
 * every order is seen (`finish`): the JS engine converts a list, the command line's DuckDB each order
 * as it is read.
 */
export class OrderConversion {
  private readonly used = new Map<Rate, number>();
  private readonly missing = new Map<string, number>();
  /** The first order that says no currency. */
  private noCurrency: Order | null = null;

  constructor(
    readonly table: RateTable,
    private readonly zone: string,
  ) {}

  convert(order: Order): Order {
    const { table } = this;
    const currency = order.currency;
    if (currency === undefined) {
      this.noCurrency ??= order;
      return order;
    }
    if (currency === table.to) return order;
    const month = monthOf(order, this.zone);
    const rate =
      table.rates.find((r) => r.currency === currency && r.period === month) ??
      table.rates.find((r) => r.currency === currency && r.period === 'all');
    if (!rate) {
      const key = `${currency} ${month ?? '(no date)'}`;
      this.missing.set(key, (this.missing.get(key) ?? 0) + 1);
      return order;
    }
    this.used.set(rate, (this.used.get(rate) ?? 0) + 1);
    return {
      ...order,
      amount: toCents(order.amount * rate.rate),
      refundAmount: toCents(order.refundAmount * rate.rate),
      currency: table.to,
    };
  }

  /** The rates used and their orders; a RatesError for an order no rate could convert. */
  finish(): Conversion {
    const { table, missing, noCurrency: order } = this;
    if (order)
      throw new RatesError(
        `order ${order.orderId} (row ${order.row ?? '?'}) says no currency, so no rate can convert it: give the export's currency column (--map currency=COLUMN), or report without --rates.`,
      );
    if (missing.size > 0)
      throw new RatesError(
        `the rate table has no rate to ${table.to} for ${[...missing].map(([key, n]) => `${key} (${n} order${n === 1 ? '' : 's'})`).join(', ')}: add a row for each (currency,period,rate,to, such as ${[...missing.keys()][0]?.split(' ')[0]},${[...missing.keys()][0]?.split(' ')[1]},RATE,${table.to}), or a row with period all.`,
      );
    const rates = [...this.used]
      .map(([rate, n]) => ({ ...rate, orders: n }))
      .sort((a, b) => a.currency.localeCompare(b.currency) || a.period.localeCompare(b.period));
    return { to: table.to, rates };
  }
}

/** Whether a rate table converts these currencies (currenciesOf): some are not its report currency. */
export function converts(table: RateTable | undefined, currencies: readonly string[]): table is RateTable {
  return table !== undefined && (currencies.length > 1 || (currencies[0] ?? table.to) !== table.to);
}

/** Every order's amounts in the report currency (OrderConversion), and what the report says of it. */
export function convertOrders(
  orders: readonly Order[],
  table: RateTable,
  zone: string,
): { orders: Order[]; conversion: Conversion } {
  const conversion = new OrderConversion(table, zone);
  const converted = orders.map((order) => conversion.convert(order));
  return { orders: converted, conversion: conversion.finish() };
}

/** A row with only its agent, period and money figures (and their low-sample flags). */
function moneyRow(row: Row): Row {
  const kept: Row = {};
  if (row.agent !== undefined) kept.agent = row.agent;
  if (row.period !== undefined) kept.period = row.period;
  for (const id of MONEY_INDICATORS) kept[id] = row[id] ?? null;
  kept.low_sample = (row.low_sample ?? []).filter((id) => MONEY_INDICATORS.includes(id));
  return kept;
}

/** One currency's report, cut to its money figures. */
export function currencyRows(currency: string, orders: number, report: ReportRows): CurrencyRows {
  const rows: CurrencyRows = {
    currency,
    orders,
    agents: report.agents.map(moneyRow),
    team: moneyRow(report.team),
    shop: moneyRow(report.shop),
  };
  if (report.teamByPeriod) rows.teamByPeriod = report.teamByPeriod.map(moneyRow);
  if (report.shopByPeriod) rows.shopByPeriod = report.shopByPeriod.map(moneyRow);
  return rows;
}

/** The report's money figures emptied: they would add currencies together. */
export function withoutMoney(report: ReportRows): void {
  const rows = [
    report.team,
    report.shop,
    ...report.agents,
    ...(report.teamByPeriod ?? []),
    ...(report.shopByPeriod ?? []),
  ];
  for (const row of rows) {
    for (const id of MONEY_INDICATORS) row[id] = null;
    if (row.low_sample) row.low_sample = row.low_sample.filter((id) => !MONEY_INDICATORS.includes(id));
  }
}
