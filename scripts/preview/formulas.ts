import type { FakeSheet, FakeSpreadsheet } from '../../test/fakes/spreadsheet';

/**
 * The preview's formula values: what Sheets would show in a formula cell, for the formulas the add-on
 * writes (绩效's native scorecard: nested IF, comparisons, + − × ÷ over cells of its own tab and of
 * 设置 through 'Sheet'!$A$1 references; the appeals it reads from 申诉 with SUMPRODUCT, EXACT and NA
 * over 'Sheet'!$A$2:$A$1000 ranges). A range is evaluated only inside SUMPRODUCT, element by element, as
 * Sheets evaluates its arguments as arrays. Anything else (a custom function, INDIRECT, a range
 * elsewhere) is not evaluated: the preview then shows the formula's text.
 *
 * Written here rather than taken from npm: the MIT evaluators there are large and each has its own
 * reading of Sheets, while this subset is a page of code, and a test holds it to LibreOffice's
 * recalculation of the same formulas in the .xlsx (test/xlsx/workbook.test.ts).
 */

/** A spreadsheet error value (#DIV/0!, #VALUE!, #REF!), carried through as Sheets carries it. */
export class FormulaError {
  constructor(readonly code: string) {}
  toString() {
    return this.code;
  }
}

/** A formula outside the subset: the caller shows its text. */
class NotEvaluated extends Error {}

export type FormulaValue = number | string | boolean | FormulaError;

/** An empty cell: unlike the text "" a formula may give, it equals both "" and 0. */
type Operand = FormulaValue | null;

type Token = { kind: 'number' | 'string' | 'ref' | 'name' | 'op'; text: string };

/** A range's values, row by row: only SUMPRODUCT takes one. */
type Grid = Operand[][];
type Value = Operand | Grid;

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?(?![\w(]))|([A-Za-z_][\w.]*)|(<>|<=|>=|[-+*/=<>(),&]))/y;

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m) {
      if (/^\s*$/.test(formula.slice(start))) break;
      throw new NotEvaluated(formula);
    }
    if (m[1] !== undefined) tokens.push({ kind: 'number', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'string', text: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) tokens.push({ kind: 'ref', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'name', text: m[4].toUpperCase() });
    else tokens.push({ kind: 'op', text: m[5] as string });
  }
  return tokens;
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Every formula cell of a spreadsheet, evaluated on demand and remembered until the cells change. */
export function formulaValues(spreadsheet: FakeSpreadsheet) {
  const memo = new Map<string, FormulaValue | null>();
  const busy = new Set<string>();

  /** A cell's value: its content, or its formula's value; null for an empty cell. */
  const cellValue = (sheet: FakeSheet, row: number, column: number): Operand => {
    const cell = sheet.peek(row, column);
    if (cell.formula === '') return cell.value === '' ? null : (cell.value as FormulaValue);
    const value = formulaValue(sheet, row, column);
    if (value === null) throw new NotEvaluated(cell.formula);
    return value;
  };

  const reference = (own: FakeSheet, text: string): Value => {
    const bang = text.lastIndexOf('!');
    let sheet: FakeSheet | null = own;
    if (bang >= 0) {
      const quoted = text.slice(0, bang);
      const name = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
      sheet = spreadsheet.getSheets().find((s) => s.peekName() === name) ?? null;
      if (!sheet) return new FormulaError('#REF!');
    }
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(text.slice(bang + 1)) as RegExpExecArray;
    const [row, column] = [Number(m[2]), columnNumber(m[1] as string)];
    if (m[3] === undefined) return cellValue(sheet, row, column);
    const [lastRow, lastColumn] = [Number(m[4]), columnNumber(m[3])];
    const grid: Grid = [];
    for (let r = row; r <= lastRow; r++) {
      const line: Operand[] = [];
      for (let c = column; c <= lastColumn; c++) line.push(cellValue(sheet as FakeSheet, r, c));
      grid.push(line);
    }
    return grid;
  };

  function evaluate(sheet: FakeSheet, formula: string): Operand {
    const tokens = tokenize(formula.replace(/^=/, ''));
    let at = 0;
    const peek = () => tokens[at];
    const take = (text?: string) => {
      const token = tokens[at++];
      if (!token || (text !== undefined && token.text !== text)) throw new NotEvaluated(formula);
      return token;
    };
    const isOp = (...ops: string[]) => peek()?.kind === 'op' && ops.includes(peek()?.text as string);

    // Lazily: IF evaluates only the branch it takes, as Sheets does.
    type Thunk = () => Value;
    const comparison = (): Thunk => {
      const left = additive();
      if (!isOp('=', '<>', '<', '>', '<=', '>=')) return left;
      const op = take().text;
      const right = additive();
      return () => elementwise(left(), right(), (a, b) => compare(op, a, b));
    };
    const additive = (): Thunk => {
      let value = term();
      while (isOp('+', '-', '&')) {
        const op = take().text;
        const [left, right] = [value, term()];
        value = () =>
          elementwise(left(), right(), (a, b) => (op === '&' ? concat(a, b) : arithmetic(op, a, b)));
      }
      return value;
    };
    const term = (): Thunk => {
      let value = unary();
      while (isOp('*', '/')) {
        const op = take().text;
        const [left, right] = [value, unary()];
        value = () => elementwise(left(), right(), (a, b) => arithmetic(op, a, b));
      }
      return value;
    };
    const unary = (): Thunk => {
      if (isOp('-')) {
        take();
        const inner = unary();
        return () => elementwise(0, inner(), (a, b) => arithmetic('-', a, b));
      }
      if (isOp('+')) take();
      return primary();
    };
    const primary = (): Thunk => {
      const token = take();
      if (token.kind === 'number') return () => Number(token.text);
      if (token.kind === 'string') return () => token.text;
      if (token.kind === 'ref') return () => reference(sheet, token.text);
      if (token.kind === 'op' && token.text === '(') {
        const inner = comparison();
        take(')');
        return inner;
      }
      if (token.kind === 'name') {
        if (token.text === 'TRUE' || token.text === 'FALSE') return () => token.text === 'TRUE';
        take('(');
        const args: Thunk[] = [];
        if (!isOp(')')) {
          args.push(comparison());
          while (isOp(',')) {
            take();
            args.push(comparison());
          }
        }
        take(')');
        return call(token.text, args, formula);
      }
      throw new NotEvaluated(formula);
    };
    const result = comparison();
    if (at !== tokens.length) throw new NotEvaluated(formula);
    const value = result();
    // A range outside SUMPRODUCT: Sheets would take one cell of it, or spill it; not evaluated here.
    if (Array.isArray(value)) throw new NotEvaluated(formula);
    return value;
  }

  /** The value of a formula cell, or null when its formula is outside the subset. */
  function formulaValue(sheet: FakeSheet, row: number, column: number): FormulaValue | null {
    const key = `${sheet.getSheetId()}:${row}:${column}`;
    if (memo.has(key)) return memo.get(key) as FormulaValue | null;
    if (busy.has(key)) return new FormulaError('#REF!'); // a circular reference
    busy.add(key);
    let value: FormulaValue | null;
    try {
      // A formula that is a reference to an empty cell shows 0.
      value = evaluate(sheet, sheet.peek(row, column).formula) ?? 0;
    } catch (error) {
      if (!(error instanceof NotEvaluated)) throw error;
      value = null;
    } finally {
      busy.delete(key);
    }
    memo.set(key, value);
    return value;
  }

  return { formulaValue, cellValue };
}

/** A single value where Sheets wants one: a range there is outside the subset. */
function single(value: Value, formula: string): Operand {
  if (Array.isArray(value)) throw new NotEvaluated(formula);
  return value;
}

/**
 * An operator applied element by element when either side is a range (inside SUMPRODUCT), a single
 * value applying to every element; ranges of different sizes give #VALUE!, as in Sheets.
 */
function elementwise(left: Value, right: Value, op: (a: Operand, b: Operand) => Operand): Value {
  if (!Array.isArray(left) && !Array.isArray(right)) return op(left, right);
  const rows = Array.isArray(left) ? left.length : (right as Grid).length;
  const columns = Array.isArray(left) ? (left[0]?.length ?? 0) : ((right as Grid)[0]?.length ?? 0);
  const at = (v: Value, r: number, c: number) => (Array.isArray(v) ? (v[r]?.[c] ?? null) : v);
  if (
    (Array.isArray(left) && (left.length !== rows || (left[0]?.length ?? 0) !== columns)) ||
    (Array.isArray(right) && (right.length !== rows || (right[0]?.length ?? 0) !== columns))
  )
    return new FormulaError('#VALUE!');
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => op(at(left, r, c), at(right, r, c))),
  );
}

/** IF, AND, OR, SUMPRODUCT, EXACT, NA: Sheets' own, enough for the add-on's formulas. */
function call(name: string, args: (() => Value)[], formula: string): () => Value {
  if (name === 'IF' && (args.length === 2 || args.length === 3)) {
    return () => {
      const test = truth(single(args[0]?.() ?? null, formula));
      if (test instanceof FormulaError) return test;
      return test ? (args[1]?.() ?? null) : args[2] ? args[2]() : false;
    };
  }
  if ((name === 'AND' || name === 'OR') && args.length > 0) {
    return () => {
      const values = args.map((arg) => truth(single(arg(), formula)));
      const error = values.find((v) => v instanceof FormulaError);
      if (error) return error;
      return name === 'AND' ? values.every(Boolean) : values.some(Boolean);
    };
  }
  if (name === 'EXACT' && args.length === 2) {
    // Case-sensitive equality of the two values' text (Sheets: "Tests whether two strings are identical").
    return () =>
      elementwise(args[0]?.() ?? null, args[1]?.() ?? null, (a, b) => {
        if (a instanceof FormulaError) return a;
        if (b instanceof FormulaError) return b;
        const textOf = (v: Operand) =>
          v === null ? '' : typeof v === 'boolean' ? String(v).toUpperCase() : String(v);
        return textOf(a) === textOf(b);
      });
  }
  if (name === 'NA' && args.length === 0) return () => new FormulaError('#N/A');
  if (name === 'SUMPRODUCT' && args.length > 0) {
    // The arrays multiplied element by element and summed; an element that is not a number (text, a
    // boolean, an empty cell) counts as 0, as in Sheets and LibreOffice; an error is the result.
    return () => {
      const grids = args.map((arg) => {
        const v = arg();
        return Array.isArray(v) ? v : [[v]];
      });
      const [first] = grids as [Grid];
      const rows = first.length;
      const columns = first[0]?.length ?? 0;
      if (grids.some((g) => g.length !== rows || (g[0]?.length ?? 0) !== columns))
        return new FormulaError('#VALUE!');
      let sum = 0;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++) {
          let product = 1;
          for (const g of grids) {
            const v = g[r]?.[c] ?? null;
            if (v instanceof FormulaError) return v;
            product *= typeof v === 'number' ? v : 0;
          }
          sum += product;
        }
      return sum;
    };
  }
  throw new NotEvaluated(formula);
}

function truth(value: Operand): boolean | FormulaError {
  if (value === null) return false;
  if (value instanceof FormulaError) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === '') return false;
  const upper = value.toUpperCase();
  return upper === 'TRUE' ? true : upper === 'FALSE' ? false : new FormulaError('#VALUE!');
}

/** A value in arithmetic: an empty cell is 0, a number written as text is read, other text is #VALUE!. */
function numeric(value: Operand): number | FormulaError {
  if (value === null) return 0;
  if (value instanceof FormulaError) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === '') return 0;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function arithmetic(op: string, left: Operand, right: Operand): FormulaValue {
  const a = numeric(left);
  const b = numeric(right);
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  return b === 0 ? new FormulaError('#DIV/0!') : a / b;
}

function concat(left: Operand, right: Operand): FormulaValue {
  if (left instanceof FormulaError) return left;
  if (right instanceof FormulaError) return right;
  return `${left ?? ''}${right ?? ''}`;
}

/**
 * Comparisons as Sheets makes them: an empty cell is "" beside text, 0 beside a number, FALSE beside
 * a boolean (so it equals both "" and 0, while 0 does not equal ""); numbers compare as numbers, text
 * without regard to case; a number is less than any text, text less than a boolean.
 */
function compare(op: string, left: Operand, right: Operand): FormulaValue {
  if (left instanceof FormulaError) return left;
  if (right instanceof FormulaError) return right;
  const emptyBeside = (other: Operand) =>
    typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : '';
  const a = left ?? emptyBeside(right);
  const b = right ?? emptyBeside(left);
  const rank = (v: number | string | boolean) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let order: number;
  if (rank(a) !== rank(b)) order = rank(a) - rank(b);
  else if (typeof a === 'string') order = a.toUpperCase().localeCompare(String(b).toUpperCase());
  else order = Number(a) - Number(b);
  if (op === '=') return order === 0;
  if (op === '<>') return order !== 0;
  if (op === '<') return order < 0;
  if (op === '>') return order > 0;
  if (op === '<=') return order <= 0;
  return order >= 0;
}
