import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { dayLabel, frenchList, periodLabel } from './labels.ts';
import { share, type RuleScore } from './rule-score.ts';

/** Three moments in common leave room for a monthly meeting: they earn every point. */
export const enoughSlots = 3;

/** Points for `slots` moments in common (days × moments of the day). */
export function availabilityPoints(weight: number, slots: number): number {
  return share(weight, Math.min(slots, enoughSlots), enoughSlots);
}

/** The days and moments both are available. */
export function commonAvailability(
  mentee: MenteeProfile,
  mentor: MentorProfile,
): { days: string[]; periods: string[]; slots: number } {
  const days = mentee.days.filter((d) => mentor.days.includes(d));
  const periods = mentee.periods.filter((p) => mentor.periods.includes(p));
  return { days, periods, slots: days.length * periods.length };
}

/** Availability: the moments both can meet, days × moments of the day. */
export function scoreAvailability(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  weight: number,
): RuleScore {
  const { days, periods, slots } = commonAvailability(mentee, mentor);
  const reason =
    slots === 0
      ? 'aucun moment de disponibilité en commun'
      : `${slots === 1 ? 'un moment' : `${slots} moments`} en commun : ${frenchList(days.map(dayLabel))}, ${frenchList(periods.map(periodLabel))}`;
  return { rule: 'availability', points: availabilityPoints(weight, slots), max: weight, reason };
}
