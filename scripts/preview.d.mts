import type { Server } from 'node:http';
export function startPreview(options?: { port?: number; quiet?: boolean }): Promise<{
  url: string;
  server: Server;
  fake: unknown;
  /** Every google.script.run call, with the size of its JSON arguments. */
  calls: { name: string; bytes: number }[];
}>;
