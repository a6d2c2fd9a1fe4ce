import { basename } from 'node:path';
import { importTable, type TableImport } from '../core/import/importer';
import type { Kind } from '../core/import/records';
import { sampleRecord } from '../core/import/sample';
import { displayWidth } from './render';
import { readExport } from './report';

export interface Inspection {
  file: string;
  kind: Kind;
  dialect: TableImport['dialect'];
  encoding: string;
  delimiter: string;
  headerRow: number;
  rows: number;
  records: number;
  duplicates: number;
  mapping: { field: string; column: string | null; confidence: number; source: string; required: boolean }[];
  privateColumns: string[];
  sample: unknown[];
  notes: string[];
  warnings: TableImport['warnings'];
}

export function inspectFile(path: string, timeZone: string, kind?: Kind): Inspection {
  const { text, encoding } = readExport(path);
  const result = importTable({ file: basename(path), text, timeZone, ...(kind ? { kind } : {}) });
  return {
    file: result.file,
    kind: result.kind,
    dialect: result.dialect,
    encoding,
    delimiter: result.delimiter,
    headerRow: result.headerRow,
    rows: result.rows,
    records: result.records.length,
    duplicates: result.duplicates,
    mapping: result.fields.map(({ field, column, confidence, source, required }) => ({
      field,
      column,
      confidence,
      source,
      required,
    })),
    privateColumns: result.privateColumns,
    // Times as ISO strings, so the sample reads the same in any zone.
    sample: result.records.slice(0, 5).map(sampleRecord),
    notes: result.notes,
    warnings: result.warnings,
  };
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

export function renderInspection(i: Inspection): string {
  const lines = [
    `${i.file}: ${i.kind} export`,
    `  dialect    ${i.dialect ? `${i.dialect.name.zh} / ${i.dialect.name.en} (${Math.round(i.dialect.confidence * 100)} %)` : 'not recognized: columns mapped by their names'}`,
    `  encoding   ${i.encoding}`,
    `  delimiter  ${DELIMITER_NAMES[i.delimiter] ?? JSON.stringify(i.delimiter)}`,
    `  header     row ${i.headerRow}`,
    `  rows       ${i.rows} read, ${i.records} ${i.kind === 'orders' ? 'orders' : 'records'}, ${i.duplicates} duplicate rows, ${i.warnings.length} skipped or noted`,
    '  mapping',
  ];
  const width = Math.max(...i.mapping.map((m) => displayWidth(m.field)));
  for (const m of i.mapping) {
    const column =
      m.column === null
        ? m.required
          ? 'MISSING'
          : '—'
        : `${m.column}  (${m.source}, ${Math.round(m.confidence * 100)} %)`;
    lines.push(`    ${m.field.padEnd(width)}  ${column}`);
  }
  if (i.privateColumns.length > 0) lines.push(`  not read (privacy): ${i.privateColumns.join(', ')}`);
  for (const note of i.notes.filter((n) => !n.startsWith('not read'))) lines.push(`  note: ${note}`);
  lines.push('  sample');
  for (const record of i.sample) lines.push(`    ${JSON.stringify(record)}`);
  if (i.warnings.length > 0) {
    lines.push('  warnings');
    for (const w of i.warnings)
      lines.push(`    row ${w.row}${w.column ? `, column ${w.column}` : ''}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
