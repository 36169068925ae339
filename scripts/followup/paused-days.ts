import { dateIn } from '../../schemas/rules-context.ts';
import type { Pair } from '../../schemas/pair.schema.ts';

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

// Days as whole numbers since 1970-01-01 (UTC noon keeps clear of any offset): the schedules of a
// year of thousands of pairs walk millions of days, and strings with Date objects cost 50 times more.
const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) /
  86_400_000;
const dayText = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** The pauses as [first paused day, day resumed) in day numbers; an open pause never ends. */
const spansOf = (pauses: readonly Pause[]) =>
  pauses.map((p) => [dayNumber(p.from), p.to === undefined ? Infinity : dayNumber(p.to)] as const);

const pausedOn = (spans: ReturnType<typeof spansOf>, day: number) =>
  spans.some(([from, to]) => day >= from && day < to);

/**
 * The day `days` days of mentoring after `from`, paused days not counted: what was due a month
 * after the start is due a month of mentoring after it, however long the pair was paused.
 */
export function afterActiveDays(from: string, days: number, pauses: readonly Pause[]): string {
  const spans = spansOf(pauses);
  let day = dayNumber(from);
  if (spans.length === 0) return dayText(day + days);
  let counted = 0;
  // A bound for safety: no pause lasts ten years.
  for (let guard = 0; counted < days && guard < 3660; guard += 1) {
    day += 1;
    if (!pausedOn(spans, day)) counted += 1;
  }
  return dayText(day);
}

/** The days of mentoring from `from` (excluded) to `to` (included), paused days not counted. */
export function activeDaysBetween(from: string, to: string, pauses: readonly Pause[]): number {
  const spans = spansOf(pauses);
  const first = dayNumber(from) + 1;
  const last = dayNumber(to);
  if (spans.length === 0) return Math.max(0, last - first + 1);
  let count = 0;
  for (let day = first; day <= last; day += 1) if (!pausedOn(spans, day)) count += 1;
  return count;
}
