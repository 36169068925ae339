import type { MenteeProfile } from './profiles.ts';
import type { RuleScore } from './rule-score.ts';

/** Whole months from `from` to `to` (YYYY-MM-DD): 2026-01-31 to 2026-02-28 is 0 months. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** The waiting bonus: it grows with each month waited, up to the weight after `fullMonths`. */
export function waitingPoints(weight: number, months: number, fullMonths: number): number {
  return Math.floor((weight * Math.min(months, fullMonths)) / fullMonths);
}

/** Waiting: a bonus for the mentoré who has waited longest, so that nobody waits for ever. */
export function scoreWaiting(
  mentee: MenteeProfile,
  weight: number,
  fullMonths: number,
  today: string,
): RuleScore {
  const months = monthsBetween(mentee.appliedOn, today);
  return {
    rule: 'waiting',
    points: waitingPoints(weight, months, fullMonths),
    max: weight,
    reason:
      months === 0
        ? 'candidature de moins d’un mois'
        : `attend depuis ${months === 1 ? 'un mois' : `${months} mois`}`,
  };
}
