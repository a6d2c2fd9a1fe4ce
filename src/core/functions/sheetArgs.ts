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
 * Applies `compute` cell by cell to numeric arguments of the same shape, where any argument may be a
 * single value that applies to every cell, as Sheets' array arithmetic does. A blank in any argument
 * gives an empty cell.
 */
export function mapCells(
  functionName: string,
  args: readonly (readonly [string, SheetArg])[],
  compute: (values: number[], at: { row: number; column: number }) => number | null,
): SheetResult {
  const grids = args.map(([name, arg]) => readNumberGrid(functionName, name, arg));
  const shapes = grids.map(shapeOf);
  const isSingle = (shape: Shape) => shape.rows === 1 && shape.columns === 1;
  const ranged = shapes.map((shape, i) => [shape, i] as const).filter(([shape]) => !isSingle(shape));
  const [first] = ranged;
  for (const [shape, i] of ranged) {
    if (first && (shape.rows !== first[0].rows || shape.columns !== first[0].columns)) {
      throw new FormulaInputError(
        functionName,
        `${args[first[1]]?.[0]} is ${describeShape(first[0])} but ${args[i]?.[0]} is ${describeShape(shape)}; give ranges of the same size, or a single value.`,
      );
    }
  }
  const out = first ? first[0] : { rows: 1, columns: 1 };
  const cells: SheetCell[][] = [];
  for (let r = 0; r < out.rows; r++) {
    const row: SheetCell[] = [];
    for (let c = 0; c < out.columns; c++) {
      const values = grids.map(
        (grid, i) => (isSingle(shapes[i] as Shape) ? grid[0]?.[0] : grid[r]?.[c]) ?? null,
      );
      row.push(
        values.some((v) => v === null)
          ? ''
          : toCell(compute(values as number[], { row: r + 1, column: c + 1 })),
      );
    }
    cells.push(row);
  }
  return toSheetResult(cells);
}

/** mapCells for two arguments. */
export function mapPairwise(
  functionName: string,
  first: readonly [string, SheetArg],
  second: readonly [string, SheetArg],
  compute: (a: number, b: number, at: { row: number; column: number }) => number | null,
): SheetResult {
  return mapCells(functionName, [first, second], ([a, b], at) => compute(a as number, b as number, at));
}
