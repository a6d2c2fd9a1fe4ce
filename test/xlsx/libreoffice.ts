import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { hasSoffice } from '../systemPackages';

/** LibreOffice is installed by the test setup when missing (test/systemPackages.ts); this says when it could not be. */
export function ensureLibreOffice(): void {
  if (!hasSoffice())
    throw new Error(
      'LibreOffice is missing: apt-get install -y libreoffice-calc-nogui (the test setup does it as root).',
    );
}

/**
 * Opens a workbook in LibreOffice headless, recalculates it, and returns every sheet as rows of text:
 * full precision, or as its number formats show it (`asShown`).
 */
export function recalculatedSheets(workbook: string, { asShown = false } = {}): Map<string, string[][]> {
  const out = mkdtempSync(join(tmpdir(), 'cs-kpi-lo-'));
  // Options: comma, double quotes, UTF-8, from line 1, full precision or as shown, every sheet.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', filter, workbook, '--outdir', out], {
    env: { ...process.env, HOME: out },
    stdio: 'ignore',
    timeout: 180_000,
  });
  const stem = basename(workbook).replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  const prefix = `${stem}-`;
  for (const file of readdirSync(out).filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))) {
    const name = file.slice(prefix.length, -'.csv'.length);
    const text = readFileSync(join(out, file), 'utf8');
    sheets.set(name, Papa.parse<string[]>(text.trim(), { header: false }).data);
  }
  return sheets;
}

/** "32.6%" → 0.326, "47.5" → 47.5, "" → null. */
export function cellNumber(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const percent = text.trim().endsWith('%');
  const n = Number(text.replace('%', ''));
  return percent ? n / 100 : n;
}
