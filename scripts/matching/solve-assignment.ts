import { solveCertifiedAssignment } from './assignment-certified.ts';

export { AssignmentInputError } from './assignment-candidates.ts';

/**
 * A weighted assignment: rows (mentorés) to columns (mentors), each column holding at most its
 * capacity. Only the pairs `forEachAllowed` visits exist: a forbidden pair is absent, never a pair
 * weighing 0.
 */
export interface AssignmentProblem {
  rows: number;
  columns: number;
  /** The places of each column (≥ 0), one entry per column. */
  capacity: Int32Array;
  /**
   * Calls visit(column, weight) once for each allowed column of `row`, in increasing column
   * order. May be called many times per row (it recomputes scores: cheap but not free, ~5-20 ns
   * per pair). Weights are integers from 1 up (a whole number of points, not a cost).
   */
  forEachAllowed(row: number, visit: (column: number, weight: number) => void): void;
  /**
   * Optional, the fast path for large problems: writes the weight of every column of `row` into
   * `out` (length `columns`), or a number below 1 for a forbidden pair. When given, the solver
   * reads rows through it (one tight loop per row, no call per pair) and never through
   * `forEachAllowed`; both must describe the same pairs.
   */
  weighRow?(row: number, out: Float64Array): void;
  /**
   * Optional: the columns fall into a few groups (`columns[g]`, each increasing), `bound(row,
   * out)` writes for each group an upper bound of the weight of its pairs with `row` (below 1:
   * none allowed), and `weigh(row, g, out)` writes the weights of `row` with the columns of group
   * g, in that order (below 1: forbidden). The solver then reads a row's most promising groups
   * first and skips every group whose bound cannot enter the row's candidates. Sound with any
   * upper bounds; fast when they are tight (most mentors cannot beat a mentoré's best ones).
   */
  groups?: {
    count: number;
    columns: readonly Int32Array[];
    bound(row: number, out: Float64Array): void;
    weigh(row: number, group: number, out: Float64Array): void;
  };
}

/**
 * How the solver reads a row: through `weighRow` into one reused buffer when the problem has it
 * (then `visit` is called only for the allowed pairs, in increasing column order), else through
 * `forEachAllowed`.
 */
export function rowReader(
  problem: AssignmentProblem,
): (row: number, visit: (column: number, weight: number) => void) => void {
  const weighRow = problem.weighRow?.bind(problem);
  if (!weighRow) return (row, visit) => problem.forEachAllowed(row, visit);
  const buffer = new Float64Array(problem.columns);
  return (row, visit) => {
    weighRow(row, buffer);
    for (let j = 0; j < buffer.length; j++) {
      const w = buffer[j]!;
      if (w >= 1) visit(j, w);
    }
  };
}

/** An optimal assignment, and how much work its proof took. */
export interface AssignmentResult {
  /** The column of each row, -1 when the row is left unmatched. */
  columnOfRow: Int32Array;
  /** The sum of the weights of the matched pairs: the largest any assignment reaches. */
  total: number;
  /**
   * `rounds` solves (1 when the first candidates were enough), on `candidatePairs` pairs in the
   * end; `rescannedRows` rows were read again to prove them, which added `addedPairs` pairs.
   */
  proof: { rounds: number; candidatePairs: number; rescannedRows: number; addedPairs: number };
}

/**
 * The assignment of largest total weight (issue 9): each row gets at most one column, each column
 * at most `capacity` rows, only through allowed pairs; a row may stay unmatched (weight 0). Callers
 * encode their order (best total score, or most pairs then best score) in the integer weights.
 *
 * Exact on integers and optimal over every allowed pair, without a dense matrix: it keeps each
 * row's `candidatesPerRow` heaviest pairs (default 24), solves by shortest augmenting paths, then
 * proves the optimum with the duals, adding any pair they miss and solving again. Deterministic:
 * the same problem gives the same columns, ties going to the lowest index.
 *
 * Throws AssignmentInputError when a weight is not an integer from 1 to 2^51 − 1, a column is out
 * of range or out of order, or the total would exceed 2^53. Weights are checked as they enter the
 * candidate lists: a pair too light to enter one is not looked at further.
 */
export function solveAssignment(
  problem: AssignmentProblem,
  options: { candidatesPerRow?: number } = {},
): AssignmentResult {
  return solveCertifiedAssignment(problem, options).result;
}
