/**
 * Sheets' calling conventions for custom functions, as plain data: a cell arrives as its value, a
 * range as rows of columns, an empty cell as "". Values may come from another JavaScript realm (the
 * Apps Script runtime, or node:vm in tests), so nothing here relies on `instanceof`.
 */

export type SheetScalar = number | string | boolean | Date | null | undefined;
export type SheetArg = SheetScalar | readonly SheetScalar[] | readonly (readonly SheetScalar[])[];
/** What a custom function returns: "" is an empty cell. */
export type SheetCell = number | string;
export type SheetResult = SheetCell | SheetCell[][];

export type Grid = readonly (readonly SheetScalar[])[];

/** An error whose message Sheets shows in the cell's #ERROR! tooltip; it names function and argument. */
export class FormulaInputError extends Error {
  constructor(functionName: string, message: string) {
    super(`${functionName}: ${message}`);
    this.name = 'FormulaInputError';
  }
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isBlank(value: SheetScalar): boolean {
  return value === '' || value === null || value === undefined;
}

/** Any argument as a grid: a scalar is 1×1, a flat array (array literals built in code) is one row. */
export function toGrid(arg: SheetArg): Grid {
  if (!Array.isArray(arg)) return [[arg as SheetScalar]];
  if (arg.length === 0) return [[]];
  if (arg.every((row) => Array.isArray(row))) return arg as Grid;
  return [arg as readonly SheetScalar[]];
}

export interface Shape {
  rows: number;
  columns: number;
}

export function shapeOf(grid: Grid): Shape {
  return { rows: grid.length, columns: grid[0]?.length ?? 0 };
}

export function describeShape(shape: Shape): string {
  return `${shape.rows}×${shape.columns}`;
}

/** Where a value sits, in the words a spreadsheet user reads: the argument and, for a range, the cell. */
export interface ArgumentPlace {
  functionName: string;
  argument: string;
  row: number;
  column: number;
  isRange: boolean;
}

function placeText(place: ArgumentPlace): string {
  return place.isRange
    ? `${place.argument} (row ${place.row}, column ${place.column} of the range)`
    : place.argument;
}

/**
 * A number from a cell, or null for an empty cell. Text, dates and booleans are refused rather than
 * guessed at: a pay figure computed from a misread cell is worse than an error the user can fix.
 */
export function readNumber(value: SheetScalar, place: ArgumentPlace): number | null {
  if (isBlank(value)) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new FormulaInputError(place.functionName, `${placeText(place)} is not a finite number.`);
  }
  const found = isDate(value)
    ? 'a date'
    : typeof value === 'boolean'
      ? `the logical value ${value ? 'TRUE' : 'FALSE'}`
      : `the text "${String(value).slice(0, 40)}"`;
  throw new FormulaInputError(
    place.functionName,
    `${placeText(place)} holds ${found}; enter a number or leave the cell empty.`,
  );
}

/** Reads every cell of an argument as a number (null for empty cells). */
export function readNumberGrid(functionName: string, argument: string, arg: SheetArg): (number | null)[][] {
  const grid = toGrid(arg);
  const isRange = Array.isArray(arg);
  const width = shapeOf(grid).columns;
  return grid.map((row, r) => {
    if (row.length !== width) {
      throw new FormulaInputError(functionName, `${argument} has rows of different lengths.`);
    }
    return row.map((value, c) =>
      readNumber(value, { functionName, argument, row: r + 1, column: c + 1, isRange }),
    );
  });
}

/** A 1×1 result is a single cell; anything larger spills as rows of columns. */
export function toSheetResult(cells: SheetCell[][]): SheetResult {
  const only = cells.length === 1 && cells[0]?.length === 1 ? cells[0][0] : undefined;
  return only === undefined ? cells : only;
}

/** null (an empty rate) becomes "" so the cell shows empty, never 0. */
export function toCell(value: number | null): SheetCell {
  return value === null ? '' : value;
}

/**
 * Applies `compute` cell by cell to two numeric arguments of the same shape, or to one range and one
 * single value (which then applies to every cell), as Sheets' array arithmetic does. A blank on
 * either side gives an empty cell.
 */
export function mapPairwise(
  functionName: string,
  [firstName, firstArg]: readonly [string, SheetArg],
  [secondName, secondArg]: readonly [string, SheetArg],
  compute: (first: number, second: number, at: { row: number; column: number }) => number | null,
): SheetResult {
  const first = readNumberGrid(functionName, firstName, firstArg);
  const second = readNumberGrid(functionName, secondName, secondArg);
  const firstShape = shapeOf(first);
  const secondShape = shapeOf(second);
  const isSingle = (shape: Shape) => shape.rows === 1 && shape.columns === 1;
  const sameShape = firstShape.rows === secondShape.rows && firstShape.columns === secondShape.columns;
  if (!sameShape && !isSingle(firstShape) && !isSingle(secondShape)) {
    throw new FormulaInputError(
      functionName,
      `${firstName} is ${describeShape(firstShape)} but ${secondName} is ${describeShape(secondShape)}; give ranges of the same size, or a single value for one of them.`,
    );
  }
  const out = isSingle(firstShape) ? secondShape : firstShape;
  const cells: SheetCell[][] = [];
  for (let r = 0; r < out.rows; r++) {
    const row: SheetCell[] = [];
    for (let c = 0; c < out.columns; c++) {
      const a = isSingle(firstShape) ? first[0]?.[0] : first[r]?.[c];
      const b = isSingle(secondShape) ? second[0]?.[0] : second[r]?.[c];
      row.push(a == null || b == null ? '' : toCell(compute(a, b, { row: r + 1, column: c + 1 })));
    }
    cells.push(row);
  }
  return toSheetResult(cells);
}
