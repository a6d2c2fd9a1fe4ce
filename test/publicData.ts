import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real public exports kept in the repository byte for byte as published (sources, licences and the
 * independently computed figures: test/fixtures/public-data/README.md).
 */
export const PUBLIC_DATA = resolve(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/public-data');

export function publicDataFile(name: string): string {
  return resolve(PUBLIC_DATA, name);
}

/** The Twitter support conversations as `cs-kpi report` arguments, their columns named by --map. */
export const TWITTER_CONVERSATION_ARGS = [
  '--chats',
  publicDataFile('twcs_sample_conversations.csv'),
  '--map',
  'agent=account',
  '--map',
  'session=conversation_id',
  '--map',
  'time=created_at_utc',
  '--map',
  'from=role',
];

export function readPublicData(name: string): string {
  return readFileSync(publicDataFile(name), 'utf8');
}
