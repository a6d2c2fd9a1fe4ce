#!/usr/bin/env node
// The command line is bundled by `npm run build` into build/cli.js.
import { existsSync } from 'node:fs';

const cli = new URL('../build/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('cs-kpi: build/cli.js is missing. Run `npm run build` first.');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
