import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the checkout: real public exports, used as they are. */
export const SHARED_DATA = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/data');

export function sharedFile(name: string): string {
  const path = resolve(SHARED_DATA, name);
  if (!existsSync(path))
    throw new Error(`${path} is missing: the tests need ../shared/data beside the checkout.`);
  return path;
}

export function readShared(name: string): string {
  return readFileSync(sharedFile(name), 'utf8');
}
