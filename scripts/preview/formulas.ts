import type { FakeSheet, FakeSpreadsheet } from '../../test/fakes/spreadsheet';

/**
 * The preview's formula values: what Sheets would show in a formula cell, for the formulas the add-on
 * writes (绩效's native scorecard: nested IF, comparisons, + − × ÷ over cells of its own tab and of
 * 设置 through 'Sheet'!$A$1 references). Anything else (a custom function, INDIRECT, a range) is not
 * evaluated: the preview then shows the formula's text, as it did for every formula before.
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

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]+\$?\d+|\$?[A-Z]+\$?\d+(?![\w(]))|([A-Za-z_][\w.]*)|(<>|<=|>=|[-+*/=<>(),&]))/y;

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

  const reference = (own: FakeSheet, text: string): Operand => {
    const bang = text.lastIndexOf('!');
    let sheet: FakeSheet | null = own;
    if (bang >= 0) {
      const quoted = text.slice(0, bang);
      const name = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
      sheet = spreadsheet.getSheets().find((s) => s.peekName() === name) ?? null;
      if (!sheet) return new FormulaError('#REF!');
    }
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(text.slice(bang + 1)) as RegExpExecArray;
    return cellValue(sheet, Number(m[2]), columnNumber(m[1] as string));
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
    type Thunk = () => Operand;
    const comparison = (): Thunk => {
      const left = additive();
      if (!isOp('=', '<>', '<', '>', '<=', '>=')) return left;
      const op = take().text;
      const right = additive();
      return () => compare(op, left(), right());
    };
    const additive = (): Thunk => {
      let value = term();
      while (isOp('+', '-', '&')) {
        const op = take().text;
        const [left, right] = [value, term()];
        value = () => (op === '&' ? concat(left(), right()) : arithmetic(op, left(), right()));
      }
      return value;
    };
    const term = (): Thunk => {
      let value = unary();
      while (isOp('*', '/')) {
        const op = take().text;
        const [left, right] = [value, unary()];
        value = () => arithmetic(op, left(), right());
      }
      return value;
    };
    const unary = (): Thunk => {
      if (isOp('-')) {
        take();
        const inner = unary();
        return () => arithmetic('-', 0, inner());
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
    return result();
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

/** IF, AND, OR: Sheets' own, enough for the add-on's formulas. */
function call(name: string, args: (() => Operand)[], formula: string): () => Operand {
  if (name === 'IF' && (args.length === 2 || args.length === 3)) {
    return () => {
      const test = truth(args[0]?.() ?? null);
      if (test instanceof FormulaError) return test;
      return test ? (args[1]?.() ?? null) : args[2] ? args[2]() : false;
    };
  }
  if ((name === 'AND' || name === 'OR') && args.length > 0) {
    return () => {
      const values = args.map((arg) => truth(arg()));
      const error = values.find((v) => v instanceof FormulaError);
      if (error) return error;
      return name === 'AND' ? values.every(Boolean) : values.some(Boolean);
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
