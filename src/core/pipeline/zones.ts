import type { AgentZones } from '../engine/consultations';
import type { Message } from '../engine/model';
import type { Kind, RecordOf } from '../import/records';
import type { TableImport } from '../import/tableReader';
import { ImportError } from '../import/warnings';
import { type ExportRead, type KindRead, singleExport } from './pipeline';

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

/**
 * Several exports of one kind, each in its zone, their records together in the order given: as the
 * command line joins several `--orders FILE@ZONE` (the sidebar's 再添加一个导出).
 */
export function zonedExports<K extends Kind>(
  list: readonly { imported: TableImport<K>; zone: string }[],
  reportZone: string,
): KindRead<RecordOf[K][]> {
  const records: RecordOf[K][] = [];
  const exports: ExportRead[] = [];
  for (const { imported, zone } of list) {
    const read = zonedExport(imported, zone, reportZone);
    for (const record of read.records) records.push(record);
    exports.push(...read.exports);
  }
  return { records, exports };
}

/** The agents of a chat export read in another zone than the report's: their consultations' days follow it. */
export function agentZonesOf(messages: readonly Message[], zone: string, reportZone: string): AgentZones {
  // One export cannot name an account in two zones: no refusal to carry into Code.js (CS_INDICATORS).
  const zones = new Map<string, string>();
  if (zone !== reportZone) for (const message of messages) zones.set(message.agent, zone);
  return zones;
}

/**
 * The agents of several chat exports read in a zone other than the report's, with that zone. An agent
 * account named in exports of two zones could be counted in either: refused, saying which files.
 */
export function agentZonesAcross(
  files: readonly { file: string; zone: string; agents: Iterable<string> }[],
  reportZone: string,
): AgentZones {
  const zoneOf = new Map<string, { file: string; zone: string }>();
  for (const { file, zone, agents } of files)
    for (const agent of agents) {
      const known = zoneOf.get(agent);
      if (known === undefined) zoneOf.set(agent, { file, zone });
      else if (known.zone !== zone)
        throw new ImportError(
          `the agent account "${agent}" is in ${known.file} (read in ${known.zone}) and in ${file} (read in ${zone}): one account's days can follow one zone only. Give both files the same zone, or tell the accounts apart (each shop's name before the agent's, as 店铺名:小美).`,
        );
    }
  const zones = new Map<string, string>();
  for (const [agent, { zone }] of zoneOf) if (zone !== reportZone) zones.set(agent, zone);
  return zones;
}
