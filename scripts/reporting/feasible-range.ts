import { solve, type Constraint, type Model } from 'yalps';
import type { Inequality, Sum } from './count-system.ts';

/**
 * The published counts and sums admit no counts at all: reports published from records that have
 * changed since (a person erased, an application deleted) disagree with this one.
 */
export class InconsistentCountsError extends Error {
  override name = 'InconsistentCountsError';
  constructor() {
    super('The published counts contradict each other.');
  }
}

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
    else {
      // Published counts alone: they must agree (a sum adds up, an order holds).
      const c = bound(rightHandSide);
      if (
        (c.equal !== undefined && Math.abs(c.equal) > 1e-9) ||
        (c.max !== undefined && c.max < -1e-9)
      )
        throw new InconsistentCountsError();
    }
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
  const model = (direction: 'minimize' | 'maximize', nudge = 0): Model => ({
    direction,
    objective: 'objective',
    // YALPS has no rule against cycling on degenerate programs (many zero counts): once it
    // cycles, the right-hand sides are nudged by a few billionths, each by its own amount, which
    // breaks the ties and moves the optimum by far less than one person.
    constraints:
      nudge === 0
        ? constraints
        : new Map(
            [...constraints].map(([name, c], i) => {
              const shift = nudge * (i + 1);
              return [
                name,
                {
                  ...(c.equal !== undefined ? { equal: c.equal + shift } : {}),
                  ...(c.min !== undefined ? { min: c.min + shift } : {}),
                  ...(c.max !== undefined ? { max: c.max + shift } : {}),
                },
              ];
            }),
          ),
    variables,
  });
  const optimum = (direction: 'minimize' | 'maximize') => {
    let result = solve(model(direction), { checkCycles: true });
    for (const nudge of [1e-9, 3e-8]) {
      if (result.status !== 'cycled') break;
      result = solve(model(direction, nudge), { checkCycles: true });
    }
    return result;
  };
  const low = optimum('minimize');
  const high = optimum('maximize');
  if (low.status === 'infeasible' || high.status === 'infeasible')
    throw new InconsistentCountsError();
  // Still no answer: assume the worst, that the reader pins it (more is hidden around it).
  if (low.status !== 'optimal' || (high.status !== 'optimal' && high.status !== 'unbounded'))
    return { min: 0, max: 0 };
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  return {
    min: round(low.result),
    max: high.status === 'unbounded' ? Infinity : round(high.result),
  };
}
