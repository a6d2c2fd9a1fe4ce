export interface DuckdbRow {
  agent: string;
  reply_rate: number | null;
  first_response_s: number | null;
  conversion_rate: number | null;
}
export function duckdbIndicators(
  chatsCsv: string,
  ordersCsv: string,
): Promise<{ ms: number; rows: DuckdbRow[] }>;
