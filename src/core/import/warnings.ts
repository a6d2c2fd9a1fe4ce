/** A row that could not be read, said so the user can find and fix it. */
export interface ImportWarning {
  file: string;
  /** The record's number in the file, the header being row 1. */
  row: number;
  column: string;
  message: string;
}

/** An input that cannot be used at all, e.g. a required column is missing. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
