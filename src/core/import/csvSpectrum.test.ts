// csv-spectrum: the edge cases of CSV (quotes, doubled quotes, line breaks, CRLF, UTF-8) with the JSON
// they must give, read from test/fixtures/public-data as they are.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DATA } from '../../../test/publicData';
import { parseCsvRows } from './csv';
import { detectDelimiter } from './importer';

const DIR = join(PUBLIC_DATA, 'csv-spectrum');

function expected(name: string) {
  const corrected = join(DIR, 'expected_corrected', `${name}.json`);
  const path = readdirSync(join(DIR, 'expected_corrected')).includes(`${name}.json`)
    ? corrected
    : join(DIR, 'json', `${name}.json`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('csv-spectrum', () => {
  const files = readdirSync(join(DIR, 'csvs')).filter((f) => f.endsWith('.csv'));

  it('has its cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(DIR, 'csvs', file), 'utf8');
      expect(detectDelimiter(text)).toBe(',');
      const [header = [], ...rows] = parseCsvRows(text).filter((row) => !(row.length === 1 && row[0] === ''));
      const objects = rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
      expect(objects).toEqual(expected(file.replace(/\.csv$/, '')));
    });
  }
});
