/**
 * The largest total weight of an assignment, by trying every one: `weights[i][j]` is the weight of
 * pair (i, j), or null when it is forbidden; column j takes at most `capacity[j]` rows; a row may
 * stay unmatched. For tests of solveAssignment on tiny problems only (rows ≤ 6, columns ≤ 4:
 * at most 5^6 assignments).
 */
export function bruteForceAssignment(
  weights: readonly (readonly (number | null)[])[],
  capacity: readonly number[],
): number {
  if (weights.length > 6 || capacity.length > 4)
    throw new RangeError(
      `bruteForceAssignment is for 6×4 at most, not ${weights.length}×${capacity.length}.`,
    );
  const left = [...capacity];
  const best = (i: number): number => {
    if (i === weights.length) return 0;
    let most = best(i + 1);
    weights[i]!.forEach((w, j) => {
      if (w === null || left[j]! <= 0) return;
      left[j]!--;
      most = Math.max(most, w + best(i + 1));
      left[j]!++;
    });
    return most;
  };
  return best(0);
}
