/**
 * Whole numbers for the strings the engine groups by (customers, agents). A million messages mean a
 * million lookups: hashing a string each time, or a joined agent-and-customer key, cost more than
 * the rest of the engine, while sets and maps of small numbers are cheap.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The number of `name`, given the next free one the first time. */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /** The number of `name`, or undefined if it was never given one. */
  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}
