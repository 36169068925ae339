/** The settings that set a pair's dates (content/programme.yaml, `mentoring`). */
export interface DateRules {
  minimumDurationMonths: number;
  plannedEnd?: 'cohort-end' | 'minimum-duration';
  schoolYearStartsBy?: string;
}

/** `date` (YYYY-MM-DD) plus `months`, on the same day of the month or its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * Whether mentoring starting on `start` starts during the school year: after `startsBy` (MM-DD,
 * by default the end of October) and before August.
 */
export function startsDuringSchoolYear(start: string, startsBy = '10-31'): boolean {
  const day = start.slice(5);
  return day > startsBy || day < '08-01';
}

export interface PlannedDates {
  start: string;
  end: string;
  /** The end comes sooner than the minimum duration (a start during the school year). */
  shortened: boolean;
}

/**
 * A pair's start and planned end (article 5 of the convention): it starts on its cohort's start
 * date, or on the day it was accepted when that is later; it ends as `rules.plannedEnd` says.
 */
export function plannedDates(
  cohort: { start: string; end: string },
  acceptedOn: string | undefined,
  rules: DateRules,
): PlannedDates {
  const start = acceptedOn && acceptedOn > cohort.start ? acceptedOn : cohort.start;
  const minimumEnd = addMonths(start, rules.minimumDurationMonths);
  let end = minimumEnd;
  if ((rules.plannedEnd ?? 'cohort-end') === 'cohort-end' && cohort.end > start)
    end =
      startsDuringSchoolYear(start, rules.schoolYearStartsBy) || cohort.end > minimumEnd
        ? cohort.end
        : minimumEnd;
  return { start, end, shortened: end < minimumEnd };
}
