import { nextCohort, type CohortCalendar } from '../../schemas/next-cohort.ts';

export type Cohort = CohortCalendar;

/**
 * The cohort an application made on `today` (YYYY-MM-DD) belongs to: the one the site announces
 * that day (the earliest whose applications have not closed, schemas/next-cohort.ts), or else,
 * once every one has closed, the one under way, or else the latest. The site and the intake must
 * agree, or a person would apply for one cohort and be filed under another.
 */
export function chooseCohort(cohorts: readonly Cohort[], today: string): string {
  const announced = nextCohort(cohorts, today);
  if (announced.state !== 'none') return announced.cohort.id;
  const sorted = [...cohorts].sort((a, b) => a.start.localeCompare(b.start));
  const running = sorted.find((c) => c.start <= today && today <= c.end);
  return (running ?? sorted.at(-1)!).id;
}
