/** Every call the code under test makes into a fake service, in order, so tests can assert batching. */
export interface ServiceCall {
  service: string;
  method: string;
  args: unknown[];
}

/**
 * What a call stopped past Apps Script's run time limit fails with. "Script runtime: 6 min /
 * execution"; "If a script reaches a quota or limitation, it throws an exception with a message such
 * as the following: … Exceeded maximum execution time"
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 */
export const EXCEEDED_MAXIMUM_EXECUTION_TIME = 'Exceeded maximum execution time';

export class CallLog {
  readonly calls: ServiceCall[] = [];
  /** "Service.method" → the call number (1-based) that fails, to test what a failure leaves behind. */
  readonly failAt = new Map<string, number>();
  /** Refuses a call the running code may not make (a custom function changing the spreadsheet). */
  guard: ((service: string, method: string) => void) | null = null;

  /**
   * Service calls the running execution may still make before Apps Script stops it (null: no limit),
   * and whether it has been stopped: from then on every call throws, so neither a catch nor a finally
   * of the script gets anything done — a stopped execution does not run them.
   */
  deadline: number | null = null;
  stopped = false;

  record(service: string, method: string, args: unknown[]) {
    if (this.stopped) throw new Error(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    if (this.deadline !== null && this.deadline-- <= 0) {
      this.stopped = true;
      throw new Error(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    }
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
