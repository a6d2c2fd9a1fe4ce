import { type DecimalMark, markEvidence, trimCell } from './values';

/** What a money column's cells have told so far (MoneyColumns.state): what later rows are read by. */
export interface MoneyColumnState {
  /** '.' as soon as a cell can only be read with a decimal point; ',' once the file ends with only commas. */
  mark: DecimalMark | null;
  /** Settled: a point was seen (a comma column is only known at the end, when no point came). */
  settled: boolean;
  /** A cell that showed the mark, for the warnings. */
  example: string;
  /** Whether a cell waits for the decision (a decimal comma, or a separator that reads both ways). */
  waited: boolean;
}

interface MoneyColumn extends MoneyColumnState {
  field: string;
  at: number;
}

/**
 * The decimal mark of each money column, decided from the column's cells (docs/decisions.md, "Amounts
 * read only when sure"): a column whose amounts with a fraction all have a decimal comma ("12,50",
 * "1.234,50") is a comma column; any amount that can only be read with a decimal point ("138.00",
 * "1,234.50") makes it a point column. A row whose reading depends on the decision ("1,234", "12,50")
 * waits until it is made: tableReader holds rows from the first such row on, in order, until each
 * column they wait for has seen a point, or the file ends.
 */
export class MoneyColumns {
  private readonly columns: MoneyColumn[];

  constructor(fields: readonly { field: string; at: number }[]) {
    this.columns = fields.map(({ field, at }) => ({
      field,
      at,
      mark: null,
      settled: false,
      example: '',
      waited: false,
    }));
  }

  /** Takes in what the row's money cells tell; whether its reading waits for a decision. */
  read(cells: readonly string[]): boolean {
    let waits = false;
    for (const column of this.columns) {
      if (column.settled) continue;
      const text = trimCell(cells[column.at] ?? '');
      if (text === '') continue;
      const mark = markEvidence(text);
      if (mark === '.') {
        column.mark = '.';
        column.settled = true;
        column.example = text;
      } else if (mark === ',' || mark === 'either') {
        if (mark === ',' && column.example === '') column.example = text;
        column.waited = true;
        waits = true;
      }
    }
    return waits;
  }

  /** Whether every column a row waited for is decided. */
  ready(): boolean {
    return this.columns.every((column) => column.settled || !column.waited);
  }

  /** The file has ended: a column that saw decimal commas and no point is a comma column. */
  finish(): void {
    for (const column of this.columns) {
      if (column.settled) continue;
      if (column.example !== '') column.mark = ',';
      column.settled = true;
    }
  }

  /** What each column's cells have told so far, to read a later part of the file as its rows here would be. */
  state(): MoneyColumnState[] {
    return this.columns.map(({ mark, settled, example, waited }) => ({ mark, settled, example, waited }));
  }

  /** Takes on what `state` gave, as if the rows that told it had been read here. */
  restore(states: readonly MoneyColumnState[]): void {
    this.columns.forEach((column, i) => {
      Object.assign(column, states[i]);
    });
  }

  /** The column's decimal mark (null: no amount in it has a fraction that says) and a cell showing it. */
  of(field: string): { mark: DecimalMark | null; example: string } | undefined {
    // A loop rather than find: read for every money cell, and makes no closure.
    for (const column of this.columns) if (column.field === field) return column;
    return undefined;
  }
}
