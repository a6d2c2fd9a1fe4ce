// The second part of a large chat or order export, read on another core (see parallelImport.ts).
import { parentPort } from 'node:worker_threads';
import {
  columnsData,
  MessageColumnsBuilder,
  type NameLists,
  renumberColumns,
  transferables,
} from '../core/engine/messageColumns';
import { importTable } from '../core/import/importer';
import { diskText } from './diskPieces';
import { blockTransferables, OrderRowsWriter } from './orderRows';
import type { PartRequest, PartResult } from './parallelImport';
import { decodeOwnPart } from './pieces';
import { CanonicalPart } from './sql/canonicalPart';

const fail = (error: unknown) =>
  parentPort?.postMessage({ error: (error as Error).message ?? String(error) });

/** What the importer is told of the part, whatever its kind. */
function tableRequest(request: PartRequest, text: string, more: Iterable<string> | undefined) {
  return {
    file: request.file,
    text,
    ...(more ? { more } : {}),
    timeZone: request.timeZone,
    overrides: request.overrides,
    delimiter: request.delimiter,
    ...(request.pseudonymKey ? { pseudonymKey: request.pseudonymKey } : {}),
    ...(request.marketZones ? { marketZones: true } : {}),
    ...(request.now !== undefined ? { now: request.now } : {}),
  };
}

/**
 * An order export's part: its rows' orders, uncollapsed, sent as columns a block at a time as they are
 * read (orderRows.ts), then what else its reading gave.
 */
function readOrderPart(request: PartRequest) {
  const { text, more } = decodeOwnPart(request.bytes as Uint8Array, request.file, request);
  const orders = new OrderRowsWriter((block) =>
    parentPort?.postMessage({ block }, blockTransferables(block)),
  );
  const result = importTable({
    ...tableRequest(request, text, more),
    kind: 'orders',
    ...(request.resume ? { resume: request.resume } : {}),
    onOrderRow: (order) => orders.add(order),
  });
  orders.end();
  const reply: PartResult = {
    columns: null,
    messages: 0,
    warnings: result.warnings,
    rows: result.rows,
    firstRows: result.firstRows,
  };
  parentPort?.postMessage(reply);
}

/** Reads the part, then waits for the names to renumber it into (see parallelImport.ts). */
async function readPart(request: PartRequest) {
  // The names the other thread has numbered come once it has read its part (renumbering here spares
  // it): listened for now, as they may come while DuckDB opens.
  const names = new Promise<NameLists>((resolve) => parentPort?.once('message', resolve));
  // For the DuckDB engine, canonical rows into a file of their own instead of columns.
  const canonical = request.canonicalFile
    ? await CanonicalPart.create(request.canonicalFile, request.rules)
    : null;
  // On disk (the DuckDB engine's): the header's bytes and the pieces, read one at a time.
  const { text, more } = request.disk
    ? diskText(request.disk.path, request.disk.pieces, { start: 0, end: request.disk.headerEnd })
    : decodeOwnPart(request.bytes as Uint8Array, request.file, request);
  // Inspecting only counts the messages: no columns, as on the other thread.
  const messages = request.countOnly || canonical ? null : new MessageColumnsBuilder(request.rules);
  let count = 0;
  const result = importTable({
    ...tableRequest(request, text, more),
    kind: 'chats',
    onMessage: (message) => {
      messages?.add(message);
      canonical?.add(message);
      count++;
    },
  });
  canonical?.finish();
  const part = messages && columnsData(messages.build());
  const columns = part && renumberColumns(part, await names);
  const reply: PartResult = { columns, messages: count, warnings: result.warnings, rows: result.rows };
  parentPort?.postMessage(reply, columns ? transferables(columns) : []);
}

// Started before the command has read the file: the part comes as the first message.
parentPort?.once('message', (request: PartRequest) => {
  if (request.kind === 'orders') {
    try {
      readOrderPart(request);
    } catch (error) {
      fail(error);
    }
  } else readPart(request).catch(fail);
});
