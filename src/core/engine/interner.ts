/**
 * Whole numbers for the strings the engine groups by (customers, agents). A million messages mean a
 * million lookups: hashing a string each time, or a joined agent-and-customer key, cost more than
 * the rest of the engine, while sets and maps of small numbers are cheap.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** Names before this one are in `ids`; names appended in bulk are looked up only once a lookup comes. */
  private mapped = 0;

  /** The number of `name`, given the next free one the first time. */
  id(name: string): number {
    if (this.mapped < this.names.length) this.mapAppended();
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.mapped++;
    }
    return id;
  }

  /** The number of `name`, or undefined if it was never given one. */
  find(name: string): number | undefined {
    if (this.mapped < this.names.length) this.mapAppended();
    return this.ids.get(name);
  }

  /**
   * Numbers names the caller knows to be new here, in order. Another thread's customers are looked up
   * again only if orders are joined to them: putting them in the map when the first lookup comes saves
   * that work when none does.
   */
  appendNew(names: readonly string[]): void {
    for (const name of names) this.names.push(name);
  }

  private mapAppended() {
    for (; this.mapped < this.names.length; this.mapped++)
      this.ids.set(this.names[this.mapped] as string, this.mapped);
  }
}
