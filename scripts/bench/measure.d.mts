export interface Measured {
  ok: boolean;
  ms: number | null;
  peakMB: number | null;
  stderr: string;
  result: ({ code?: number; ms: number; peakMB?: number } & Record<string, unknown>) | null;
  failure: string | null;
}
export function measureProcess(
  script: string,
  args: string[],
  options?: { nodeArgs?: string[]; memoryLimitMB?: number | null },
): Promise<Measured>;
export function median(values: number[]): number;
