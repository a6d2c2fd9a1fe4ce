import type { Buckets } from './buckets';
import type { Facts } from './facts';
import type { Settings } from './settings';

/** Per-day sums for indicators over a rolling window (refunds, DSR). */
export class DailySums {
  private readonly byWho = new Map<string, Map<number, [number, number]>>();

  add(who: string, day: number, a: number, b: number) {
    let days = this.byWho.get(who);
    if (!days) {
      days = new Map();
      this.byWho.set(who, days);
    }
    const sums = days.get(day) ?? [0, 0];
    sums[0] += a;
    sums[1] += b;
    days.set(day, sums);
  }

  sumBetween(who: string, firstDay: number, lastDay: number): [number, number] {
    const days = this.byWho.get(who);
    const total: [number, number] = [0, 0];
    if (!days) return total;
    for (const [day, [a, b]] of days) {
      if (day >= firstDay && day <= lastDay) {
        total[0] += a;
        total[1] += b;
      }
    }
    return total;
  }
}

/** Refunds completed, in the order of the refund records: each one's day, hours and who completed it. */
export class DailyCompletions {
  private readonly byWho = new Map<string, { day: number; hours: number; byShop: boolean }[]>();

  add(who: string, day: number, hours: number, byShop: boolean) {
    let completions = this.byWho.get(who);
    if (!completions) {
      completions = [];
      this.byWho.set(who, completions);
    }
    completions.push({ day, hours, byShop });
  }

  /** Into the facts: the refunds completed from firstDay to lastDay, in the records' order. */
  fill(who: string, firstDay: number, lastDay: number, f: Facts) {
    f.refundsCompleted = 0;
    f.refundsCompletedByShop = 0;
    f.refundHours = [];
    for (const c of this.byWho.get(who) ?? []) {
      if (c.day < firstDay || c.day > lastDay) continue;
      f.refundsCompleted++;
      if (c.byShop) f.refundsCompletedByShop++;
      f.refundHours.push(c.hours);
    }
  }
}

/** The per-day sums of the windowed indicators, as the orders and the after-sales records left them. */
export interface WindowSums {
  /** Paid orders and those of them refunded, by payment day. */
  refunds: DailySums;
  /** Rating levels and ratings, by rating day. */
  dsr: DailySums;
  /** Disputed refunds, by application day. */
  disputes: DailySums;
  complaints: DailySums;
  /** Completed refunds, by completion day. */
  completions: DailyCompletions;
}

/**
 * Indicators over a window that ends on a period's last day rather than over the period: the
 * after-sales ones over `afterSalesWindowDays` (the whole period when null), DSR over `dsrDays`.
 * Run once every bucket is known.
 */
export function fillWindows(buckets: Buckets, sums: WindowSums, settings: Settings): void {
  for (const { who, period, facts: f } of buckets.all) {
    const lastDay = buckets.periodLastDay.get(period) ?? 0;
    const firstDay =
      settings.afterSalesWindowDays === null
        ? (buckets.periodFirstDay.get(period) ?? lastDay)
        : lastDay - settings.afterSalesWindowDays + 1;
    [f.paidForRefund, f.refundedPaid] = sums.refunds.sumBetween(who, firstDay, lastDay);
    [f.disputes] = sums.disputes.sumBetween(who, firstDay, lastDay);
    [f.complaints] = sums.complaints.sumBetween(who, firstDay, lastDay);
    sums.completions.fill(who, firstDay, lastDay, f);
    [f.dsrSum, f.dsrCount] = sums.dsr.sumBetween(who, lastDay - settings.dsrDays + 1, lastDay);
  }
}
