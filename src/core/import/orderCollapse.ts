import type { RecordOf } from './records';
import type { ImportWarning } from './warnings';

export type OrderRow = RecordOf['orders'];

/** Which money fields an export gives per line (sub-order), to be summed over an order's lines. */
export interface PerLine {
  amount: boolean;
  refundAmount: boolean;
}

/** What tells two rows of one order apart: the sub-order ID, or else all the row's cells. */
const partOf = (row: OrderRow) => row.subOrderId ?? `row:${row.rowPrint}`;

/**
 * One order per order ID, as the rows are read: SKU rows add their items (and per-line amounts);
 * order-level values come from the first row that has them; a row read twice counts once. Collapsing
 * as the rows come spares holding every row in a list and a second pass over them afterwards.
 */
export class OrderCollapser {
  /** In the order their first rows came. */
  readonly orders: OrderRow[] = [];
  /** Rows that repeated one already read (same order ID and sub-order, or the same row twice). */
  duplicates = 0;
  private readonly places = new OrderPlaces();
  // Most orders have one row: a set of parts is made only for an order that repeats, and nothing else
  // per order but its place in the list.
  private readonly partsAt = new Map<number, Set<string>>();

  constructor(
    private readonly perLine: PerLine,
    private readonly warnings: ImportWarning[],
    private readonly file: string,
  ) {}

  add(row: OrderRow): void {
    const orders = this.orders;
    const at = this.places.get(row.orderId);
    if (at === undefined) {
      this.places.set(row.orderId, orders.length);
      orders.push(row);
      return;
    }
    let parts = this.partsAt.get(at);
    if (!parts) {
      const first = orders[at] as OrderRow;
      parts = new Set([partOf(first)]);
      this.partsAt.set(at, parts);
      orders[at] = { ...first }; // the row read stays as read
    }
    const part = partOf(row);
    if (parts.has(part)) {
      this.duplicates++;
      return;
    }
    parts.add(part);
    const order = orders[at] as OrderRow;
    if (
      !this.perLine.amount &&
      order.amount !== row.amount &&
      row.amount !== 0 &&
      order.amount !== 0 &&
      row.subOrderId === null
    ) {
      this.warnings.push({
        file: this.file,
        row: row.row ?? 0,
        column: 'amount',
        message: `order ${row.orderId} appears on several rows with different amounts; the first row's amount is used (order-level amounts are not summed)`,
      });
    }
    order.items += row.items;
    order.customer ??= row.customer;
    order.createdAt ??= row.createdAt;
    order.paidAt ??= row.paidAt;
    if (this.perLine.amount) order.amount += row.amount;
    else if (order.amount === 0 && row.amount !== 0) order.amount = row.amount;
    if (this.perLine.refundAmount) order.refundAmount += row.refundAmount;
    else if (order.refundAmount === 0 && row.refundAmount !== 0) order.refundAmount = row.refundAmount;
  }
}

/**
 * Each order ID's place in the list. A short run of digits (an anonymized report numbers its orders
 * 1, 2, 3…) is an array index, which a null-prototype object finds six times faster than a Map; a real
 * order number has 16 to 19 digits, which such an object finds slower than a Map does.
 */
class OrderPlaces {
  private readonly byIndex: Record<string, number | undefined> = Object.create(null);
  private readonly byId = new Map<string, number>();

  get(id: string): number | undefined {
    return isShortIndex(id) ? this.byIndex[id] : this.byId.get(id);
  }

  set(id: string, place: number): void {
    if (isShortIndex(id)) this.byIndex[id] = place;
    else this.byId.set(id, place);
  }
}

/** Up to nine digits without a leading zero: what JavaScript takes for an array index. */
function isShortIndex(id: string): boolean {
  if (id.length === 0 || id.length > 9 || (id.charCodeAt(0) === 48 && id.length > 1)) return false;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
