import { BestPairs } from './assignment-best-pairs.ts';
import { rowReader, type AssignmentProblem } from './solve-assignment.ts';

/**
 * The sparse candidate graph solveAssignment works on, in compressed rows: the candidates of row
 * `i` are `column[e]`, `weight[e]` for `start[i] <= e < start[i + 1]`, by increasing column.
 */
export interface CandidateGraph {
  start: Int32Array;
  column: Int32Array;
  weight: Float64Array;
}

/** The caller's: a problem, weight or column that the solver cannot use exactly. */
export class AssignmentInputError extends Error {
  override name = 'AssignmentInputError';
}

/** Our bug: the solver's own bookkeeping is inconsistent. */
export class AssignmentInvariantError extends Error {
  override name = 'AssignmentInvariantError';
}

/** Throws unless `weight` is a usable weight of `column` (an allowed pair weighs ≥ 1, exactly). */
export function checkPair(problem: AssignmentProblem, row: number, column: number, weight: number) {
  if (!Number.isInteger(column) || column < 0 || column >= problem.columns)
    throw new AssignmentInputError(
      `forEachAllowed(${row}) visited column ${column}, outside 0..${problem.columns - 1}: visit only existing columns.`,
    );
  // Forbidden pairs are absent, never weight 0 (issue 9); 3 × weight must stay exact (maxWeight).
  if (!Number.isSafeInteger(weight) || weight < 1 || weight > maxWeight)
    throw new AssignmentInputError(
      `forEachAllowed(${row}) gave column ${column} the weight ${weight}: weights are integers from 1 to ${maxWeight}; leave a forbidden pair out instead of weighting it 0.`,
    );
}

/**
 * The largest weight, 2^51 − 1: duals and distances stay within [0, max weight], and the solver
 * adds at most three of them, below 2^53: every sum it forms is an exact integer.
 */
export const maxWeight = Math.floor(Number.MAX_SAFE_INTEGER / 4);

/**
 * Streams each row once, just before the solver adds it, and keeps its `perRow` best pairs to
 * columns with places, by w − price at the current column prices (b_j, + ½ for a full column:
 * see AssignmentFlow.selectionPrice), ties at the cut kept by lowest column. While all prices
 * are 0 that is the heaviest pairs; pricing them in makes a row skip mentors already taken at a
 * high price, so that popular mentors do not fill every list. For the proof it records bounds on
 * each row's left-out pairs: `heaviest` weight, and `reduced` w − b_j, which stays an upper bound
 * while the duals b only rise (they do, until the first proof round).
 */
export class CandidateSelector {
  readonly graph: CandidateGraph;
  readonly heaviest: Float64Array;
  readonly reduced: Float64Array;
  /** Streams `row` (the next one, in increasing order) at the column prices `price`. */
  readonly select: (row: number, price: Float64Array) => void;
  private readonly rows: number;

  constructor(problem: AssignmentProblem, perRow: number) {
    const { rows, capacity } = problem;
    const graph = (this.graph = {
      start: new Int32Array(rows + 1),
      column: new Int32Array(rows * perRow),
      weight: new Float64Array(rows * perRow),
    });
    const heaviest = (this.heaviest = new Float64Array(rows));
    const reduced = (this.reduced = new Float64Array(rows));
    this.rows = rows;
    const best = new BestPairs(perRow);
    // The state of the row being streamed, in locals the callback reads fast.
    let price = new Float64Array(0) as Float64Array<ArrayBufferLike>;
    let cut = -Infinity;
    let row = 0;
    let lastColumn = -1;
    let leftOut = 0;
    const keep = (j: number, w: number): void => {
      checkPair(problem, row, j, w);
      if (j <= lastColumn)
        throw new AssignmentInputError(
          `forEachAllowed(${row}) visited column ${j} after column ${lastColumn}: visit columns in increasing order.`,
        );
      lastColumn = j;
      if (capacity[j]! <= 0) return;
      if (best.offer(w - price[j]!, j, w) && best.outWeight > leftOut) leftOut = best.outWeight;
      cut = best.cut;
    };
    // This callback runs for every pair: one below the list's cut (once full) is dropped with a
    // few comparisons; only the pairs that may enter are checked and kept. The heaviest pair left
    // out is only tracked above the cut (a priced column): the others weigh at most the cut.
    const visit = (j: number, w: number): void => {
      if (w - price[j]! <= cut && w >= 1) {
        if (w > cut && w > leftOut) leftOut = w;
      } else keep(j, w);
    };
    const read = rowReader(problem);
    // With `weighRow`, the row is weighed into a buffer and filtered here, in one loop with its
    // state in locals: no call per pair (the largest programmes stream 480 million pairs).
    // Reading a row group by group (problem.groups), by decreasing bound: once the list is full
    // and a group's bound is below its cut, no pair of that group or of any group after it could
    // enter (key ≤ weight ≤ bound < cut), nor change the bounds the proof records (a pair left
    // out below the cut is covered by it). Columns then come out of order: BestPairs breaks ties
    // by column itself, so the same pairs are kept.
    const groups = problem.groups;
    const count = groups?.count ?? 0;
    const groupBound = new Float64Array(count);
    // Only the groups that have columns are ever sorted and read.
    const order = Array.from({ length: count }, (_, g) => g).filter(
      (g) => groups!.columns[g]!.length > 0,
    );
    const buffer = new Float64Array(
      groups ? Math.max(0, ...groups.columns.map((c) => c.length)) : problem.columns,
    );
    const offerAny = (j: number, w: number): void => {
      checkPair(problem, row, j, w);
      if (capacity[j]! <= 0) return;
      if (best.offer(w - price[j]!, j, w) && best.outWeight > leftOut) leftOut = best.outWeight;
      cut = best.cut;
    };
    const readGroup = (g: number): void => {
      const list = groups!.columns[g]!;
      groups!.weigh(row, g, buffer);
      const prices = price;
      for (let k = 0; k < list.length; k++) {
        const w = buffer[k]!;
        if (w < 1) continue;
        const j = list[k]!;
        if (w - prices[j]! < cut) {
          if (w > cut && w > leftOut) leftOut = w;
        } else offerAny(j, w);
      }
    };
    const streamGroups = (): void => {
      groups!.bound(row, groupBound);
      order.sort((a, b) => groupBound[b]! - groupBound[a]! || a - b);
      for (const g of order) {
        const bound = groupBound[g]!;
        if (bound < 1 || (best.size === perRow && bound < best.cut)) break;
        readGroup(g);
      }
    };
    this.select = (next, prices) => {
      row = next;
      price = prices;
      cut = -Infinity;
      lastColumn = -1;
      leftOut = 0;
      best.reset(perRow);
      if (groups) streamGroups();
      else read(row, visit);
      // Every pair left out had w − price ≤ the cut when it left (the cut only rises), and the
      // price is b_j or b_j + ½: w − b_j, an integer, is at most ⌊cut + ½⌋.
      const full = best.size === perRow;
      reduced[row] = full ? Math.floor(best.cut + 0.5) : -Infinity;
      heaviest[row] = full ? Math.max(leftOut, Math.floor(best.cut)) : 0;
      graph.start[row + 1] = best.drainByColumn(graph.column, graph.weight, graph.start[row]!);
    };
  }

  /** The graph of the rows streamed so far, trimmed to its pairs. */
  trimmed(): CandidateGraph {
    const { start, column, weight } = this.graph;
    const edges = start[this.rows]!;
    return { start, column: column.slice(0, edges), weight: weight.slice(0, edges) };
  }
}

/** The graph with `added` pairs merged in (by row, then increasing column; none a candidate yet). */
export function withAddedPairs(
  graph: CandidateGraph,
  added: { row: Int32Array; column: Int32Array; weight: Float64Array; count: number },
): CandidateGraph {
  const rows = graph.start.length - 1;
  const total = graph.column.length + added.count;
  const start = new Int32Array(rows + 1);
  const column = new Int32Array(total);
  const weight = new Float64Array(total);
  let a = 0;
  let e = 0;
  for (let i = 0; i < rows; i++) {
    let old = graph.start[i]!;
    const oldEnd = graph.start[i + 1]!;
    let newEnd = a;
    while (newEnd < added.count && added.row[newEnd] === i) newEnd++;
    while (old < oldEnd || a < newEnd) {
      if (a >= newEnd || (old < oldEnd && graph.column[old]! < added.column[a]!)) {
        column[e] = graph.column[old]!;
        weight[e++] = graph.weight[old++]!;
      } else {
        column[e] = added.column[a]!;
        weight[e++] = added.weight[a++]!;
      }
    }
    start[i + 1] = e;
  }
  if (a !== added.count)
    throw new AssignmentInvariantError(`${added.count - a} added pairs were not sorted by row.`);
  return { start, column, weight };
}

/** The graph by column: the rows with a candidate pair to column j, and their weights. */
export function byColumn(graph: CandidateGraph, columns: number) {
  const { start, column, weight } = graph;
  const rows = start.length - 1;
  const reverseStart = new Int32Array(columns + 1);
  for (let e = 0; e < column.length; e++) reverseStart[column[e]! + 1]!++;
  for (let j = 0; j < columns; j++) reverseStart[j + 1] = reverseStart[j + 1]! + reverseStart[j]!;
  const fill = reverseStart.slice(0, columns);
  const row = new Int32Array(column.length);
  const reverseWeight = new Float64Array(column.length);
  for (let i = 0; i < rows; i++)
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const at = fill[column[e]!]!++;
      row[at] = i;
      reverseWeight[at] = weight[e]!;
    }
  return { start: reverseStart, row, weight: reverseWeight };
}
