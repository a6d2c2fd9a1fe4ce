import { FormulaError, formulaValues } from '../../scripts/preview/formulas';
import type { CallLog } from './callLog';
import { DATE_TIME_FORMAT, dateToSerial, isDateFormat, PLAIN_TEXT, serialToDate, typeString } from './typing';

/**
 * An in-memory spreadsheet with the shapes of SpreadsheetApp's: 1-based rows and columns, setValues
 * dimension errors worded as Sheets words them, strings beginning with "=" stored as formulas, and
 * values typed as Sheets types them (test/fakes/typing.ts): dates are serial numbers with a date
 * format, given back by getValues as Date objects.
 */

export type CellValue = string | number | boolean | Date;

/**
 * A spreadsheet holds at most 10 million cells, counted over every sheet's whole grid (empty cells
 * too): "Up to 10 million cells or 18,278 columns for spreadsheets that are created in or converted to
 * Google Sheets" (Google Drive Help, "Files you can store in Google Drive",
 * https://support.google.com/drive/answer/37603). The message is the one Sheets shows.
 */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;
const CELL_LIMIT_MESSAGE = `Exception: This action would increase the number of cells in the workbook above the limit of ${SPREADSHEET_CELL_LIMIT} cells.`;

/**
 * A cell holds at most 50,000 characters (same Google Drive Help page; the Sheets API refuses longer
 * input with "Your input contains more than the maximum of 50000 characters in a single cell").
 */
export const CELL_CHARACTER_LIMIT = 50_000;

/**
 * A new sheet is 1,000 rows by 26 columns (A–Z), whatever it will hold: Sheet.getMaxRows "returns the
 * current number of rows in the sheet, regardless of content"
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getMaxRows()).
 */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
const OUTSIDE_GRID = 'Exception: The coordinates of the range are outside the dimensions of the sheet.';

/**
 * Protected sheets and ranges refuse edits from users who are not among their editors
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection: canEdit "determines
 * whether the user has permission to edit the protected range or sheet"). Scripts run as the user, so
 * a write there throws; the message is the one Sheets shows.
 */
const PROTECTED_MESSAGE =
  'Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export type ProtectionKind = 'SHEET' | 'RANGE';

/**
 * Warning-only protection: "Warning-based protection means that every user can edit data in the area,
 * except editing prompts a warning asking the user to confirm the edit. By default, protected ranges
 * or sheets are not warning-based" (Protection.setWarningOnly and isWarningOnly,
 * https://developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)).
 * A script writes without a prompt (there is no one to confirm it); a person typing into the area is
 * asked first, which `FakeRange.editByHand` models. The Sheets API says the same of its warningOnly
 * field, and that editors are then ignored
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange).
 */
export class FakeProtection {
  private editable = true;
  private description = '';
  private warningOnly = false;
  constructor(
    readonly kind: ProtectionKind,
    readonly sheet: FakeSheet,
    /** For a RANGE protection: 1-based row, column and size; a SHEET protection covers the sheet. */
    readonly area: { row: number; column: number; numRows: number; numColumns: number } | null,
  ) {}
  getProtectionType() {
    return this.kind;
  }
  /** A warning-only area is editable by every user (after the warning, for a person). */
  canEdit() {
    return this.warningOnly || this.editable;
  }
  setWarningOnly(warningOnly: boolean) {
    if (!this.editable) throw new Error(PROTECTED_MESSAGE);
    this.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  setDescription(description: string) {
    this.description = description;
    return this;
  }
  getDescription() {
    return this.description;
  }
  remove() {
    if (!this.editable) throw new Error(PROTECTED_MESSAGE);
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  /** Test helper, not Apps Script: the owner protected this and left the user running the script out. */
  excludeUser() {
    this.editable = false;
    return this;
  }
  covers(row: number, column: number, numRows: number, numColumns: number): boolean {
    if (!this.area) return true;
    const a = this.area;
    return (
      row < a.row + a.numRows &&
      a.row < row + numRows &&
      column < a.column + a.numColumns &&
      a.column < column + numColumns
    );
  }
}

interface Cell {
  /** What Sheets stores: text, a number (a date is a serial number with a date format) or a boolean. */
  value: string | number | boolean;
  formula: string;
  format: string;
  /** Range.setWrap: whether the cell's text wraps. */
  wrap?: boolean;
  /** Range.setNotes: the cell's note ('' or absent: none). */
  note?: string;
  /** Range.setDataValidation: the rule the cell's input must meet (absent: none). */
  validation?: FakeDataValidation;
  /** Range.setFontColors: the text's color in CSS notation; absent: the default. */
  fontColor?: string;
}

/** A data-validation rule as SpreadsheetApp.newDataValidation() builds it. */
export interface FakeDataValidation {
  criteria: 'VALUE_IN_LIST';
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
}

/** What every tab of a spreadsheet reads values by. */
export interface SheetContext {
  timeZone: string;
  locale: string;
  /**
   * With SpreadsheetOptions.evaluateFormulas: a formula cell's value, as getValues gives it (a fresh
   * evaluator per read, so values follow edits).
   */
  formulaValues?: () => (sheet: FakeSheet, row: number, column: number) => CellValue;
}

const emptyCell = (): Cell => ({ value: '', formula: '', format: '' });

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B2" or "A1:C3" as 1-based row, column and size. */
export function parseA1(a1: string) {
  const match = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(a1.trim());
  if (!match) throw new Error(`Range not found`);
  const [, c1 = 'A', r1 = '1', c2, r2] = match;
  const row = Number(r1);
  const column = columnNumber(c1);
  const lastRow = r2 ? Number(r2) : row;
  const lastColumn = c2 ? columnNumber(c2) : column;
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}

/**
 * The first sheet other than `own` that a formula names ('Sheet name'!A1 or Sheet1!A1), outside its
 * string literals. Google: in a conditional-format custom formula, "Formulas can only reference the
 * same sheet, using standard notation (='sheetname'!cell). To reference another sheet in the formula,
 * use the INDIRECT function." (https://support.google.com/docs/answer/78413) Depending on the path,
 * such a rule is refused or stored unusable; the fake refuses it.
 */
export function otherSheetIn(formula: string, own: string): string | undefined {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const match of code.matchAll(/'((?:[^']|'')+)'!|([^\s'!=(),:;&+\-*/<>^{}]+)!/g)) {
    const name = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] as string);
    if (name !== own) return name;
  }
  return undefined;
}

/** Developer metadata on a sheet, as the add-on marks the tabs it owns. */
export class FakeDeveloperMetadata {
  constructor(
    private readonly key: string,
    private value: string,
    private readonly owner: { metadata: FakeDeveloperMetadata[] },
  ) {}
  getKey() {
    return this.key;
  }
  getValue() {
    return this.value;
  }
  setValue(value: string) {
    this.value = value;
    return this;
  }
  remove() {
    this.owner.metadata = this.owner.metadata.filter((m) => m !== this);
  }
}

/** An embedded chart as the builder left it: what a test can check of a chart. */
export interface FakeChart {
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: [number, number];
  headers: number;
}

/** The rows and columns a filter covers (1-based, inclusive of its header row). */
interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * A sheet's filter (Data › Create a filter), as Apps Script's Filter class models it: "Use this class
 * to modify existing filters on Grid sheets … If a filter doesn't exist on the sheet yet, create one
 * using Range.createFilter()"; getRange "gets the range this filter applies to", remove "removes this
 * filter", and the criteria are per column, by the column's position in the sheet
 * (https://developers.google.com/apps-script/reference/spreadsheet/filter). The criteria are kept as
 * given (FilterCriteria objects are opaque to the add-on, which only carries them over).
 */
export class FakeFilter {
  readonly criteria = new Map<number, unknown>();
  constructor(
    readonly sheet: FakeSheet,
    private readonly log: CallLog,
    public area: Area,
  ) {}

  private record(method: string, args: unknown[]) {
    this.log.record('Filter', method, args);
  }

  /** Test helper, not Apps Script: the range in A1 notation without logging a call. */
  peekA1() {
    const { row, column, numRows, numColumns } = this.area;
    return new FakeRange(this.sheet, this.log, row, column, numRows, numColumns).getA1Notation();
  }

  getRange() {
    this.record('getRange', []);
    const { row, column, numRows, numColumns } = this.area;
    return new FakeRange(this.sheet, this.log, row, column, numRows, numColumns);
  }

  remove() {
    this.record('remove', []);
    this.sheet.checkSheetEditable();
    if (this.sheet.filter === this) this.sheet.filter = null;
  }

  private checkColumn(columnPosition: number) {
    const { column, numColumns } = this.area;
    if (columnPosition < column || columnPosition >= column + numColumns)
      throw new Error('Exception: The column position is outside the range of the filter.');
  }

  getColumnFilterCriteria(columnPosition: number) {
    this.record('getColumnFilterCriteria', [columnPosition]);
    this.checkColumn(columnPosition);
    return this.criteria.get(columnPosition) ?? null;
  }

  setColumnFilterCriteria(columnPosition: number, criteria: unknown) {
    this.record('setColumnFilterCriteria', [columnPosition]);
    this.checkColumn(columnPosition);
    if (criteria === null) this.criteria.delete(columnPosition);
    else this.criteria.set(columnPosition, criteria);
    return this;
  }

  removeColumnFilterCriteria(columnPosition: number) {
    this.record('removeColumnFilterCriteria', [columnPosition]);
    this.checkColumn(columnPosition);
    this.criteria.delete(columnPosition);
    return this;
  }

  /**
   * Rows inserted after `after` (a position of the grid): a filter's range moves with its rows the way
   * a reference in a formula does — rows inserted above it push it down, rows inserted between two of
   * its rows widen it, and rows inserted after its last row stay outside it. Google documents no rule
   * for the filter itself; the fake takes the strict reading (a filter does not grow to rows appended
   * below it), so code that wants the filter over new rows must set it there.
   */
  rowsInserted(after: number, howMany: number) {
    const { row, numRows } = this.area;
    if (after < row) this.area = { ...this.area, row: row + howMany };
    else if (after < row + numRows - 1) this.area = { ...this.area, numRows: numRows + howMany };
  }

  /** Rows deleted: those of the filter's range leave it; deleting all of them removes the filter. */
  rowsDeleted(first: number, howMany: number) {
    const kept = shrunk(this.area.row, this.area.numRows, first, howMany);
    if (kept === null) this.sheet.filter = null;
    else this.area = { ...this.area, row: kept.start, numRows: kept.count };
  }

  /** Columns deleted, the same way; the criteria of the columns that move go with them. */
  columnsDeleted(first: number, howMany: number) {
    const kept = shrunk(this.area.column, this.area.numColumns, first, howMany);
    if (kept === null) {
      this.sheet.filter = null;
      return;
    }
    const moved = new Map<number, unknown>();
    for (const [position, criteria] of this.criteria) {
      if (position >= first && position < first + howMany) continue;
      moved.set(position >= first + howMany ? position - howMany : position, criteria);
    }
    this.criteria.clear();
    for (const [position, criteria] of moved) this.criteria.set(position, criteria);
    this.area = { ...this.area, column: kept.start, numColumns: kept.count };
  }
}

/** A run of rows or columns after `howMany` from `first` are deleted; null when none is left. */
function shrunk(start: number, count: number, first: number, howMany: number) {
  const last = start + count - 1;
  const gone = Math.max(0, Math.min(last, first + howMany - 1) - Math.max(start, first) + 1);
  if (gone === count) return null;
  const before = Math.max(0, Math.min(first + howMany, start) - first);
  return { start: start - before, count: count - gone };
}

export class FakeSheet {
  private cells: Cell[][] = [];
  private frozenRows = 0;
  private frozenColumns = 0;
  private readonly columnWidths = new Map<number, number>();
  metadata: FakeDeveloperMetadata[] = [];
  charts: FakeChart[] = [];
  protections: FakeProtection[] = [];
  /** A sheet has at most one filter (Range.createFilter). */
  filter: FakeFilter | null = null;
  private maxRows = NEW_SHEET_ROWS;
  private maxColumns = NEW_SHEET_COLUMNS;
  hidden = false;

  constructor(
    private name: string,
    private readonly log: CallLog,
    private readonly id: number,
    private readonly onActivate: (sheet: FakeSheet) => void = () => undefined,
    readonly context: SheetContext = { timeZone: 'Asia/Shanghai', locale: 'zh_CN' },
    /** Whether the spreadsheet can take `extra` more cells (the 10M-cell limit). */
    private readonly hasRoomFor: (extra: number) => boolean = () => true,
  ) {}

  /** Set by the spreadsheet: the sheet's 1-based position among the tabs. */
  position: () => number = () => 1;

  getIndex() {
    this.record('getIndex', []);
    return this.position();
  }

  getMaxRows() {
    this.record('getMaxRows', []);
    return this.maxRows;
  }

  getMaxColumns() {
    this.record('getMaxColumns', []);
    return this.maxColumns;
  }

  /** Test helper, not Apps Script: the grid's size without logging a call. */
  gridSize() {
    return { rows: this.maxRows, columns: this.maxColumns };
  }

  private growBy(rows: number, columns: number) {
    const extra = (this.maxRows + rows) * (this.maxColumns + columns) - this.maxRows * this.maxColumns;
    if (!this.hasRoomFor(extra)) throw new Error(CELL_LIMIT_MESSAGE);
    this.checkSheetEditable();
  }

  insertRowsAfter(afterPosition: number, howMany: number) {
    this.record('insertRowsAfter', [afterPosition, howMany]);
    if (afterPosition < 0 || afterPosition > this.maxRows || howMany < 1) throw new Error(OUTSIDE_GRID);
    this.growBy(howMany, 0);
    // Rows past the last stored one need no entry; only rows inside the stored cells move down.
    if (afterPosition < this.cells.length) {
      const below = this.cells.splice(afterPosition);
      for (let i = 0; i < howMany; i++) this.cells.push([]);
      for (const row of below) this.cells.push(row);
    }
    this.maxRows += howMany;
    this.filter?.rowsInserted(afterPosition, howMany);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.record('insertColumnsAfter', [afterPosition, howMany]);
    if (afterPosition < 0 || afterPosition > this.maxColumns || howMany < 1) throw new Error(OUTSIDE_GRID);
    this.growBy(0, howMany);
    for (const row of this.cells)
      if (row.length > afterPosition)
        row.splice(afterPosition, 0, ...Array.from({ length: howMany }, emptyCell));
    this.maxColumns += howMany;
    return this;
  }

  deleteRows(rowPosition: number, howMany: number) {
    this.record('deleteRows', [rowPosition, howMany]);
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows)
      throw new Error(OUTSIDE_GRID);
    // A sheet keeps at least one row below its frozen ones (the message is the one Sheets shows).
    if (this.maxRows - howMany <= this.frozenRows)
      throw new Error('Exception: Sorry, it is not possible to delete all non-frozen rows.');
    this.checkSheetEditable();
    this.cells.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.filter?.rowsDeleted(rowPosition, howMany);
  }

  deleteColumns(columnPosition: number, howMany: number) {
    this.record('deleteColumns', [columnPosition, howMany]);
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns)
      throw new Error(OUTSIDE_GRID);
    if (this.maxColumns - howMany <= this.frozenColumns)
      throw new Error('Exception: Sorry, it is not possible to delete all non-frozen columns.');
    this.checkSheetEditable();
    for (const row of this.cells) row.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
    this.filter?.columnsDeleted(columnPosition, howMany);
  }

  /**
   * Sheet.protect: a protection of the whole sheet, which the user running the script can edit. "If
   * the sheet is already protected, this method returns an object representing its existing
   * protection settings" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()).
   */
  protect() {
    this.record('protect', []);
    const existing = this.protections.find((p) => p.kind === 'SHEET');
    if (existing) return existing;
    const protection = new FakeProtection('SHEET', this, null);
    this.protections.push(protection);
    return protection;
  }

  getProtections(type: ProtectionKind) {
    this.record('getProtections', [type]);
    return this.protections.filter((p) => p.kind === type);
  }

  /** Refuses a change to cells a protection the user cannot edit covers. */
  checkEditable(row: number, column: number, numRows: number, numColumns: number) {
    if (this.protections.some((p) => !p.canEdit() && p.covers(row, column, numRows, numColumns)))
      throw new Error(PROTECTED_MESSAGE);
  }

  /** Refuses a change to the sheet itself (rows, columns, name, deletion) under a protection. */
  checkSheetEditable() {
    if (this.protections.some((p) => !p.canEdit())) throw new Error(PROTECTED_MESSAGE);
  }

  /** Refuses a range that reaches past the grid, as getRange does in Sheets. */
  checkInGrid(row: number, column: number, numRows: number, numColumns: number) {
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns)
      throw new Error(OUTSIDE_GRID);
  }

  hideSheet() {
    this.record('hideSheet', []);
    this.hidden = true;
    return this;
  }

  isSheetHidden() {
    this.record('isSheetHidden', []);
    return this.hidden;
  }

  /** Sheet.copyTo: a copy named "Copy of …" at the end of the spreadsheet, the active sheet unchanged. */
  copyTo(spreadsheet: FakeSpreadsheet) {
    this.record('copyTo', [this.name]);
    const copy = spreadsheet.addCopy(this, `Copy of ${this.name}`);
    copy.cells = this.cells.map((row) => row.map((c) => ({ ...c })));
    copy.maxRows = this.maxRows;
    copy.maxColumns = this.maxColumns;
    copy.frozenRows = this.frozenRows;
    copy.frozenColumns = this.frozenColumns;
    copy.conditionalRules = [...this.conditionalRules];
    copy.charts = this.charts.map((c) => ({ ...c, ranges: [...c.ranges] }));
    if (this.filter) {
      copy.filter = new FakeFilter(copy, this.log, { ...this.filter.area });
      for (const [column, criteria] of this.filter.criteria) copy.filter.criteria.set(column, criteria);
    }
    return copy;
  }

  /** Test helper, not Apps Script: every formula of the sheet, to rewrite references to a deleted sheet. */
  rewriteFormulas(rewrite: (formula: string) => string) {
    for (const row of this.cells) {
      for (const cell of row) {
        if (cell.formula === '') continue;
        const next = rewrite(cell.formula);
        if (next !== cell.formula) {
          cell.formula = next;
          cell.value = '#REF!';
        }
      }
    }
  }

  getSheetId() {
    this.record('getSheetId', []);
    return this.id;
  }

  activate() {
    this.record('activate', []);
    this.onActivate(this);
    return this;
  }

  /** The builder of Sheet.newChart, as far as the add-on uses it (asColumnChart, ranges, options). */
  newChart() {
    this.record('newChart', []);
    const chart: FakeChart = { type: 'UNSET', ranges: [], options: {}, position: [1, 1], headers: 0 };
    const builder = {
      asColumnChart() {
        chart.type = 'COLUMN';
        return builder;
      },
      addRange(range: FakeRange) {
        chart.ranges.push(range.getA1Notation());
        return builder;
      },
      setNumHeaders(headers: number) {
        chart.headers = headers;
        return builder;
      },
      setOption(name: string, value: unknown) {
        chart.options[name] = value;
        return builder;
      },
      setPosition(row: number, column: number, _offsetX: number, _offsetY: number) {
        chart.position = [row, column];
        return builder;
      },
      build() {
        if (chart.ranges.length === 0) throw new Error('Exception: The chart has no data ranges.');
        const built = { ...chart, ranges: [...chart.ranges] };
        // EmbeddedChart.getOptions().get(name), kept off the enumerable fields tests compare.
        Object.defineProperty(built, 'getOptions', {
          value: () => ({ get: (name: string) => built.options[name] ?? null }),
        });
        return built;
      },
    };
    return builder;
  }

  /** A chart is anchored to a cell (EmbeddedChartBuilder.setPosition): that cell must be in the grid. */
  insertChart(chart: FakeChart) {
    this.record('insertChart', [chart.type, chart.ranges.length]);
    this.checkSheetEditable();
    this.checkInGrid(chart.position[0], chart.position[1], 1, 1);
    this.charts.push(chart);
  }

  removeChart(chart: FakeChart) {
    this.record('removeChart', [chart.type]);
    this.checkSheetEditable();
    this.charts = this.charts.filter((c) => c !== chart);
  }

  getCharts() {
    this.record('getCharts', []);
    return [...this.charts];
  }

  getFilter() {
    this.record('getFilter', []);
    return this.filter;
  }

  private record(method: string, args: unknown[]) {
    this.log.record('Sheet', method, args);
  }

  cell(row: number, column: number): Cell {
    while (this.cells.length < row) this.cells.push([]);
    const cellRow = this.cells[row - 1] as Cell[];
    while (cellRow.length < column) cellRow.push(emptyCell());
    return cellRow[column - 1] as Cell;
  }

  peek(row: number, column: number): Cell {
    return this.cells[row - 1]?.[column - 1] ?? emptyCell();
  }

  getName() {
    this.record('getName', []);
    return this.name;
  }

  /** Test helper, not Apps Script: the name without logging a call. */
  peekName() {
    return this.name;
  }

  setName(name: string) {
    this.record('setName', [name]);
    this.checkSheetEditable();
    this.name = name;
    return this;
  }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1) {
    this.record('getRange', [rowOrA1, column, numRows, numColumns]);
    if (typeof rowOrA1 === 'string') {
      const r = parseA1(rowOrA1);
      this.checkInGrid(r.row, r.column, r.numRows, r.numColumns);
      return new FakeRange(this, this.log, r.row, r.column, r.numRows, r.numColumns);
    }
    if (column === undefined)
      throw new Error(
        "Exception: The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    if (rowOrA1 < 1 || column < 1 || numRows < 1 || numColumns < 1) {
      throw new Error('Exception: The starting row or column of the range is too small.');
    }
    this.checkInGrid(rowOrA1, column, numRows, numColumns);
    return new FakeRange(this, this.log, rowOrA1, column, numRows, numColumns);
  }

  getLastRow() {
    this.record('getLastRow', []);
    let last = 0;
    this.cells.forEach((row, i) => {
      if (row.some((c) => c.value !== '' || c.formula !== '')) last = i + 1;
    });
    return last;
  }

  getLastColumn() {
    this.record('getLastColumn', []);
    let last = 0;
    for (const row of this.cells) {
      row.forEach((c, i) => {
        if ((c.value !== '' || c.formula !== '') && i + 1 > last) last = i + 1;
      });
    }
    return last;
  }

  getDataRange() {
    this.record('getDataRange', []);
    const rows = Math.max(this.getLastRow(), 1);
    const columns = Math.max(this.getLastColumn(), 1);
    return new FakeRange(this, this.log, 1, 1, rows, columns);
  }

  /**
   * Google: Sheet.setColumnWidth(columnPosition, width) "Sets the width of the given column in
   * pixels"; a new sheet's columns are 100 px wide. A position below 1 or a negative width is refused.
   */
  setColumnWidth(column: number, width: number) {
    this.record('setColumnWidth', [column, width]);
    if (!Number.isInteger(column) || column < 1)
      throw new Error(`Exception: Invalid argument: columnPosition`);
    if (!(width >= 0)) throw new Error(`Exception: Invalid argument: width`);
    this.columnWidths.set(column, width);
    return this;
  }

  getColumnWidth(column: number) {
    this.record('getColumnWidth', [column]);
    return this.columnWidths.get(column) ?? 100;
  }

  setFrozenRows(rows: number) {
    this.record('setFrozenRows', [rows]);
    this.frozenRows = rows;
  }

  getFrozenRows() {
    this.record('getFrozenRows', []);
    return this.frozenRows;
  }

  setFrozenColumns(columns: number) {
    this.record('setFrozenColumns', [columns]);
    this.frozenColumns = columns;
  }

  getFrozenColumns() {
    this.record('getFrozenColumns', []);
    return this.frozenColumns;
  }

  conditionalRules: unknown[] = [];

  setConditionalFormatRules(rules: unknown[]) {
    this.record('setConditionalFormatRules', [rules.length]);
    for (const rule of rules) {
      const formula = (rule as { formula?: string }).formula;
      const other = formula === undefined ? undefined : otherSheetIn(formula, this.name);
      if (other !== undefined) {
        throw new Error(
          `Exception: Invalid conditional format rule: the formula ${formula} refers to the sheet "${other}"; a rule may only refer to its own sheet (use INDIRECT).`,
        );
      }
    }
    this.conditionalRules = [...rules];
  }

  getConditionalFormatRules() {
    this.record('getConditionalFormatRules', []);
    return [...this.conditionalRules];
  }

  addDeveloperMetadata(key: string, value: string) {
    this.record('addDeveloperMetadata', [key, value]);
    this.metadata.push(new FakeDeveloperMetadata(key, value, this));
    return this;
  }

  getDeveloperMetadata() {
    this.record('getDeveloperMetadata', []);
    return [...this.metadata];
  }

  clear() {
    this.record('clear', []);
    this.checkSheetEditable();
    this.cells = [];
    this.charts = [];
    return this;
  }

  /** Test helper, not Apps Script: the displayed values of the used area. */
  dump(): CellValue[][] {
    return this.cells.map((row) => row.map((c) => (c.formula !== '' ? c.formula : c.value)));
  }
}

/** A value as the cell holds it once written, typed the way Sheets types what a user enters. */
function writeValue(cell: Cell, value: CellValue, context: SheetContext) {
  cell.formula = '';
  const general = cell.format === '' || cell.format === 'General';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    cell.value = dateToSerial(value as Date, context.timeZone);
    if (general || !isDateFormat(cell.format)) cell.format = DATE_TIME_FORMAT;
    return;
  }
  if (typeof value !== 'string') {
    cell.value = value as number | boolean;
    return;
  }
  // A plain-text cell keeps the string as it is: no formula, no number, the apostrophe kept.
  if (cell.format === PLAIN_TEXT) {
    cell.value = value;
    return;
  }
  // Sheets parses a string beginning with "=" as a formula; this fake cannot compute it.
  if (value.startsWith('=') && value.length > 1) {
    cell.formula = value;
    cell.value = '';
    return;
  }
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    return;
  }
  const typed = typeString(value, context.locale, new Date().getUTCFullYear());
  cell.value = typed.value;
  if (typed.format && general) cell.format = typed.format;
}

function readValue(cell: Cell, zone: string): CellValue {
  return typeof cell.value === 'number' && cell.format !== '' && isDateFormat(cell.format)
    ? serialToDate(cell.value, zone)
    : cell.value;
}

export class FakeRange {
  /** Test helper, not Apps Script: the range in A1 notation. */
  getA1Notation() {
    const letter = (n: number) => {
      let out = '';
      for (let m = n; m > 0; m = Math.floor((m - 1) / 26))
        out = String.fromCharCode(65 + ((m - 1) % 26)) + out;
      return out;
    };
    const end = `${letter(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    return `${letter(this.column)}${this.row}${this.numRows * this.numColumns > 1 ? `:${end}` : ''}`;
  }

  constructor(
    readonly sheet: FakeSheet,
    private readonly log: CallLog,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private record(method: string, args: unknown[]) {
    this.log.record('Range', method, args);
  }

  private each<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++) line.push(fn(this.row + r, this.column + c));
      out.push(line);
    }
    return out;
  }

  private checkDimensions(values: unknown[][]) {
    if (values.length !== this.numRows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of values) {
      if (line.length !== this.numColumns) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  getRow() {
    return this.row;
  }

  getColumn() {
    return this.column;
  }

  getNumRows() {
    return this.numRows;
  }

  getNumColumns() {
    return this.numColumns;
  }

  /**
   * A date-time cell comes back as a Date: its wall-clock time in the spreadsheet's zone (Range.getValues:
   * "values may be of type Number, Boolean, Date, or String";
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()).
   */
  getValues(): CellValue[][] {
    this.record('getValues', []);
    const evaluate = this.sheet.context.formulaValues?.();
    return this.each((r, c) => {
      const cell = this.sheet.peek(r, c);
      if (evaluate && cell.formula !== '') return evaluate(this.sheet, r, c);
      return readValue(cell, this.sheet.context.timeZone);
    });
  }

  getFormulas(): string[][] {
    this.record('getFormulas', []);
    return this.each((r, c) => this.sheet.peek(r, c).formula);
  }

  /**
   * Test helper, not Apps Script: the range as Sheets hands it to a custom function, a single cell as
   * its value: date-times as Dates in the script's zone, not the spreadsheet's (see runCustomFunction).
   */
  peekAsArgument(scriptZone: string): CellValue | CellValue[][] {
    const values = this.each((r, c) => readValue(this.sheet.peek(r, c), scriptZone));
    return this.numRows === 1 && this.numColumns === 1 ? (values[0]?.[0] as CellValue) : values;
  }

  getNumberFormats(): string[][] {
    this.record('getNumberFormats', []);
    return this.each((r, c) => this.sheet.peek(r, c).format || 'General');
  }

  private checkEditable() {
    this.sheet.checkEditable(this.row, this.column, this.numRows, this.numColumns);
  }

  setValues(values: CellValue[][]) {
    this.record('setValues', [values]);
    this.checkDimensions(values);
    this.checkEditable();
    for (const line of values)
      for (const value of line)
        if (typeof value === 'string' && value.length > CELL_CHARACTER_LIMIT)
          throw new Error(
            `Exception: Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`,
          );
    this.each((r, c) => {
      writeValue(this.sheet.cell(r, c), values[r - this.row]?.[c - this.column] ?? '', this.sheet.context);
    });
    return this;
  }

  /**
   * Test helper, not Apps Script: a person typing `values` into the range in Sheets. Under a
   * warning-only protection Sheets first asks them to confirm (setWarningOnly, above FakeProtection):
   * `confirm` is their answer, and without it nothing changes. Under a protection they cannot edit the
   * edit is refused. A cell's list validation built with setAllowInvalid(false) rejects input not in
   * its list ("Sets whether to show a warning when input fails data validation or whether to reject
   * the input entirely",
   * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean));
   * scripts' setValues is not checked by it. Returns whether they were warned or the input rejected.
   */
  editByHand(values: CellValue[][], confirm: boolean): { warned: boolean; rejected: boolean } {
    this.checkDimensions(values);
    const covering = this.sheet.protections.filter((p) =>
      p.covers(this.row, this.column, this.numRows, this.numColumns),
    );
    const warned = covering.some((p) => p.isWarningOnly());
    const rejected = this.each((r, c) => {
      const rule = this.sheet.peek(r, c).validation;
      const typed = String(values[r - this.row]?.[c - this.column] ?? '');
      return rule !== undefined && !rule.allowInvalid && typed !== '' && !rule.values.includes(typed);
    }).some((line) => line.some(Boolean));
    if (rejected || (warned && !confirm)) return { warned, rejected };
    this.setValues(values);
    return { warned, rejected };
  }

  setValue(value: CellValue) {
    this.record('setValue', [value]);
    if (this.numRows !== 1 || this.numColumns !== 1) {
      return this.setValues(this.each(() => value));
    }
    return this.setValues([[value]]);
  }

  setNumberFormat(format: string) {
    this.record('setNumberFormat', [format]);
    this.checkEditable();
    this.each((r, c) => {
      this.sheet.cell(r, c).format = format;
    });
    return this;
  }

  /** Google: Range.setWrap(isWrapEnabled) "Set the cell wrap of the given range." */
  setWrap(wrap: boolean) {
    this.record('setWrap', [wrap]);
    this.each((r, c) => {
      this.sheet.cell(r, c).wrap = wrap;
    });
    return this;
  }

  getWrap() {
    this.record('getWrap', []);
    return this.sheet.peek(this.row, this.column).wrap ?? false;
  }

  setNumberFormats(formats: string[][]) {
    this.record('setNumberFormats', [formats]);
    this.checkDimensions(formats);
    this.checkEditable();
    this.each((r, c) => {
      this.sheet.cell(r, c).format = formats[r - this.row]?.[c - this.column] ?? '';
    });
    return this;
  }

  /**
   * Google: Range.setNotes(notes) "Sets a rectangular grid of notes (must match dimensions of this
   * range)"; an empty string is no note
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#setnotesnotes).
   */
  setNotes(notes: string[][]) {
    this.record('setNotes', [notes]);
    this.checkDimensions(notes);
    this.checkEditable();
    this.each((r, c) => {
      const note = String(notes[r - this.row]?.[c - this.column] ?? '');
      // Clearing a cell never written leaves it unwritten (peek gives a throwaway empty cell).
      (note === '' ? this.sheet.peek(r, c) : this.sheet.cell(r, c)).note = note;
    });
    return this;
  }

  /**
   * Google: Range.setDataValidation(rule) "Sets one data validation rule for all cells in the range";
   * null removes it (https://developers.google.com/apps-script/reference/spreadsheet/range#setdatavalidationrule).
   * A protected cell refuses it like any edit.
   */
  setDataValidation(rule: FakeDataValidation | null) {
    this.record('setDataValidation', [rule]);
    this.checkEditable();
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (rule) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }

  /** Range.getDataValidation: the rule of the range's top-left cell, or null. */
  getDataValidation(): FakeDataValidation | null {
    this.record('getDataValidation', []);
    return this.sheet.peek(this.row, this.column).validation ?? null;
  }

  /** Range.getNotes: each cell's note, '' where there is none. */
  getNotes(): string[][] {
    this.record('getNotes', []);
    return this.each((r, c) => this.sheet.peek(r, c).note ?? '');
  }

  /**
   * Google: Range.setFontColors(colors) "Sets a rectangular grid of font colors (must match dimensions
   * of this range). The colors are in CSS notation"; null resets a cell's color
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#setfontcolorscolors).
   */
  setFontColors(colors: (string | null)[][]) {
    this.record('setFontColors', [colors]);
    this.checkDimensions(colors);
    this.checkEditable();
    this.each((r, c) => {
      const color = colors[r - this.row]?.[c - this.column] ?? null;
      if (color === null) delete this.sheet.peek(r, c).fontColor;
      else this.sheet.cell(r, c).fontColor = color;
    });
    return this;
  }

  /** Range.getFontColors: each cell's text color, Sheets' default black where none was set. */
  getFontColors(): string[][] {
    this.record('getFontColors', []);
    return this.each((r, c) => this.sheet.peek(r, c).fontColor ?? '#000000');
  }

  clearContent() {
    this.record('clearContent', []);
    this.checkEditable();
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      cell.value = '';
      cell.formula = '';
    });
    return this;
  }

  /**
   * Range.clear: "Clears the range of contents and formats" — a font color is a format; a note is not
   * (clear(options) names notes apart:
   * https://developers.google.com/apps-script/reference/spreadsheet/range#clear()).
   */
  clear() {
    this.record('clear', []);
    this.checkEditable();
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      cell.value = '';
      cell.formula = '';
      cell.format = '';
      delete cell.fontColor;
    });
    return this;
  }

  /**
   * Range.createFilter: "Creates a filter and applies it to the specified range on the sheet. You
   * can't create more than one filter on a sheet"
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter()).
   */
  createFilter() {
    this.record('createFilter', [this.getA1Notation()]);
    if (this.sheet.filter)
      throw new Error("Exception: You can't create a filter in a sheet that already has a filter.");
    this.sheet.checkSheetEditable();
    const { row, column, numRows, numColumns } = this;
    this.sheet.filter = new FakeFilter(this.sheet, this.log, { row, column, numRows, numColumns });
    return this.sheet.filter;
  }

  getFilter() {
    this.record('getFilter', []);
    return this.sheet.filter;
  }

  /** Range.protect: a protection of this range, which the user running the script can edit. */
  protect() {
    this.record('protect', []);
    const protection = new FakeProtection('RANGE', this.sheet, {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
    this.sheet.protections.push(protection);
    return protection;
  }

  /**
   * Range.copyTo: values, formulas and formats to the same-sized block at the destination's top-left
   * cell. Formulas are copied as written: the add-on copies between the same positions of two sheets,
   * where relative references stay the same.
   */
  copyTo(destination: FakeRange) {
    this.record('copyTo', [destination.getA1Notation()]);
    const target = destination.sheet;
    target.checkInGrid(destination.row, destination.column, this.numRows, this.numColumns);
    target.checkEditable(destination.row, destination.column, this.numRows, this.numColumns);
    const copied = this.each((r, c) => ({ ...this.sheet.peek(r, c) }));
    copied.forEach((line, r) => {
      line.forEach((cell, c) => {
        Object.assign(target.cell(destination.row + r, destination.column + c), cell);
      });
    });
  }
}

export interface SpreadsheetOptions {
  name?: string;
  timeZone?: string;
  locale?: string;
  tabs?: string[];
  /**
   * getValues gives a formula cell's calculated value, as Sheets does (Range.getValues "returns the
   * rectangular grid of values for this range", a formula cell's result, not its text:
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()), by the preview's
   * evaluator (scripts/preview/formulas.ts, held to LibreOffice); a formula outside its subset throws
   * rather than reading as empty. Off: formula cells read as '' (tests that do not look at results).
   */
  evaluateFormulas?: boolean;
}

export class FakeSpreadsheet {
  private readonly sheets: FakeSheet[] = [];
  private nextSheetId = 0;
  /** Test helper, not Apps Script: the tab the user is looking at. */
  active: FakeSheet | null = null;
  private readonly name: string;
  private readonly timeZone: string;
  private readonly locale: string;
  private readonly evaluator: SheetContext['formulaValues'];

  constructor(
    private readonly log: CallLog,
    options: SpreadsheetOptions = {},
  ) {
    if (options.evaluateFormulas) {
      this.evaluator = () => {
        const values = formulaValues(this);
        return (sheet, row, column) => {
          const value = values.formulaValue(sheet, row, column);
          if (value === null)
            throw new Error(
              `fake: cannot evaluate ${sheet.peek(row, column).formula} (outside the preview's subset)`,
            );
          return value instanceof FormulaError ? value.code : value;
        };
      };
    }
    this.name = options.name ?? 'Untitled spreadsheet';
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
    this.locale = options.locale ?? 'zh_CN';
    for (const tab of options.tabs ?? ['Sheet1']) this.sheets.push(this.newSheet(tab));
    this.active = this.sheets[0] ?? null;
  }

  private newSheet(name: string) {
    // Sheets gives the first tab id 0 and later ones large arbitrary ids; any distinct numbers will do.
    const id = this.nextSheetId === 0 ? 0 : 1_000_000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const sheet = new FakeSheet(
      name,
      this.log,
      id,
      (activated) => {
        this.active = activated;
      },
      { timeZone: this.timeZone, locale: this.locale, formulaValues: this.evaluator },
      (extra) => this.cellCount() + extra <= SPREADSHEET_CELL_LIMIT,
    );
    sheet.position = () => this.sheets.indexOf(sheet) + 1;
    return sheet;
  }

  /** Test helper, not Apps Script: the cells of every sheet's grid, as the 10M-cell limit counts them. */
  cellCount(): number {
    return this.sheets.reduce((sum, s) => {
      const { rows, columns } = s.gridSize();
      return sum + rows * columns;
    }, 0);
  }

  /** Sheet.copyTo's copy, at the end of the spreadsheet (the active sheet unchanged). */
  addCopy(original: FakeSheet, name: string) {
    const { rows, columns } = original.gridSize();
    if (this.cellCount() + rows * columns > SPREADSHEET_CELL_LIMIT) throw new Error(CELL_LIMIT_MESSAGE);
    let unique = name;
    for (let n = 2; this.sheets.some((s) => s.peekName() === unique); n++) unique = `${name} ${n}`;
    const sheet = this.newSheet(unique);
    this.sheets.push(sheet);
    return sheet;
  }

  getActiveSheet() {
    this.record('getActiveSheet', []);
    return this.active;
  }

  setActiveSheet(sheet: FakeSheet) {
    this.record('setActiveSheet', [sheet.peekName()]);
    this.active = sheet;
    return sheet;
  }

  /** Test helper, not Apps Script: the 1-based position of a sheet, as Sheet.getIndex gives it. */
  indexOf(sheet: FakeSheet) {
    return this.sheets.indexOf(sheet) + 1;
  }

  getUrl() {
    this.record('getUrl', []);
    return `https://docs.google.com/spreadsheets/d/fake-${encodeURIComponent(this.name)}/edit`;
  }

  getId() {
    this.record('getId', []);
    return `fake-${this.name}`;
  }

  private record(method: string, args: unknown[]) {
    this.log.record('Spreadsheet', method, args);
  }

  getName() {
    this.record('getName', []);
    return this.name;
  }

  getSpreadsheetTimeZone() {
    this.record('getSpreadsheetTimeZone', []);
    return this.timeZone;
  }

  getSpreadsheetLocale() {
    this.record('getSpreadsheetLocale', []);
    return this.locale;
  }

  getSheets() {
    this.record('getSheets', []);
    return [...this.sheets];
  }

  getSheetByName(name: string) {
    this.record('getSheetByName', [name]);
    return this.sheets.find((s) => s.peekName() === name) ?? null;
  }

  /**
   * Spreadsheet.insertSheet(sheetName, sheetIndex): sheetIndex is 0-based, and "the new sheet becomes
   * the active sheet" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)).
   * The new sheet's 1,000 × 26 cells count against the 10M-cell limit.
   */
  insertSheet(name: string, index?: number) {
    this.record('insertSheet', [name, index]);
    if (this.sheets.some((s) => s.peekName() === name)) {
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    if (this.cellCount() + NEW_SHEET_ROWS * NEW_SHEET_COLUMNS > SPREADSHEET_CELL_LIMIT)
      throw new Error(CELL_LIMIT_MESSAGE);
    const sheet = this.newSheet(name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    return sheet;
  }

  /**
   * Spreadsheet.deleteSheet. A formula elsewhere that referred to the deleted sheet now refers to
   * nothing: Sheets rewrites the reference as #REF! and the cell shows the #REF! error, so a team's own
   * formulas over a tab break when the tab is deleted and re-created, even under the same name
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet);
   * Docs Editors Help, "#REF!": the reference no longer exists). A protected sheet cannot be deleted by
   * a user who cannot edit it.
   */
  deleteSheet(sheet: FakeSheet) {
    this.record('deleteSheet', [sheet.peekName()]);
    const at = this.sheets.indexOf(sheet);
    if (at < 0) throw new Error('Exception: Sheet not found.');
    if (this.sheets.length === 1)
      throw new Error("Exception: You can't remove all the sheets in a document.");
    sheet.checkSheetEditable();
    this.sheets.splice(at, 1);
    if (this.active === sheet) this.active = this.sheets[0] ?? null;
    const name = sheet.peekName();
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // 'Name'!A1, Name!A1:B2, 'Name'!$A$1 … (a quoted name doubles its apostrophes).
    const quoted = `'${escaped.replace(/'/g, "''")}'`;
    const reference = new RegExp(
      `(?:${quoted}|${escaped})!\\$?[A-Z]*\\$?[0-9]*(?::\\$?[A-Z]*\\$?[0-9]*)?`,
      'g',
    );
    for (const other of this.sheets) other.rewriteFormulas((formula) => formula.replace(reference, '#REF!'));
  }
}
