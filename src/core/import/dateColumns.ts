import { type DateOrder, numericDateOrder } from '../time/parseTime';
import { trimCell } from './values';

/**
 * The day/month order of a file's dates written with the year last (31/05/2024, 11/01/2025 10:00:00
 * AM), decided from the file as a money column's decimal mark is from its column (docs/decisions.md,
 * "The platforms' own date formats"): a date that reads one way only (31/05/2024: day first;
 * 12/15/2025: month first) settles it, and a row whose dates read two ways (03/06/2024) waits for it,
 * held by tableReader in order. One order for all the file's time columns: one seller centre wrote
 * them all with one format (a TikTok Shop export's Paid Time as its Created Time). A file still
 * undecided when it ends leaves those dates refused: which reading is meant is not known.
 */
/** What a file's dates have told so far (DateColumns.state). */
export interface DateColumnsState {
  order: DateOrder | null;
  example: string;
  exampleColumn: string;
  waited: boolean;
}

export class DateColumns {
  /** The file's order, once a date in it reads one way only. */
  order: DateOrder | null = null;
  /** The cell that decided it, and its column, for the warnings. */
  example = '';
  exampleColumn = '';
  /** Whether a cell waits for the decision. */
  private waited = false;

  /** The time columns: their header as the file writes it, and where they are. */
  constructor(private readonly columns: readonly { header: string; at: number }[]) {}

  /** Takes in what the row's time cells tell; whether its reading waits for a decision. */
  read(cells: readonly string[]): boolean {
    if (this.order !== null) return false;
    let waits = false;
    for (const column of this.columns) {
      const text = trimCell(cells[column.at] ?? '');
      // Most exports write the year first: a slash after the third character, nothing to decide.
      const slash = text.indexOf('/');
      if (slash < 1 || slash > 2) continue;
      const said = numericDateOrder(text);
      if (said === 'dmy' || said === 'mdy') {
        this.order = said;
        this.example = text;
        this.exampleColumn = column.header;
        return false;
      }
      if (said === 'either') waits = true;
    }
    if (waits) this.waited = true;
    return waits;
  }

  /** What the dates have told so far, to read a later part of the file as its rows here would be. */
  state(): DateColumnsState {
    const { order, example, exampleColumn, waited } = this;
    return { order, example, exampleColumn, waited };
  }

  /** Takes on what `state` gave, as if the rows that told it had been read here. */
  restore(state: DateColumnsState): void {
    this.order = state.order;
    this.example = state.example;
    this.exampleColumn = state.exampleColumn;
    this.waited = state.waited;
  }

  /** Whether the rows that waited can be read. */
  ready(): boolean {
    return this.order !== null || !this.waited;
  }
}
