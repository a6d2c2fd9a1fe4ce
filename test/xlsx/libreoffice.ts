import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Papa from 'papaparse';

const PACKAGE = 'libreoffice-calc-nogui';

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * LibreOffice from Debian's packages: installed when missing and we may (root, as on CI machines),
 * otherwise a message that says how.
 */
export function ensureLibreOffice(): void {
  if (hasSoffice()) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    execFileSync(
      'sh',
      ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${PACKAGE}`],
      {
        stdio: 'ignore',
        timeout: 900_000,
      },
    );
  }
  if (!hasSoffice())
    throw new Error(`LibreOffice is missing: apt-get install -y ${PACKAGE} (.ci/run installs it).`);
}

/** Opens a workbook in LibreOffice headless, recalculates it, and returns every sheet as rows of text. */
export function recalculatedSheets(workbook: string): Map<string, string[][]> {
  const out = mkdtempSync(join(tmpdir(), 'cs-kpi-lo-'));
  // Options: comma, double quotes, UTF-8, from line 1, full precision (not as shown), every sheet.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
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
