import { dateIn } from '../../schemas/rules-context.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { addDays } from './follow-up-rules.ts';

/** A pause of a pair: from the day it was paused to the day it resumed (excluded), or open. */
export interface Pause {
  from: string;
  /** The day it resumed; absent while the pair is still paused. */
  to?: string;
}

/** A pair's pauses, from its events, as days in the structure's time zone. */
export function pausesOf(pair: Pair, timeZone: string): Pause[] {
  const day = (at: string) => dateIn(timeZone, new Date(at));
  const pauses: Pause[] = [];
  for (const event of pair.events) {
    if (event.type === 'paused') pauses.push({ from: day(event.at) });
    else if (event.type === 'resumed' && pauses.at(-1) && !pauses.at(-1)!.to)
      pauses.at(-1)!.to = day(event.at);
  }
  return pauses;
}

const paused = (pauses: readonly Pause[], day: string) =>
  pauses.some((p) => day >= p.from && (p.to === undefined || day < p.to));

/**
 * The day `days` days of mentoring after `from`, paused days not counted: what was due a month
 * after the start is due a month of mentoring after it, however long the pair was paused.
 */
export function afterActiveDays(from: string, days: number, pauses: readonly Pause[]): string {
  let day = from;
  let counted = 0;
  // A bound for safety: no pause lasts ten years.
  for (let guard = 0; counted < days && guard < 3660; guard += 1) {
    day = addDays(day, 1);
    if (!paused(pauses, day)) counted += 1;
  }
  return day;
}

/** The days of mentoring from `from` (excluded) to `to` (included), paused days not counted. */
export function activeDaysBetween(from: string, to: string, pauses: readonly Pause[]): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
    if (!paused(pauses, day)) count += 1;
  return count;
}
