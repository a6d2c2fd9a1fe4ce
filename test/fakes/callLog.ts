/** Every call the code under test makes into a fake service, in order, so tests can assert batching. */
export interface ServiceCall {
  service: string;
  method: string;
  args: unknown[];
}

export class CallLog {
  readonly calls: ServiceCall[] = [];
  /** "Service.method" → the call number (1-based) that fails, to test what a failure leaves behind. */
  readonly failAt = new Map<string, number>();
  /** Refuses a call the running code may not make (a custom function changing the spreadsheet). */
  guard: ((service: string, method: string) => void) | null = null;

  record(service: string, method: string, args: unknown[]) {
    this.guard?.(service, method);
    this.calls.push({ service, method, args });
    const key = `${service}.${method}`;
    if (this.failAt.get(key) === this.count(service, method)) {
      throw new Error('Exception: Service Spreadsheets failed while accessing document.');
    }
  }

  count(service: string, method?: string): number {
    return this.calls.filter((c) => c.service === service && (method === undefined || c.method === method))
      .length;
  }

  services(): string[] {
    return [...new Set(this.calls.map((c) => c.service))];
  }

  clear() {
    this.calls.length = 0;
  }
}
