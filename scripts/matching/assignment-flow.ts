import { byColumn, type CandidateGraph } from './assignment-candidates.ts';
import { AssignmentHeap } from './assignment-heap.ts';

/**
 * A matching of the rows added so far on a candidate graph, with its duals: `rowDual` a_i ≥ 0,
 * `columnDual` b_j ≥ 0, such that on every candidate pair of an added row w ≤ a_i + b_j, with
 * equality on matched pairs, a_i = 0 for an unmatched added row and b_j = 0 for a column with a
 * free place. By LP duality the matching is then optimal for the added rows on the graph.
 *
 * `addRow` is one shortest augmenting path (Dijkstra on the slacks a_i + b_j − w ≥ 0, integers
 * only): it ends in a free place, or by unmatching a row (its private weight-0 option). A full
 * column continues the path through each row it holds. `removeRow` takes a row back out, and
 * the search backwards from the column it leaves (`fillPlace`) restores « free place ⇒ b_j = 0 »,
 * which is how the proof warm-starts after adding pairs.
 */
export class AssignmentFlow {
  readonly columnOfRow: Int32Array;
  readonly rowDual: Float64Array;
  readonly columnDual: Float64Array;
  /**
   * b_j, plus ½ when column j is full: the price a row's candidates are chosen at, so that among
   * pairs of equal w − b_j a column with a free place comes first (exact: halves are exact).
   */
  readonly selectionPrice: Float64Array;
  readonly held: Int32Array;
  private readonly added: Uint8Array;
  private readonly capacity: Int32Array;
  private graph: CandidateGraph;
  private reverse: ReturnType<typeof byColumn> | undefined;
  // The rows each column holds, as doubly linked lists (no array of size sum of capacities).
  private readonly first: Int32Array;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  // Search labels, valid when the stamp equals the current search's.
  private readonly columnDistance: Float64Array;
  private readonly rowDistance: Float64Array;
  private readonly columnLabelled: Int32Array;
  private readonly rowLabelled: Int32Array;
  private readonly columnSettled: Int32Array;
  private readonly rowSettled: Int32Array;
  private readonly columnVia: Int32Array;
  private readonly rowVia: Int32Array;
  private readonly settledColumns: Int32Array;
  private readonly settledRows: Int32Array;
  private readonly heap = new AssignmentHeap(256);
  private stamp = 0;

  constructor(capacity: Int32Array, rows: number, graph: CandidateGraph) {
    const columns = capacity.length;
    this.capacity = capacity;
    this.graph = graph;
    this.columnOfRow = new Int32Array(rows).fill(-1);
    this.rowDual = new Float64Array(rows);
    this.columnDual = new Float64Array(columns);
    this.selectionPrice = new Float64Array(columns);
    this.held = new Int32Array(columns);
    this.added = new Uint8Array(rows);
    this.first = new Int32Array(columns).fill(-1);
    this.next = new Int32Array(rows);
    this.previous = new Int32Array(rows);
    this.columnDistance = new Float64Array(columns);
    this.rowDistance = new Float64Array(rows);
    this.columnLabelled = new Int32Array(columns);
    this.rowLabelled = new Int32Array(rows);
    this.columnSettled = new Int32Array(columns);
    this.rowSettled = new Int32Array(rows);
    this.columnVia = new Int32Array(columns);
    this.rowVia = new Int32Array(rows);
    this.settledColumns = new Int32Array(columns);
    this.settledRows = new Int32Array(rows);
  }

  /** Replaces the graph by one with more pairs; rows holding new pairs must be removed first. */
  setGraph(graph: CandidateGraph): void {
    this.graph = graph;
    this.reverse = undefined;
  }

  /**
   * Adds row `r` along a shortest augmenting path from it. Ends at the cheapest of: a column with
   * a free place (key d_j), or a row of the search tree left unmatched (key d_i + a_i). Only
   * full columns go through the heap; the cheapest end so far is kept aside, and the search stops
   * once no full column is closer. On a tie the end wins over a full column; a free column wins
   * over unmatching a row (one pair more), the lowest column first; then the highest row leaves,
   * so that lower rows keep theirs.
   */
  addRow(r: number): void {
    const { start, column, weight } = this.graph;
    const { capacity, held, columnDual: b, rowDual: a, heap } = this;
    const { columnDistance, columnLabelled, columnSettled, columnVia, rowDistance } = this;
    const columns = capacity.length;
    const rows = this.columnOfRow.length;
    const stamp = ++this.stamp;
    let settledColumns = 0;
    let settledRows = 0;
    heap.clear();
    // a_r = max(0, max w − b): every candidate pair of r is feasible, the tightest has slack 0.
    let ar = 0;
    for (let e = start[r]!; e < start[r + 1]!; e++) {
      const reduced = weight[e]! - b[column[e]!]!;
      if (reduced > ar) ar = reduced;
    }
    a[r] = ar;
    this.added[r] = 1;
    let row = r;
    let distance = 0;
    // The cheapest end so far: `total` its key, `end` its rank (a free column j: j; unmatching
    // row u: columns + rows − 1 − u).
    let total = Infinity;
    let end = -1;
    for (;;) {
      // Settle `row` at `distance`: its unmatched option, then its candidate pairs.
      rowDistance[row] = distance;
      this.settledRows[settledRows++] = row;
      const ai = a[row]!;
      const base = distance + ai;
      const unmatched = columns + rows - 1 - row;
      if (base < total || (base === total && unmatched < end)) {
        total = base;
        end = unmatched;
      }
      for (let e = start[row]!; e < start[row + 1]!; e++) {
        const j = column[e]!;
        if (columnSettled[j] === stamp) continue;
        const d = base + b[j]! - weight[e]!;
        if (columnLabelled[j] !== stamp || d < columnDistance[j]!) {
          columnLabelled[j] = stamp;
          columnDistance[j] = d;
          columnVia[j] = row;
          if (held[j]! < capacity[j]!) {
            if (d < total || (d === total && j < end)) {
              total = d;
              end = j;
            }
          } else heap.push(d, j);
        }
      }
      // The next row to settle: the next one held by the settled column, else the first one
      // held by the next full column popped, unless the cheapest end is no farther.
      row = row === r ? -1 : this.next[row]!;
      while (row < 0 && heap.topKey < total) {
        const j = heap.pop();
        const key = heap.poppedKey;
        if (columnSettled[j] === stamp || key > columnDistance[j]!) continue;
        columnSettled[j] = stamp;
        this.settledColumns[settledColumns++] = j;
        row = this.first[j]!;
        distance = key;
      }
      if (row < 0) break;
    }
    // Duals: b_j += D − d_j, a_i −= D − d_i on settled nodes (slacks stay ≥ 0, the path tight).
    for (let s = 0; s < settledColumns; s++) {
      const j = this.settledColumns[s]!;
      b[j] = b[j]! + (total - columnDistance[j]!);
      this.selectionPrice[j] = b[j]! + 0.5;
    }
    for (let s = 0; s < settledRows; s++) {
      const i = this.settledRows[s]!;
      a[i] = a[i]! - (total - rowDistance[i]!);
    }
    // Augment: each row on the path moves to the column after it; the last one leaves or unmatches.
    let i: number;
    let to: number;
    if (end >= columns) {
      i = columns + rows - 1 - end;
      to = -1;
    } else {
      i = columnVia[end]!;
      to = end;
    }
    for (;;) {
      const from = this.columnOfRow[i]!;
      this.move(i, from, to);
      if (i === r) break;
      to = from;
      i = columnVia[from]!;
    }
  }

  /** Takes row `i` out (unmatched, not added): its column may be left with a free place. */
  removeRow(i: number): number {
    const from = this.columnOfRow[i]!;
    this.move(i, from, -1);
    this.added[i] = 0;
    this.rowDual[i] = 0;
    return from;
  }

  /** Restores « free place ⇒ b_j = 0 » on column `j` (after removeRow), by backward searches. */
  settleColumn(j: number): void {
    while (this.held[j]! < this.capacity[j]! && this.columnDual[j]! > 0) this.fillPlace(j);
  }

  /**
   * One search backwards from the free place of column `j0` (b > 0): a row moves into it from its
   * column, whose place another row takes, and so on. Ends at the cheapest of: an unmatched added
   * row (key d_i, its a_i = 0), or a column whose price drops to 0 to keep the place (d_j + b_j).
   */
  private fillPlace(j0: number): void {
    const reverse = (this.reverse ??= byColumn(this.graph, this.capacity.length));
    const { capacity, columnDual: b, rowDual: a, heap, columnOfRow, added } = this;
    const { columnDistance, columnLabelled, columnSettled, columnVia } = this;
    const { rowDistance, rowLabelled, rowSettled, rowVia } = this;
    const columns = capacity.length;
    const rows = columnOfRow.length;
    const stamp = ++this.stamp;
    let settledColumns = 0;
    let settledRows = 0;
    heap.clear();
    columnLabelled[j0] = stamp;
    columnDistance[j0] = 0;
    columnVia[j0] = -1;
    heap.push(0, j0);
    let end = -1;
    let total = 0;
    while (end < 0) {
      const id = heap.pop();
      const key = heap.poppedKey;
      if (id < columns) {
        const j = id;
        if (columnSettled[j] === stamp || key > columnDistance[j]!) continue;
        columnSettled[j] = stamp;
        this.settledColumns[settledColumns++] = j;
        if (b[j] === 0) {
          end = id;
          total = key;
          break;
        }
        heap.push(key + b[j]!, columns + rows + j);
        // Its rows are tight: they settle with it (their duals move with b_j).
        for (let i = this.first[j]!; i >= 0; i = this.next[i]!) {
          if (rowSettled[i] === stamp) continue;
          rowSettled[i] = stamp;
          rowDistance[i] = key;
          this.settledRows[settledRows++] = i;
        }
        for (let e = reverse.start[j]!; e < reverse.start[j + 1]!; e++) {
          const i = reverse.row[e]!;
          if (added[i] === 0 || rowSettled[i] === stamp) continue;
          const d = key + a[i]! + b[j]! - reverse.weight[e]!;
          if (rowLabelled[i] !== stamp || d < rowDistance[i]!) {
            rowLabelled[i] = stamp;
            rowDistance[i] = d;
            rowVia[i] = j;
            heap.push(d, columns + i);
          }
        }
      } else if (id < columns + rows) {
        const i = id - columns;
        if (rowSettled[i] === stamp || key > rowDistance[i]!) continue;
        rowSettled[i] = stamp;
        this.settledRows[settledRows++] = i;
        const j = columnOfRow[i]!;
        if (j < 0) {
          end = id;
          total = key;
        } else if (
          columnSettled[j] !== stamp &&
          (columnLabelled[j] !== stamp || key < columnDistance[j]!)
        ) {
          columnLabelled[j] = stamp;
          columnDistance[j] = key;
          columnVia[j] = i;
          heap.push(key, j);
        }
      } else {
        end = id;
        total = key;
      }
    }
    for (let s = 0; s < settledColumns; s++) {
      const j = this.settledColumns[s]!;
      b[j] = b[j]! - (total - columnDistance[j]!);
      this.reprice(j);
    }
    for (let s = 0; s < settledRows; s++) {
      const i = this.settledRows[s]!;
      a[i] = a[i]! + (total - rowDistance[i]!);
    }
    // Augment backwards: each row on the path moves into the column it was reached from.
    let j: number;
    if (end >= columns + rows) j = end - columns - rows;
    else if (end >= columns) {
      const i = end - columns;
      j = rowVia[i]!;
      this.move(i, -1, j);
    } else j = end;
    while (j !== j0) {
      const i = columnVia[j]!;
      const to = rowVia[i]!;
      this.move(i, j, to);
      j = to;
    }
  }

  private reprice(j: number): void {
    this.selectionPrice[j] = this.columnDual[j]! + (this.held[j]! >= this.capacity[j]! ? 0.5 : 0);
  }

  private move(i: number, from: number, to: number): void {
    if (from >= 0) {
      const before = this.previous[i]!;
      const after = this.next[i]!;
      if (before >= 0) this.next[before] = after;
      else this.first[from] = after;
      if (after >= 0) this.previous[after] = before;
      this.held[from] = this.held[from]! - 1;
      this.reprice(from);
    }
    this.columnOfRow[i] = to;
    if (to >= 0) {
      const head = this.first[to]!;
      this.next[i] = head;
      this.previous[i] = -1;
      if (head >= 0) this.previous[head] = i;
      this.first[to] = i;
      this.held[to] = this.held[to]! + 1;
      this.reprice(to);
    }
  }
}
