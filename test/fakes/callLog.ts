/** Every call the code under test makes into a fake service, in order, so tests can assert batching. */
export interface ServiceCall {
  service: string;
  method: string;
  args: unknown[];
}

export class CallLog {
  readonly calls: ServiceCall[] = [];

  record(service: string, method: string, args: unknown[]) {
    this.calls.push({ service, method, args });
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
