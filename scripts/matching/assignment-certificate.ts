import type { CertifiedAssignment } from './assignment-certified.ts';
import { weightOf } from './assignment-certified.ts';
import { rowReader, type AssignmentProblem } from './solve-assignment.ts';

/** Our bug: the duals do not prove the assignment optimal. */
export class AssignmentCertificateError extends Error {
  override name = 'AssignmentCertificateError';
}

/**
 * Checks, exactly on integers, that the duals prove the assignment optimal (a debug assertion for
 * tests): places respected; a_i ≥ 0, 0 when row i is unmatched; b_j ≥ 0, 0 when column j has a
 * free place; w ≤ a_i + b_j on every candidate pair, equality on matched pairs; the total is the
 * matched weights' sum and equals the dual's Σ a_i + Σ c_j b_j. With `allPairs`, also reads every
 * allowed pair again: w ≤ a_i + b_j there too, so the assignment is optimal over all of them.
 * Throws AssignmentCertificateError naming the first failure.
 */
export function checkAssignmentCertificate(
  problem: AssignmentProblem,
  certified: CertifiedAssignment,
  options: { allPairs?: boolean } = {},
): void {
  const { rows, columns, capacity } = problem;
  const { result, rowDual: a, columnDual: b, graph } = certified;
  const fail = (message: string): never => {
    throw new AssignmentCertificateError(message);
  };
  const held = new Int32Array(columns);
  let total = 0;
  let dual = 0;
  for (let i = 0; i < rows; i++) {
    const j = result.columnOfRow[i]!;
    if (!(a[i]! >= 0)) fail(`Row ${i} has the dual ${a[i]}, below 0.`);
    dual += a[i]!;
    if (j === -1) {
      if (a[i] !== 0) fail(`Row ${i} is unmatched with the dual ${a[i]}, not 0.`);
      continue;
    }
    if (!(j >= 0 && j < columns)) fail(`Row ${i} has the column ${j}, out of range.`);
    held[j]!++;
    const w = weightOf(graph, i, j);
    total += w;
    if (a[i]! + b[j]! !== w)
      fail(`Matched pair (${i}, ${j}) is not tight: ${w} ≠ ${a[i]} + ${b[j]}.`);
  }
  for (let j = 0; j < columns; j++) {
    if (held[j]! > capacity[j]!)
      fail(`Column ${j} holds ${held[j]} rows for ${capacity[j]} places.`);
    if (!(b[j]! >= 0)) fail(`Column ${j} has the dual ${b[j]}, below 0.`);
    if (held[j]! < capacity[j]! && b[j] !== 0)
      fail(`Column ${j} has a free place and the dual ${b[j]}.`);
    dual += capacity[j]! * b[j]!;
  }
  if (total !== result.total) fail(`The total is ${result.total}, the pairs weigh ${total}.`);
  if (dual !== total) fail(`The dual objective ${dual} differs from the total ${total}.`);
  for (let i = 0; i < rows; i++)
    for (let e = graph.start[i]!; e < graph.start[i + 1]!; e++) {
      const j = graph.column[e]!;
      if (graph.weight[e]! > a[i]! + b[j]!)
        fail(`Candidate pair (${i}, ${j}) weighs ${graph.weight[e]} > ${a[i]} + ${b[j]}.`);
    }
  if (!options.allPairs) return;
  const read = rowReader(problem);
  for (let i = 0; i < rows; i++)
    read(i, (j, w) => {
      if (capacity[j]! > 0 && w > a[i]! + b[j]!)
        fail(`Allowed pair (${i}, ${j}) weighs ${w} > ${a[i]} + ${b[j]}: not proved.`);
    });
}
