import type { Message } from '../core/engine/model';
import type { TableImport } from '../core/import/importer';
import type { Kind } from '../core/import/records';
import { sampleRecord } from '../core/import/sample';
import { isRefusal } from '../core/import/warnings';
import { readExport } from './readExport';
import { displayWidth, type Timing, timedWait } from './render';
import { gapTexts } from './report';

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

const SAMPLE_RECORDS = 5;
/** Inspecting counts messages and shows a few: auto-reply rules change no count, and no names are joined. */
const NO_RULES = { autoPrefixes: [], autoKeywords: [] };
const NO_NAMES = { agents: [], customers: [], sessions: [] };
/**
 * How much of a large chat export this thread reads: a little more than half, as this thread has no
 * other file to read and the worker gets its part only after the cut (with 0.5 it finished 0.1–0.3 s
 * after this thread on the 1M-message export; with 0.54, a few milliseconds before).
 */
const INSPECT_FIRST_PART_SHARE = 0.54;

/**
 * Reads an export as `report` would and says what was read. A large chat or order export is read on
 * both cores; messages are counted as they come, not kept.
 */
export async function inspectFile(
  path: string,
  timeZone: string,
  kind?: Kind,
  timings: Timing[] = [],
): Promise<Inspection> {
  let messages = 0;
  const firstMessages: Message[] = [];
  const {
    result: read,
    encoding,
    parts,
    joined,
    stop,
  } = readExport(
    path,
    {
      kind,
      timeZone,
      overrides: {},
      rules: NO_RULES,
      share: INSPECT_FIRST_PART_SHARE,
      countOnly: true,
      onMessage: (message) => {
        messages++;
        if (firstMessages.length < SAMPLE_RECORDS) firstMessages.push(message);
      },
    },
    timings,
  );
  try {
    // A large order export read in parts: its whole import, once the worker's part is joined.
    const result = joined ? await joined() : read;
    let { rows } = result;
    let records = result.kind === 'chats' ? messages : result.records.length;
    const warnings = [...result.warnings];
    if (parts) {
      const second = await timedWait(
        timings,
        `wait for ${result.file} (second part)`,
        parts.second(NO_NAMES),
      );
      rows += second.rows;
      records += second.messages;
      for (const warning of second.warnings) warnings.push(warning);
    }
    const firstRecords: readonly object[] = result.kind === 'chats' ? firstMessages : result.records;
    return {
      file: result.file,
      kind: result.kind,
      dialect: result.dialect,
      encoding,
      delimiter: result.delimiter,
      headerRow: result.headerRow,
      rows,
      records,
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
      sample: firstRecords.slice(0, SAMPLE_RECORDS).map(sampleRecord),
      notes: [...result.notes, ...(result.gaps ? gapTexts(result.file, result.gaps) : [])],
      warnings,
    };
  } finally {
    stop();
  }
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

export function renderInspection(i: Inspection): string {
  const lines = [
    `${i.file}: ${i.kind} export`,
    `  dialect    ${i.dialect ? `${i.dialect.name.zh} / ${i.dialect.name.en} (${Math.round(i.dialect.confidence * 100)} %)` : 'not recognized: columns mapped by their names'}`,
    `  encoding   ${i.encoding}`,
    `  delimiter  ${DELIMITER_NAMES[i.delimiter] ?? JSON.stringify(i.delimiter)}`,
    `  header     row ${i.headerRow}`,
    `  rows       ${i.rows} read, ${i.records} ${i.kind === 'orders' ? 'orders' : 'records'}, ${i.duplicates} duplicate rows, ${i.warnings.filter(isRefusal).length} refused (counted nowhere), ${i.warnings.filter((w) => !isRefusal(w)).length} read with a caution`,
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
      lines.push(
        `    row ${w.row}${w.column ? `, column ${w.column}` : ''}: ${isRefusal(w) ? '' : '(counted) '}${w.message}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
