import { dateIn } from '../../schemas/rules-context.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { plannedDates, type DateRules } from '../convention/planned-dates.ts';
import { pausesOf, type Pause } from './paused-days.ts';

/** What a pair's dates depend on in the settings. */
export interface PairDateSettings {
  cohorts: readonly { id: string; start: string; end: string }[];
  mentoring: DateRules;
  structure: { timeZone: string };
}

export interface PairDates {
  /** The day the follow-up's schedule counts from. */
  start: string;
  /** The planned end, as on the convention (article 5). */
  end: string;
  pauses: Pause[];
}

/** The day an instant falls on in the programme's time zone. */
const dayIn = (at: string, timeZone: string) => dateIn(timeZone, new Date(at));

/**
 * A pair's dates for its follow-up: the planned end is the convention's; the schedule counts
 * from the convention's planned start or, when it was signed later, from the day the last party
 * signed it (a pair cannot be late for a first meeting before it exists). Pure.
 */
export function pairDates(pair: Pair, settings: PairDateSettings): PairDates {
  const timeZone = settings.structure.timeZone;
  const accepted = pair.events.find((e) => e.type === 'accepted')?.at;
  const acceptedOn = accepted ? dayIn(accepted, timeZone) : undefined;
  const signed = pair.events.findLast((e) => e.type === 'signed');
  const signedOn = signed?.signatures
    ? Object.values(signed.signatures).reduce((a, b) => (a > b ? a : b))
    : signed
      ? dayIn(signed.at, timeZone)
      : undefined;
  const cohort = settings.cohorts.find((c) => c.id === pair.cohort);
  const planned = plannedDates(
    { start: cohort?.start || (acceptedOn ?? signedOn ?? ''), end: cohort?.end ?? '' },
    acceptedOn,
    settings.mentoring,
  );
  const start = signedOn && signedOn > planned.start ? signedOn : planned.start;
  return { start, end: planned.end, pauses: pausesOf(pair, timeZone) };
}
