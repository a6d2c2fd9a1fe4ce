// The npm registry reachable here carries only the Linux builds of biome's platform packages, so
// `npm install` leaves the others out of package-lock.json and `npm ci` then refuses the lock file.
// This adds lock entries for them (with os/cpu, so npm skips them on Linux without fetching).
// Run it after any `npm install` that rewrites the lock: node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
let added = 0;
for (const name of Object.keys(biome?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const [os, cpu, libc] = name.replace('@biomejs/cli-', '').split('-');
  lock.packages[key] = {
    version: biome.version,
    cpu: [cpu],
    dev: true,
    engines: { node: '>=14.21.3' },
    license: 'MIT OR Apache-2.0',
    optional: true,
    os: [os],
    ...(libc ? { libc: [libc] } : {}),
  };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
