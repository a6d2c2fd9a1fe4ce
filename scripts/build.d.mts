export const ROOT: string;
export class BuildError extends Error {}
export function loadInEmptyContext(code: string, label: string): Record<string, unknown>;
export function buildCode(entry: string): Promise<string>;
export function sidebarProblems(html: string): string[];
export function buildSidebar(sidebarDir: string): Promise<string>;
export function buildCli(entry: string, outfile: string): Promise<void>;
export interface BuildOptions {
  root?: string;
  entry?: string;
  outDir?: string;
  sidebarDir?: string;
  manifest?: string;
  cli?: { entry: string; outfile: string } | false;
}
export function build(options?: BuildOptions): Promise<string[]>;
