/**
 * Binary min-heap of (id, key) on typed arrays, with lazy deletion: a node whose distance improves
 * is pushed again and its stale entries are skipped by the caller (key > current distance). That is
 * simpler and, on street graphs (mean degree about 3), as fast as decrease-key.
 */
export class MinHeap {
  private ids: Uint32Array;
  private keys: Float64Array;
  length = 0;
  /** Key of the entry last returned by pop(). */
  lastKey = 0;

  constructor(capacity = 64) {
    this.ids = new Uint32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  push(id: number, key: number): void {
    if (this.length === this.ids.length) this.grow();
    const ids = this.ids;
    const keys = this.keys;
    let at = this.length++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const parentKey = keys[parent] as number;
      if (parentKey <= key) break;
      ids[at] = ids[parent] as number;
      keys[at] = parentKey;
      at = parent;
    }
    ids[at] = id;
    keys[at] = key;
  }

  /** Removes and returns the id with the smallest key (its key is in lastKey); undefined when empty. */
  pop(): number | undefined {
    if (this.length === 0) return undefined;
    const ids = this.ids;
    const keys = this.keys;
    const top = ids[0] as number;
    this.lastKey = keys[0] as number;
    const last = --this.length;
    if (last > 0) {
      const id = ids[last] as number;
      const key = keys[last] as number;
      const half = last >> 1;
      let at = 0;
      while (at < half) {
        let child = 2 * at + 1;
        const right = child + 1;
        if (right < last && (keys[right] as number) < (keys[child] as number)) child = right;
        if ((keys[child] as number) >= key) break;
        ids[at] = ids[child] as number;
        keys[at] = keys[child] as number;
        at = child;
      }
      ids[at] = id;
      keys[at] = key;
    }
    return top;
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const ids = new Uint32Array(this.ids.length * 2);
    const keys = new Float64Array(this.keys.length * 2);
    ids.set(this.ids);
    keys.set(this.keys);
    this.ids = ids;
    this.keys = keys;
  }
}
