/**
 * A row that could not be read, said so the user can find and fix it: refused, counted in no figure.
 * A warning with `counted` is a caution about a row that was read and counted (an order's later row
 * whose amount differs): never called skipped.
 */
export interface ImportWarning {
  file: string;
  /** The record's number in the file, the header being row 1. */
  row: number;
  column: string;
  message: string;
  /** The row was read and counted; the warning only cautions. Absent on a refused row. */
  counted?: true;
  /** What the front ends word in their own language besides listing it: a time after the run's clock. */
  code?: 'future-time';
}

/** Whether a warning is of a row that was refused and counted nowhere (rather than a caution). */
export const isRefusal = (warning: ImportWarning) => warning.counted !== true;

/** What a front end words in its own language rather than show the importer's English message. */
export type ImportProblem = { kind: 'bom-not-utf8'; file: string };

/** An input that cannot be used at all, e.g. a required column is missing. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly problem?: ImportProblem,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
