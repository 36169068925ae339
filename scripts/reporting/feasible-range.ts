import { solve, type Constraint, type Model } from 'yalps';
import type { Inequality, Sum } from './count-system.ts';

/** What a reader can learn of a hidden count: the least and the most it can be. */
export interface FeasibleRange {
  min: number;
  /** Infinity when nothing published bounds it. */
  max: number;
}

/** What a reader knows of each hidden count from how it is written, beside the sums. */
export interface HiddenBounds {
  /** « moins de N »: at most this. */
  atMost?: ReadonlyMap<string, number>;
  /** « masqué » (not small, so hidden to protect another): at least this. */
  atLeast?: ReadonlyMap<string, number>;
}

/**
 * The range a hidden count can take given every published count, every sum and every
 * inequality (`smaller` ≤ `larger`), counts never negative, and, with `bounds`, what the
 * wording of each hidden count says: the attack a reader can make with a linear program, made
 * here before publishing (YALPS, a simplex in TypeScript; the tests attack the published figures
 * again with HiGHS, another solver). `published` holds the published counts; every other key is
 * hidden.
 */
export function feasibleRange(
  target: string,
  sums: readonly Sum[],
  published: ReadonlyMap<string, number>,
  options: { inequalities?: readonly Inequality[]; bounds?: HiddenBounds } = {},
): FeasibleRange {
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>([[target, new Map([['objective', 1]])]]);
  const variable = (key: string) => {
    let coefficients = variables.get(key);
    if (!coefficients) variables.set(key, (coefficients = new Map()));
    return coefficients;
  };
  /** Σ coefficient × count, the published ones moved to the right-hand side. */
  const linear = (name: string, terms: [string, number][], bound: (rhs: number) => Constraint) => {
    let rightHandSide = 0;
    let hiddenTerms = 0;
    for (const [key, coefficient] of terms) {
      const value = published.get(key);
      if (value !== undefined) rightHandSide -= coefficient * value;
      else {
        hiddenTerms += 1;
        const coefficients = variable(key);
        coefficients.set(name, (coefficients.get(name) ?? 0) + coefficient);
      }
    }
    if (hiddenTerms > 0) constraints.set(name, bound(rightHandSide));
  };
  sums.forEach((sum, i) =>
    linear(
      `sum${i}`,
      [...sum.parts.map((p): [string, number] => [p, 1]), [sum.total, -1]],
      (rhs) => ({
        equal: rhs,
      }),
    ),
  );
  (options.inequalities ?? []).forEach((inequality, i) =>
    linear(
      `order${i}`,
      [[inequality.smaller, 1], ...inequality.larger.map((key): [string, number] => [key, -1])],
      (rhs) => ({ max: rhs }),
    ),
  );
  // The wording's bounds, on the hidden counts that the constraints above involve.
  for (const key of [...variables.keys()]) {
    const atMost = options.bounds?.atMost?.get(key);
    const atLeast = options.bounds?.atLeast?.get(key);
    if (atMost === undefined && atLeast === undefined) continue;
    const name = `bound:${key}`;
    variable(key).set(name, 1);
    constraints.set(name, {
      ...(atMost !== undefined ? { max: atMost } : {}),
      ...(atLeast !== undefined ? { min: atLeast } : {}),
    });
  }
  const model = (direction: 'minimize' | 'maximize'): Model => ({
    direction,
    objective: 'objective',
    constraints,
    variables,
  });
  const low = solve(model('minimize'));
  const high = solve(model('maximize'));
  if (low.status === 'infeasible' || high.status === 'infeasible')
    throw new Error('The published counts contradict each other: a bug in the report.');
  if (low.status !== 'optimal' || (high.status !== 'optimal' && high.status !== 'unbounded'))
    throw new Error(
      `The confidentiality check could not conclude (${low.status}, ${high.status}).`,
    );
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    min: round(low.result),
    max: high.status === 'unbounded' ? Infinity : round(high.result),
  };
}
