import type { AgentZones } from '../engine/consultations';
import type { Message } from '../engine/model';
import type { Kind, RecordOf } from '../import/records';
import type { TableImport } from '../import/tableReader';
import { type KindRead, singleExport } from './pipeline';

/**
 * A zone per export (docs/decisions.md, "A time zone per file"): the front ends that read one export
 * of each kind (the sidebar, CS_INDICATORS) give each its zone as the command line's FILE@ZONE does.
 */

/** The zone an export was read in: the one given for it, else its dialect's market's, else the report's. */
export function zoneOfExport(
  given: string | undefined,
  imported: Pick<TableImport, 'timeZone'>,
  report: string,
) {
  return given ?? imported.timeZone ?? report;
}

/**
 * One export, the only one of its kind, in `zone`: where that is not the report's (a shop in another
 * market), each record keeps it and its days follow it (engine/model.ts).
 */
export function zonedExport<K extends Kind>(
  imported: TableImport<K>,
  zone: string,
  reportZone: string,
): KindRead<RecordOf[K][]> {
  const read = singleExport(imported);
  if (zone === reportZone || imported.kind === 'chats') return read;
  return { ...read, records: read.records.map((record) => ({ ...record, zone })) };
}

/** The agents of a chat export read in another zone than the report's: their consultations' days follow it. */
export function agentZonesOf(messages: readonly Message[], zone: string, reportZone: string): AgentZones {
  const zones = new Map<string, string>();
  if (zone !== reportZone) for (const message of messages) zones.set(message.agent, zone);
  return zones;
}
