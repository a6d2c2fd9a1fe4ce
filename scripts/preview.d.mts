import type { Server } from 'node:http';
export function startPreview(options?: {
  port?: number;
  quiet?: boolean;
}): Promise<{ url: string; server: Server; fake: unknown }>;
