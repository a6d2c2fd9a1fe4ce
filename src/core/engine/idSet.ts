/**
 * Distinct whole numbers (customer numbers), counted when asked. Hundreds of thousands of adds to a Set
 * cost more than the rest of the consultation loop; a list sorted once when its size is read does not.
 */
export class IdSet {
  private ids = new Int32Array(16);
  private length = 0;
  private distinct = 0;

  add(id: number): this {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
    this.distinct = -1;
    return this;
  }

  get size(): number {
    if (this.distinct < 0) {
      const sorted = this.ids.subarray(0, this.length).sort();
      let count = 0;
      for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
      this.distinct = count;
    }
    return this.distinct;
  }
}
