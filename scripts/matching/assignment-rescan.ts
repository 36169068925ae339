import { BestPairs } from './assignment-best-pairs.ts';
import { AssignmentInputError, checkPair, type CandidateGraph } from './assignment-candidates.ts';
import type { AssignmentFlow } from './assignment-flow.ts';
import { rowReader, type AssignmentProblem } from './solve-assignment.ts';

/** Pairs to add to the candidate graph, by row then increasing column. */
export interface AddedPairs {
  row: Int32Array;
  column: Int32Array;
  weight: Float64Array;
  count: number;
}

/**
 * The proof's step between two solves (issue 9): finds allowed pairs outside the graph with
 * w > a_i + b_j, reading again only the rows it cannot prove otherwise. Every left-out pair of
 * row i weighs at most `heaviest[i]`, so a_i + min b_j ≥ that proves the row; and it has
 * w − b_j ≤ `reduced[i]` at the column duals of the row's last read, so a_i ≥ `reduced[i]`
 * proves it too, unless some b_j fell since (the warm start lowers the price of a place nobody
 * takes back): then only by more than a_i − reduced[i], on a column still priced below
 * heaviest[i] − a_i, does it leave the row in doubt.
 *
 * A row read again adds its most violated pairs (largest w − b_j) and those just as heavy as
 * a_i + b_j (ties: adding them keeps the bound of what stays out below a_i), at most
 * `perRow` the first time and twice as many each time it is read again: adding every violated
 * pair made the graph dense when many rows want the same popular mentors (measured: 23 million
 * pairs on 5,000 × 6,000), while a fixed number took one round per tier of popularity.
 */
export class AssignmentRescan {
  private readonly problem: AssignmentProblem;
  private readonly read: ReturnType<typeof rowReader>;
  private readonly perRow: number;
  private readonly heaviest: Float64Array;
  private readonly reduced: Float64Array;
  private readonly readAt: Int32Array;
  private readonly reads: Uint8Array;
  private readonly prices: Float64Array[];
  private readonly best: BestPairs;
  private violations = 0;

  /** `heaviest` and `reduced`: the bounds of the first selection, at the duals of the first solve. */
  constructor(
    problem: AssignmentProblem,
    perRow: number,
    bounds: { heaviest: Float64Array; reduced: Float64Array },
  ) {
    this.problem = problem;
    this.read = rowReader(problem);
    this.perRow = perRow;
    this.heaviest = bounds.heaviest;
    this.reduced = bounds.reduced;
    this.readAt = new Int32Array(problem.rows);
    this.reads = new Uint8Array(problem.rows);
    this.prices = [];
    this.best = new BestPairs(perRow);
  }

  /** The violated pairs to add after a solve (none: the assignment is optimal), and the rows read. */
  violatedPairs(graph: CandidateGraph, flow: AssignmentFlow): AddedPairs & { rescanned: number } {
    const { rows, columns, capacity } = this.problem;
    const { rowDual: a, columnDual: b } = flow;
    const now = this.prices.length;
    this.prices.push(b.slice());
    // Which column prices fell since each earlier read, and how far (for the reads still used).
    const fell: (ReturnType<typeof dropsSince> | undefined)[] = [];
    const fellSince = (read: number) => (fell[read] ??= dropsSince(this.prices[read]!, b));
    let leastPrice = Infinity;
    for (let j = 0; j < columns; j++)
      if (capacity[j]! > 0 && b[j]! < leastPrice) leastPrice = b[j]!;
    const row: number[] = [];
    const column: number[] = [];
    const weight: number[] = [];
    let rescanned = 0;
    this.violations = 0;
    const read = (i: number): void => {
      rescanned++;
      const from = column.length;
      const end = this.rescan(graph, flow, i, column, weight);
      this.readAt[i] = now;
      for (let k = from; k < end; k++) row.push(i);
    };
    // Rows whose bound is above a_i at the prices they were read at are read first. Rows only
    // in doubt because some prices fell since are read once those are settled (no violation
    // left among the others): the next solve would often lower prices again and doubt them anew.
    const doubted: number[] = [];
    for (let i = 0; i < rows; i++) {
      if (a[i]! + leastPrice >= this.heaviest[i]!) continue;
      // A left-out pair (i, j) has w ≤ heaviest and w − b_j(then) ≤ reduced: it is proved if
      // b_j did not fall, or fell by at most a_i − reduced, or is still ≥ heaviest − a_i.
      const margin = a[i]! - this.reduced[i]!;
      if (margin < 0) read(i);
      else if (fellSince(this.readAt[i]!).most(this.heaviest[i]! - a[i]!) > margin) doubted.push(i);
    }
    if (this.violations === 0) for (const i of doubted) read(i);
    // Pairs as heavy as a_i + b_j are added with the violated ones, to keep the bound of what
    // stays out below a_i; without any violated pair the assignment is optimal as it is.
    if (this.violations === 0) row.length = column.length = weight.length = 0;
    // By row (doubted rows were read after the others), then column: a stable sort keeps that.
    const order = row.map((_, k) => k).sort((x, y) => row[x]! - row[y]!);
    return {
      row: Int32Array.from(order, (k) => row[k]!),
      column: Int32Array.from(order, (k) => column[k]!),
      weight: Float64Array.from(order, (k) => weight[k]!),
      count: row.length,
      rescanned,
    };
  }

  /** Reads row i again; appends its pairs to add to `column`/`weight`, returns their end. */
  private rescan(
    graph: CandidateGraph,
    flow: AssignmentFlow,
    i: number,
    column: number[],
    weight: number[],
  ): number {
    const { best, scan } = this;
    best.reset(Math.min(this.perRow * 2 ** Math.min(this.reads[i]!, 24), this.problem.columns));
    this.reads[i] = Math.min(this.reads[i]! + 1, 255);
    scan.row = i;
    scan.dual = flow.rowDual[i]!;
    scan.price = flow.columnDual;
    scan.candidates = graph.column;
    scan.next = graph.start[i]!;
    scan.end = graph.start[i + 1]!;
    scan.last = -1;
    scan.heaviest = 0;
    scan.reduced = -Infinity;
    this.read(i, this.visit);
    this.heaviest[i] = scan.heaviest;
    this.reduced[i] = scan.reduced;
    return best.drainByColumn(column, weight, column.length);
  }

  /** The state of the row being read, for `visit` (one closure for every row: it stays fast). */
  private readonly scan = {
    row: 0,
    dual: 0,
    price: new Float64Array(0) as Float64Array<ArrayBufferLike>,
    candidates: new Int32Array(0) as Int32Array<ArrayBufferLike>,
    next: 0,
    end: 0,
    last: -1,
    heaviest: 0,
    reduced: -Infinity,
  };

  // Runs for every pair of a rescanned row. A pair that is not violated and would not raise
  // either bound changes nothing, candidate or not: it returns at once. Others are checked.
  private readonly visit = (j: number, w: number): void => {
    const scan = this.scan;
    if (j <= scan.last)
      throw new AssignmentInputError(
        `forEachAllowed(${scan.row}) visited column ${j} after column ${scan.last}: visit columns in increasing order.`,
      );
    scan.last = j;
    const r = w - scan.price[j]!;
    if (r <= scan.reduced && r < scan.dual && w <= scan.heaviest && w >= 1) return;
    this.consider(j, w, r);
  };

  private consider(j: number, w: number, r: number): void {
    const { scan, best, problem } = this;
    checkPair(problem, scan.row, j, w);
    if (problem.capacity[j]! <= 0) return;
    const candidates = scan.candidates;
    let e = scan.next;
    while (e < scan.end && candidates[e]! < j) e++;
    scan.next = e;
    if (e < scan.end && candidates[e] === j) return;
    let out = w;
    if (r > scan.dual) this.violations++;
    if (r >= scan.dual) {
      if (!best.offer(r, j, w)) return;
      r = best.outKey;
      out = best.outWeight;
    }
    // (j, w), or the pair it pushed out, stays out of the graph.
    if (out > scan.heaviest) scan.heaviest = out;
    if (r > scan.reduced) scan.reduced = r;
  }
}

/**
 * The columns whose dual fell from `then` to `now`, by increasing current dual: `most(x)` is the
 * largest fall among those now below x (0 if none), by binary search on prefix maxima.
 */
function dropsSince(then: Float64Array, now: Float64Array) {
  const fallen: number[] = [];
  for (let j = 0; j < now.length; j++) if (then[j]! > now[j]!) fallen.push(j);
  fallen.sort((x, y) => now[x]! - now[y]! || x - y);
  const price = Float64Array.from(fallen, (j) => now[j]!);
  const most = new Float64Array(fallen.length);
  let running = 0;
  fallen.forEach((j, k) => {
    running = Math.max(running, then[j]! - now[j]!);
    most[k] = running;
  });
  return {
    most(x: number): number {
      let low = 0;
      let high = price.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (price[middle]! < x) low = middle + 1;
        else high = middle;
      }
      return low === 0 ? 0 : most[low - 1]!;
    },
  };
}
