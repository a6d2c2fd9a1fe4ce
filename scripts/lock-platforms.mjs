// The npm registry reachable here carries only some platform builds of packages that ship native
// binaries as optional dependencies (biome, DuckDB). `npm install` then leaves the others out of
// package-lock.json and `npm ci` refuses the lock file. This adds lock entries for them, tagged
// with os/cpu (and libc), so npm skips them on this platform without fetching anything.
// Run it after any `npm install` that rewrites the lock: node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const PLATFORM = /-(darwin|linux|win32|android|freebsd)-(x64|arm64|arm|ia32)(-(musl))?$/;

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = PLATFORM.exec(name);
    if (lock.packages[key] || !platform) continue;
    const [, os, cpu, , libc] = platform;
    lock.packages[key] = {
      version: version.replace(/^[\^~]/, ''),
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
