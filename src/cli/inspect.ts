import { basename } from 'node:path';
import type { Message } from '../core/engine/model';
import { decodeBytes } from '../core/import/decode';
import { importTable, type TableImport } from '../core/import/importer';
import type { Kind } from '../core/import/records';
import { sampleRecord } from '../core/import/sample';
import { startSecondPart, startWorkerFor } from './parallelImport';
import { displayWidth, stepTimer, type Timing } from './render';
import { readBytes } from './report';

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
 * Reads an export as `report` would and says what was read. A large chat export is read on both cores
 * as `report` reads it; messages are counted as they come, not kept.
 */
export async function inspectFile(
  path: string,
  timeZone: string,
  kind?: Kind,
  timings: Timing[] = [],
): Promise<Inspection> {
  const first = readFirstPart(path, timeZone, kind, timings);
  try {
    const { result, encoding, firstMessages } = first;
    let { rows } = result;
    let records = result.kind === 'chats' ? first.messages : result.records.length;
    const warnings = [...result.warnings];
    if (first.second) {
      const started = performance.now();
      const second = await first.second;
      timings.push({ step: `wait for ${result.file} (second part)`, ms: performance.now() - started });
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
      notes: result.notes,
      warnings,
    };
  } finally {
    first.stop();
  }
}

/**
 * Reads the file, or its first part while a worker reads the rest. Apart from inspectFile so that the
 * file's bytes and text are let go before the worker's part is waited for.
 */
function readFirstPart(path: string, timeZone: string, kind: Kind | undefined, timings: Timing[]) {
  const timed = stepTimer(timings);
  const file = basename(path);
  // Only a chat export is read in parts; without --kind, the header says whether this is one.
  const worker = kind === undefined || kind === 'chats' ? startWorkerFor(path) : null;
  const stop = () => void worker?.terminate();
  try {
    let bytes: Uint8Array | null = timed(`read ${file}`, () => readBytes(path));
    const parts = worker
      ? timed(`cut ${file}`, () =>
          startSecondPart(
            bytes as Uint8Array,
            { file, timeZone, overrides: {}, rules: NO_RULES, countOnly: true },
            INSPECT_FIRST_PART_SHARE,
            kind === 'chats' ? 'chats' : undefined,
            worker,
          ),
        )
      : null;
    if (!parts) stop();
    // Taken out of `bytes` as they are decoded: the text is read from now on, and the bytes go meanwhile.
    const { text, encoding } = timed(`decode ${file}`, () => {
      const all = bytes as Uint8Array;
      bytes = null;
      return decodeBytes(parts ? all.subarray(0, parts.cut) : all, file);
    });
    let messages = 0;
    const firstMessages: Message[] = [];
    const result = timed(parts ? `import ${file} (first part)` : `import ${file}`, () =>
      importTable({
        file,
        text,
        timeZone,
        ...(kind ? { kind } : {}),
        ...(parts ? { continues: true } : {}),
        onMessage: (message) => {
          messages++;
          if (firstMessages.length < SAMPLE_RECORDS) firstMessages.push(message);
        },
      }),
    );
    return { result, encoding, messages, firstMessages, second: parts?.second(NO_NAMES) ?? null, stop };
  } catch (error) {
    stop();
    throw error;
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
