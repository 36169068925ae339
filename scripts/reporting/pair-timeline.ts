import type { CloseReason, Pair } from '../../schemas/pair.schema.ts';
import { addMonths, plannedDates, type DateRules } from '../convention/planned-dates.ts';
import { addDays } from '../followup/follow-up-rules.ts';
import { activeDaysBetween, type Pause } from '../followup/paused-days.ts';

/** Where a pair stood on a day, from its events up to that day. */
export interface PairTimeline {
  acceptedOn: string;
  /** The day the follow-up counts from (the planned start, or the last signature when later). */
  startedOn?: string;
  /** The planned end, as on the convention (article 5). */
  plannedEnd: string;
  status: 'accepted' | 'active' | 'paused' | 'closed';
  closedOn?: string;
  outcome?: 'as-planned' | 'early';
  reasonCode?: CloseReason;
  pauses: Pause[];
}

export interface TimelineSettings {
  cohorts: readonly { id: string; start: string; end: string }[];
  mentoring: DateRules;
}

/**
 * A pair's life as it stood on `day`, from its events on or before that day only (so that a
 * report on a past month says what was true then), or undefined when it was not yet accepted.
 * The start is pairDates' (scripts/followup/pair-dates.ts), read with the report's day function.
 */
export function pairTimeline(
  pair: Pair,
  day: string,
  dayOf: (instant: string) => string,
  settings: TimelineSettings,
): PairTimeline | undefined {
  let timeline: PairTimeline | undefined;
  let signedOn: string | undefined;
  for (const event of pair.events) {
    const on = dayOf(event.at);
    if (on > day) break;
    if (event.type === 'accepted')
      timeline ??= { acceptedOn: on, plannedEnd: '', status: 'accepted', pauses: [] };
    if (!timeline) continue;
    if (event.type === 'signed') {
      signedOn = event.signatures
        ? Object.values(event.signatures).reduce((a, b) => (a > b ? a : b))
        : on;
      if (timeline.status === 'accepted') timeline.status = 'active';
    } else if (event.type === 'paused') {
      timeline.status = 'paused';
      timeline.pauses.push({ from: on });
    } else if (event.type === 'resumed') {
      timeline.status = 'active';
      const open = timeline.pauses.at(-1);
      if (open && open.to === undefined) open.to = on;
    } else if (event.type === 'closed') {
      timeline.status = 'closed';
      timeline.closedOn = on;
      if (event.outcome) timeline.outcome = event.outcome;
      if (event.reasonCode) timeline.reasonCode = event.reasonCode;
    }
  }
  if (timeline) {
    const cohort = settings.cohorts.find((c) => c.id === pair.cohort);
    const planned = plannedDates(
      { start: cohort?.start || timeline.acceptedOn, end: cohort?.end ?? '' },
      timeline.acceptedOn,
      settings.mentoring,
    );
    timeline.plannedEnd = planned.end;
    if (signedOn !== undefined)
      timeline.startedOn = signedOn > planned.start ? signedOn : planned.start;
  }
  return timeline;
}

/**
 * The days of mentoring of a pair within [from, to] (both included), pauses not counted: from
 * its start to its closing (or `to`).
 */
export function daysUnderWay(timeline: PairTimeline, from: string, to: string): number {
  if (!timeline.startedOn) return 0;
  const first = timeline.startedOn > from ? timeline.startedOn : from;
  const last = timeline.closedOn && timeline.closedOn < to ? timeline.closedOn : to;
  if (last < first) return 0;
  return activeDaysBetween(addDays(first, -1), last, timeline.pauses);
}

/** Whether a pair was still under way `months` months after its start (and that day has come). */
export function reachedMonths(timeline: PairTimeline, months: number, day: string): boolean {
  if (!timeline.startedOn) return false;
  const mark = addMonths(timeline.startedOn, months);
  return mark <= day && (timeline.closedOn === undefined || timeline.closedOn >= mark);
}
