import { grown } from './typedArrays';

/**
 * Distinct whole numbers (customer numbers), counted when asked. Hundreds of thousands of adds to a Set
 * cost more than the rest of the consultation loop; a list counted once when its size is read does not.
 */
export class IdSet {
  private ids = new Int32Array(16);
  private length = 0;
  private distinct = 0;

  add(id: number): this {
    if (this.length === this.ids.length) this.ids = grown(this.ids, this.length * 2);
    this.ids[this.length++] = id;
    this.distinct = -1;
    return this;
  }

  get size(): number {
    if (this.distinct < 0) this.distinct = countDistinct(this.ids.subarray(0, this.length));
    return this.distinct;
  }
}

/** One mark per number, shared by every count (and left all clear): marking beats sorting the list. */
let marks = new Uint8Array(1024);

function countDistinct(ids: Int32Array): number {
  let min = 0;
  let max = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id < min) min = id;
    if (id > max) max = id;
  }
  if (min < 0) {
    const sorted = ids.slice().sort();
    let count = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
    return count;
  }
  if (marks.length <= max) marks = new Uint8Array(Math.max(max + 1, marks.length * 2));
  let count = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (marks[id] === 0) {
      marks[id] = 1;
      count++;
    }
  }
  for (let i = 0; i < ids.length; i++) marks[ids[i] as number] = 0;
  return count;
}
