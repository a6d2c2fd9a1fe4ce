// Whether a faster CSV parser (uDSV) could replace Papa Parse on the command line (issue 21 item 6):
// only if it gives the rows Papa Parse gives on every CSV the project has (examples, fixtures,
// csv-spectrum) and on the edge cases of Papa Parse's own suite. It does on well-formed files and does
// not on the edge cases, so the command line keeps Papa Parse (docs/decisions.md, "A faster CSV
// parser"); these tests hold the evidence, and fail when a uDSV release changes it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inferSchema, initParser } from 'udsv';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { forEachCsvRow } from '../../src/core/import/csv';
import { detectDelimiter } from '../../src/core/import/importer';
import { PUBLIC_DATA } from '../publicData';

/** Rows as the importer gets them: Papa Parse through the project's one setup (csv.ts). */
function papaRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, (row) => rows.push(row), { delimiter });
  return rows;
}

/**
 * Rows from uDSV 0.7 set up as a drop-in would have to be: the delimiter given as the importer detects
 * it, the row ending given (uDSV takes the first one and needs one to exist), no header row taken out,
 * and the empty last line Papa Parse hands over as a row added back.
 */
function udsvRows(text: string, delimiter: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  const newline = /\r\n|\r|\n/.exec(body.replace(/"[^"]*"/g, ''))?.[0] ?? '\n';
  const ended = body.endsWith(newline);
  const whole = ended ? body : body + newline;
  const parser = initParser(
    inferSchema(whole, { col: delimiter, encl: '"', row: newline, header: () => [] }),
  );
  const rows = parser.stringArrs(whole) as string[][];
  if (ended) rows.push(['']);
  return rows;
}

const rowsOf = (parse: () => string[][]): string[][] | string => {
  try {
    return parse();
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
};

/** Every CSV file of the repository's examples and test fixtures (csv-spectrum and the public exports). */
function projectCsvFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.csv')) found.push(path);
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'test', 'fixtures'));
  return found;
}

interface PapaCase {
  suite: string;
  description: string;
  input: string;
  delimiter?: string;
}
const papaSuite: { commit: string; cases: PapaCase[] } = JSON.parse(
  readFileSync(join(PUBLIC_DATA, 'papaparse-test-cases.json'), 'utf8'),
);

/**
 * Papa Parse's cases where uDSV gives other rows, each a way an export would be read differently:
 * a row with too many fields has them joined into its last field, a row with too few is dropped,
 * a line without a delimiter is joined to the next row, blank lines (which number the rows that
 * warnings name) are dropped, and text after a closing quote or a stray quote is split otherwise.
 */
const UDSV_DIFFERS_ON = [
  'Quoted field has no closing quote',
  'Quoted field has invalid trailing quote after delimiter with a valid closer',
  'Quoted field has invalid trailing quote after delimiter',
  'Quoted field has invalid trailing quote before delimiter',
  'Quoted field has invalid trailing quote after new line',
  'Commented line at beginning',
  'Commented line in middle',
  'Commented line at end',
  'Two comment lines consecutively',
  'Two comment lines consecutively at end of file',
  'Three comment lines consecutively at beginning of file',
  'Entire file is comment lines',
  'Comment with non-default character',
  'Bad comments value specified',
  'Multi-character comment string',
  'Input without comments with line starting with whitespace',
  'Multiple rows, one column (no delimiter found)',
  'One column input with empty fields',
  'Fast mode with comments',
  'Quoted field with \\r\\n',
  'Quoted fields with spaces between closing quote and next delimiter',
  'Quoted fields with spaces between closing quote and next new line',
  'Quoted fields with spaces after closing quote',
  'Mixed slash n and slash r should choose first as precident',
  'Row with too few fields',
  'Row with too many fields',
  'Bad delimiter (\\n)',
  'Multi-character delimiter',
  'Multi-character delimiter (length 2) with quoted field',
  'Dynamic typing can be applied to `__parsed_extra`',
  'Blank line at beginning',
  'Blank line in middle',
  'Blank lines at end',
  'Blank line in middle with whitespace',
  'Preview should count rows, not lines',
  'Empty lines',
  'Skip empty lines',
  'Skip empty lines, with newline at end of input',
  'Skip empty lines, with first line only whitespace',
  'Lines with comments are not used when guessing the delimiter in an escaped file',
  'Lines with comments are not used when guessing the delimiter in a non-escaped file',
  'Custom escape character in the middle',
  'Custom escape character at the end',
  'Header row with preceding comment',
  'Carriage return in header inside quotes, with line feed endings',
  'Using \\r\\n endings with \\r\\n in header field uses \\r\\n linebreak',
  'Using \\n endings with \\r\\n in header field uses \\n linebreak',
  'Using reserved regex character . as quote character',
  'Using reserved regex character | as quote character',
  "Parsing with skipEmptyLines set to 'greedy'",
  "Parsing with skipEmptyLines set to 'greedy' with quotes and delimiters as content",
  'Quoted fields with spaces between closing quote and next delimiter and contains delimiter',
  'Quoted fields with spaces between closing quote and newline and contains newline',
  'Skip First N number of lines , with header and 2 rows',
  'Skip first 2 lines , with custom newline character',
];

describe('uDSV against Papa Parse, row for row', () => {
  it('every CSV file of the project (csv-spectrum, public exports, examples) gives the same rows', () => {
    const files = projectCsvFiles();
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const text = new TextDecoder().decode(readFileSync(file));
      const delimiter = detectDelimiter(text);
      expect(
        rowsOf(() => udsvRows(text, delimiter)),
        file,
      ).toEqual(papaRows(text, delimiter));
    }
  });

  it(`Papa Parse's own edge cases (${papaSuite.cases.length}, at ${papaSuite.commit.slice(0, 7)}): uDSV differs on these, so Papa Parse stays`, () => {
    const differing = papaSuite.cases.filter((c) => {
      const delimiter = c.delimiter ?? detectDelimiter(c.input);
      return (
        JSON.stringify(rowsOf(() => udsvRows(c.input, delimiter))) !==
        JSON.stringify(papaRows(c.input, delimiter))
      );
    });
    expect(differing.map((c) => c.description)).toEqual(UDSV_DIFFERS_ON);
  });

  it('the differences that would change figures: extra fields joined, short rows dropped', () => {
    const tooMany = 'A,B,C\r\na,b,c,d,e\r\nf,g,h';
    expect(papaRows(tooMany, ',')[1]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(udsvRows(tooMany, ',')[1]).toEqual(['a', 'b', 'c,d,e']);
    const tooFew = 'A,B,C\r\na,b';
    expect(papaRows(tooFew, ',')).toEqual([
      ['A', 'B', 'C'],
      ['a', 'b'],
    ]);
    expect(udsvRows(tooFew, ',')).toEqual([['A', 'B', 'C']]);
  });
});
