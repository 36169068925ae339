/**
 * A binary min-heap of (key, id) entries on typed arrays, for the shortest-path searches of
 * solveAssignment. Ties on the key pop the lowest id first, so a search always takes the same
 * path (determinism: no insertion-order surprises). Lazy: a caller that lowers a key pushes a
 * new entry and skips the stale one when it pops.
 */
export class AssignmentHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  private size = 0;
  /** The key of the entry `pop` returned last. */
  poppedKey = 0;

  constructor(initialCapacity = 64) {
    this.keys = new Float64Array(Math.max(initialCapacity, 4));
    this.ids = new Int32Array(Math.max(initialCapacity, 4));
  }

  /** True when no entry is left. */
  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The least key, +∞ when empty. */
  get topKey(): number {
    return this.size === 0 ? Infinity : this.keys[0]!;
  }

  /** Drops every entry, keeping the memory. */
  clear(): void {
    this.size = 0;
  }

  /** Adds `id` with `key`. */
  push(key: number, id: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const ids = this.ids;
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey < key || (parentKey === key && ids[parent]! < id)) break;
      keys[hole] = parentKey;
      ids[hole] = ids[parent]!;
      hole = parent;
    }
    keys[hole] = key;
    ids[hole] = id;
  }

  /** Removes the entry with the least key (lowest id on ties), returns its id; its key is `poppedKey`. */
  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const topId = ids[0]!;
    this.poppedKey = keys[0]!;
    const size = --this.size;
    if (size > 0) {
      const key = keys[size]!;
      const id = ids[size]!;
      let hole = 0;
      for (;;) {
        let child = 2 * hole + 1;
        if (child >= size) break;
        const right = child + 1;
        if (
          right < size &&
          (keys[right]! < keys[child]! ||
            (keys[right] === keys[child] && ids[right]! < ids[child]!))
        )
          child = right;
        const childKey = keys[child]!;
        if (key < childKey || (key === childKey && id < ids[child]!)) break;
        keys[hole] = childKey;
        ids[hole] = ids[child]!;
        hole = child;
      }
      keys[hole] = key;
      ids[hole] = id;
    }
    return topId;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const ids = new Int32Array(this.ids.length * 2);
    keys.set(this.keys);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
  }
}
