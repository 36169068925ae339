import type { ScoreRule } from '../../schemas/pair.schema.ts';

/** What one rule gives a pair: its points (an integer, at most `max`) and why, in French. */
export interface RuleScore {
  rule: ScoreRule;
  points: number;
  max: number;
  reason: string;
}

/** The weights of the rules (content/programme.yaml, `matching`). */
export interface ScoringSettings {
  weights: Readonly<Record<ScoreRule, number>>;
  waitingFullBonusMonths: number;
}

/** `weight × part / whole`, rounded half up, on integers only: every total stays exact. */
export function share(weight: number, part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((2 * weight * part + whole) / (2 * whole));
}
