import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAssignmentCertificate } from './assignment-certificate.ts';
import { solveCertifiedAssignment } from './assignment-certified.ts';
import { bruteForceAssignment } from './brute-force-assignment.ts';
import {
  AssignmentInputError,
  solveAssignment,
  type AssignmentProblem,
} from './solve-assignment.ts';

type Weights = readonly (readonly (number | null)[])[];

/** A problem from a small dense table: null is a forbidden pair (absent, never visited). */
function problemOf(weights: Weights, capacity: readonly number[]): AssignmentProblem {
  return {
    rows: weights.length,
    columns: capacity.length,
    capacity: Int32Array.from(capacity),
    forEachAllowed(row, visit) {
      weights[row]!.forEach((w, j) => {
        if (w !== null) visit(j, w);
      });
    },
  };
}

/** The weights of issue 9's two modes, for scores 0..top (P: the most pairs possible). */
function weigh(mode: 'best' | 'most', score: number, top: number, pairs: number): number {
  return mode === 'best' ? score * (pairs + 1) + 1 : score + top * pairs + 1;
}

/** Everything a caller may rely on, whatever the weights. */
function expectValid(
  weights: Weights,
  capacity: readonly number[],
  columnOfRow: Int32Array,
  total: number,
) {
  const held = capacity.map(() => 0);
  let sum = 0;
  columnOfRow.forEach((j, i) => {
    if (j === -1) return;
    const w = weights[i]![j];
    expect(w, `row ${i} got the forbidden column ${j}`).not.toBeNull();
    expect(w).toBeTypeOf('number');
    sum += w!;
    held[j]!++;
  });
  held.forEach((h, j) => expect(h).toBeLessThanOrEqual(capacity[j]!));
  expect(total).toBe(sum);
}

/** Scores 0..3 (ties everywhere) or forbidden, on up to 6 rows × 4 columns of 0..3 places. */
const tiny = fc.record({
  rows: fc.integer({ min: 0, max: 6 }),
  columns: fc.integer({ min: 0, max: 4 }),
  scores: fc.array(
    fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 3 }), {
      minLength: 4,
      maxLength: 4,
    }),
    { minLength: 6, maxLength: 6 },
  ),
  capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
  mode: fc.constantFrom('best' as const, 'most' as const),
  candidatesPerRow: fc.constantFrom(1, 1, 2, 2, 3, 24),
});

describe('solveAssignment', () => {
  it('reaches the brute-force optimum on thousands of tiny problems, with a valid proof', () => {
    const work = { runs: 0, rescannedRows: 0, addedPairs: 0, moreRounds: 0 };
    fc.assert(
      fc.property(tiny, ({ rows, columns, scores, capacity, mode, candidatesPerRow }) => {
        const places = capacity.slice(0, columns);
        const pairs = Math.min(
          rows,
          places.reduce((sum, c) => sum + c, 0),
        );
        const weights = scores
          .slice(0, rows)
          .map((line) =>
            line.slice(0, columns).map((s) => (s === null ? null : weigh(mode, s, 3, pairs))),
          );
        const problem = problemOf(weights, places);
        const certified = solveCertifiedAssignment(problem, { candidatesPerRow });
        const { columnOfRow, total, proof } = certified.result;
        expectValid(weights, places, columnOfRow, total);
        expect(total).toBe(bruteForceAssignment(weights, places));
        checkAssignmentCertificate(problem, certified, { allPairs: true });
        expect(solveAssignment(problem, { candidatesPerRow }).columnOfRow).toEqual(columnOfRow);
        if (candidatesPerRow <= 2) {
          work.runs++;
          work.rescannedRows += proof.rescannedRows;
          work.addedPairs += proof.addedPairs;
          if (proof.rounds > 1) work.moreRounds++;
        }
      }),
      { numRuns: 5000 },
    );
    // The proof really works: tiny candidate lists miss pairs it has to find and add.
    expect(work.rescannedRows).toBeGreaterThan(work.runs / 20);
    expect(work.addedPairs).toBeGreaterThan(work.runs / 20);
    expect(work.moreRounds).toBeGreaterThan(work.runs / 50);
  });

  it('proves its optimum over every pair on larger problems where mentors are popular or tie', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(1, 2, 4),
        fc.constantFrom('best' as const, 'most' as const),
        fc.constantFrom(30, 3),
        (rows, columns, seed, candidatesPerRow, mode, popularity) => {
          const { weights, capacity } = popularMentors(rows, columns, seed, mode, popularity);
          const problem = problemOf(weights, capacity);
          const certified = solveCertifiedAssignment(problem, { candidatesPerRow });
          checkAssignmentCertificate(problem, certified, { allPairs: true });
          expectValid(weights, capacity, certified.result.columnOfRow, certified.result.total);
          // Every pair as a candidate: one round, nothing to prove; the same optimum.
          const whole = solveCertifiedAssignment(problem, { candidatesPerRow: columns });
          expect(whole.result.proof).toMatchObject({ rounds: 1, addedPairs: 0 });
          expect(certified.result.total).toBe(whole.result.total);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('gives the same columns every time', () => {
    const { weights, capacity } = popularMentors(300, 200, 7, 'best');
    const problem = problemOf(weights, capacity);
    const first = solveAssignment(problem, { candidatesPerRow: 2 });
    const second = solveAssignment(problem, { candidatesPerRow: 2 });
    expect(first.proof.rounds).toBeGreaterThan(1);
    expect(second.columnOfRow).toEqual(first.columnOfRow);
    expect(second).toEqual(first);
  });

  it('matches pairs of the lowest weight rather than leaving rows out', () => {
    const result = solveAssignment(
      problemOf(
        [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
        [1, 1],
      ),
    );
    expect(result.total).toBe(2);
    expect(Array.from(result.columnOfRow)).toEqual([0, 1, -1]);
  });

  it('leaves a row without an allowed pair unmatched', () => {
    const result = solveAssignment(
      problemOf(
        [
          [null, null],
          [5, null],
        ],
        [2, 2],
      ),
    );
    expect(Array.from(result.columnOfRow)).toEqual([-1, 0]);
    expect(result.total).toBe(5);
  });

  it('never uses a forbidden pair, even where it is the only way to match a row', () => {
    // Column 1 has a place, but neither row may go there: row 0 stays out for row 1.
    const result = solveAssignment(
      problemOf(
        [
          [5, null],
          [9, null],
        ],
        [1, 1],
      ),
    );
    expect(Array.from(result.columnOfRow)).toEqual([-1, 0]);
    expect(result.total).toBe(9);
  });

  it('never fills a column without places', () => {
    const result = solveAssignment(
      problemOf(
        [
          [50, 1],
          [40, null],
        ],
        [0, 1],
      ),
    );
    expect(Array.from(result.columnOfRow)).toEqual([1, -1]);
  });

  it('moves a row off its favourite when the proof finds a better assignment', () => {
    // With one candidate each, both rows want column 0; the proof adds (0, 1).
    const result = solveAssignment(
      problemOf(
        [
          [10, 9],
          [10, 1],
        ],
        [1, 1],
      ),
      { candidatesPerRow: 1 },
    );
    expect(Array.from(result.columnOfRow)).toEqual([1, 0]);
    expect(result.total).toBe(19);
    expect(result.proof).toEqual({ rounds: 2, candidatePairs: 4, rescannedRows: 2, addedPairs: 2 });
  });

  it.each([
    ['weight 0 (a forbidden pair must be absent)', 0],
    ['a fractional weight', 2.5],
    ['a weight of 2^51', 2 ** 51],
  ])('refuses %s', (_, weight) => {
    expect(() => solveAssignment(problemOf([[weight]], [1]))).toThrow(AssignmentInputError);
  });

  it('refuses columns out of order or out of range, and totals above 2^53', () => {
    const disorder: AssignmentProblem = {
      ...problemOf([[1, 1]], [1, 1]),
      forEachAllowed: (_, visit) => [1, 0].forEach((j) => visit(j, 1)),
    };
    expect(() => solveAssignment(disorder)).toThrow(/increasing order/);
    const outside: AssignmentProblem = {
      ...problemOf([[1]], [1]),
      forEachAllowed: (_, v) => v(3, 1),
    };
    expect(() => solveAssignment(outside)).toThrow(/outside 0\.\.0/);
    const heavy = 2 ** 51 - 1;
    expect(() =>
      solveAssignment(problemOf([[heavy], [heavy], [heavy], [heavy], [heavy]], [5])),
    ).toThrow(/above 2\^53/);
  });
});

/**
 * A problem where some mentors suit nearly everyone (a popularity per column, 0 to `popularity`
 * − 1, plus 0..5 per pair), so the best candidates of many rows collide: the proof has real work
 * to do. With a small popularity, most pairs tie.
 */
function popularMentors(
  rows: number,
  columns: number,
  seed: number,
  mode: 'best' | 'most',
  popularity = 30,
) {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const next = (bound: number) => {
    // xorshift32: the test's own deterministic generator.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % bound;
  };
  const capacity = Array.from({ length: columns }, () => next(4));
  const liked = Array.from({ length: columns }, () => next(popularity));
  const pairs = Math.min(
    rows,
    capacity.reduce((sum, c) => sum + c, 0),
  );
  const weights = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, (_, j) =>
      next(10) < 2 ? null : weigh(mode, liked[j]! + next(6), popularity + 5, pairs),
    ),
  );
  return { weights, capacity };
}
