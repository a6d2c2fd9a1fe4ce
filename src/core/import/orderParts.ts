import type { OrderRow } from './orderCollapse';
import { PREVIEW_ROWS, type PreviewRow, type ReadingContext, type TableImport } from './tableReader';
import type { ImportWarning } from './warnings';

/**
 * An order export read in two parts (the command line's, on two cores) joined into what reading it in
 * one piece gives. The second part's rows are not collapsed where they are read: an order's rows may
 * lie on both sides of the cut, and a row may repeat one before it anywhere in the file. They are
 * added, in file order, to the first part's orders left open (RowsRequest.continues), so that
 * collapsing, duplicates, the warnings of orders of several amounts and the refusal of an order as a
 * whole are those of one reading.
 */
export interface OrderJoin {
  /** The later part's rows' orders, uncollapsed, in file order, rows numbered as in the whole file. */
  add(order: OrderRow): void;
  /** The whole file's import, once every row of the later part is added. */
  finish(later: LaterOrderPart): TableImport<'orders'>;
}

/** What else the later part's reading gave, rows numbered as in the whole file. */
export interface LaterOrderPart {
  /** Its warnings, in row order. */
  warnings: readonly ImportWarning[];
  /** Its data rows. */
  rows: number;
  /** Its first data rows. */
  firstRows: readonly PreviewRow[];
}

/**
 * Opens the first part's orders to the later part's rows; null when the later part was read in another
 * context (RowsRequest.resume) than the one the first part ends in (a decimal mark or a day/month order
 * the first part's rows decided otherwise, or rows still waiting for one): read the file in one piece.
 */
export function joinOrderParts(first: TableImport<'orders'>, readIn: ReadingContext): OrderJoin | null {
  const { openOrders, context, ...rest } = first;
  if (!openOrders) throw new Error(`${first.file}: the first part was not read as one (continues)`);
  if (context == null || JSON.stringify(context) !== JSON.stringify(readIn)) return null;
  // The collapser adds to and settles the first part's own list of warnings (tableReader.ts). What the
  // later rows say of orders goes after the later part's own warnings, as in one reading.
  const warnings = first.warnings;
  const later = warnings.length;
  return {
    add: (order) => openOrders.add(order),
    finish: (part) => {
      const collapsing = warnings.splice(later);
      for (const warning of part.warnings) warnings.push(warning);
      for (const warning of collapsing) warnings.push(warning);
      const records = openOrders.finish();
      warnings.sort((a, b) => a.row - b.row);
      return {
        ...rest,
        records,
        warnings,
        rows: first.rows + part.rows,
        duplicates: openOrders.duplicates,
        firstRows: [...first.firstRows, ...part.firstRows].slice(0, PREVIEW_ROWS),
      };
    },
  };
}
