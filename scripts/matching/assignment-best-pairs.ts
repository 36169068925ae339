/**
 * The `limit` best pairs of one row, by key (higher first),
 * ties kept by lowest column: a min-heap whose root is the pair that leaves first. Used to keep
 * each row's candidates (key: the weight) and the most violated pairs of a rescan (key: w − b_j).
 */
export class BestPairs {
  key: Float64Array;
  column: Int32Array;
  weight: Float64Array;
  size = 0;
  limit = 0;
  /** Once full, a pair must have a key above this to enter; −∞ before. */
  cut = -Infinity;
  /** The key and weight of the pair the last `offer` left out (refused or pushed out). */
  outKey = 0;
  outWeight = 0;

  constructor(limit: number) {
    this.key = new Float64Array(limit);
    this.column = new Int32Array(limit);
    this.weight = new Float64Array(limit);
    this.reset(limit);
  }

  /** Empties it for a row, keeping at most `limit` pairs. */
  reset(limit: number): void {
    if (limit > this.key.length) {
      this.key = new Float64Array(limit);
      this.column = new Int32Array(limit);
      this.weight = new Float64Array(limit);
    }
    this.limit = limit;
    this.size = 0;
    this.cut = -Infinity;
  }

  /**
   * Offers a pair (columns in any order; each once). Returns true when a pair was left
   * out (this one, or the lightest kept, which it replaces): its key and weight are in out*.
   */
  offer(key: number, column: number, weight: number): boolean {
    if (this.size < this.limit) {
      this.siftUp(this.size++, key, column, weight);
      if (this.size === this.limit) this.cut = this.key[0]!;
      return false;
    }
    // A tie at the cut enters only from a lower column than the one it would push out: the
    // same pairs are kept whatever order the columns come in.
    if (!(key > this.cut || (key === this.cut && column < this.column[0]!))) {
      this.outKey = key;
      this.outWeight = weight;
      return true;
    }
    this.outKey = this.key[0]!;
    this.outWeight = this.weight[0]!;
    this.siftDown(key, column, weight);
    this.cut = this.key[0]!;
    return true;
  }

  /** Writes the kept pairs by increasing column at `at` in the arrays; returns the end. */
  drainByColumn(
    column: Int32Array | number[],
    weight: Float64Array | number[],
    at: number,
  ): number {
    let end = at;
    for (let h = 0; h < this.size; h++) {
      const j = this.column[h]!;
      const w = this.weight[h]!;
      let e = end++;
      while (e > at && column[e - 1]! > j) {
        column[e] = column[e - 1]!;
        weight[e] = weight[e - 1]!;
        e--;
      }
      column[e] = j;
      weight[e] = w;
    }
    this.size = 0;
    return end;
  }

  /** Heap order: lower key first, then higher column first (a tie at the cut drops it). */
  private before(k1: number, j1: number, k2: number, j2: number): boolean {
    return k1 < k2 || (k1 === k2 && j1 > j2);
  }

  private siftUp(at: number, key: number, column: number, weight: number): void {
    let hole = at;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (!this.before(key, column, this.key[parent]!, this.column[parent]!)) break;
      this.move(parent, hole);
      hole = parent;
    }
    this.key[hole] = key;
    this.column[hole] = column;
    this.weight[hole] = weight;
  }

  private siftDown(key: number, column: number, weight: number): void {
    const size = this.size;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= size) break;
      if (
        child + 1 < size &&
        this.before(
          this.key[child + 1]!,
          this.column[child + 1]!,
          this.key[child]!,
          this.column[child]!,
        )
      )
        child++;
      if (!this.before(this.key[child]!, this.column[child]!, key, column)) break;
      this.move(child, hole);
      hole = child;
    }
    this.key[hole] = key;
    this.column[hole] = column;
    this.weight[hole] = weight;
  }

  private move(from: number, to: number): void {
    this.key[to] = this.key[from]!;
    this.column[to] = this.column[from]!;
    this.weight[to] = this.weight[from]!;
  }
}
