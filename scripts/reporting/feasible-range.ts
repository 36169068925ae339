import { solve, type Model } from 'yalps';
import type { Sum } from './count-system.ts';

/** What a reader can learn of a hidden count: the least and the most it can be. */
export interface FeasibleRange {
  min: number;
  /** Infinity when nothing published bounds it. */
  max: number;
}

/**
 * The range a hidden count can take given every published count and every sum, counts never
 * negative: the attack a reader can make with a linear program, made here before publishing
 * (YALPS, a simplex in TypeScript; the tests attack the published figures again with HiGHS,
 * another solver). `published` holds the published counts; every other key of `sums` is hidden.
 */
export function feasibleRange(
  target: string,
  sums: readonly Sum[],
  published: ReadonlyMap<string, number>,
): FeasibleRange {
  const constraints = new Map<string, { equal: number }>();
  const variables = new Map<string, Map<string, number>>([[target, new Map([['objective', 1]])]]);
  sums.forEach((sum, i) => {
    const name = `sum${i}`;
    // parts − total = 0, the published counts moved to the right-hand side.
    let rightHandSide = 0;
    let hiddenTerms = 0;
    const term = (key: string, coefficient: number) => {
      const value = published.get(key);
      if (value !== undefined) {
        rightHandSide -= coefficient * value;
        return;
      }
      hiddenTerms += 1;
      let coefficients = variables.get(key);
      if (!coefficients) variables.set(key, (coefficients = new Map()));
      coefficients.set(name, (coefficients.get(name) ?? 0) + coefficient);
    };
    for (const part of sum.parts) term(part, 1);
    term(sum.total, -1);
    if (hiddenTerms > 0) constraints.set(name, { equal: rightHandSide });
  });
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
