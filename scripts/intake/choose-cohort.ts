export interface Cohort {
  id: string;
  applicationsOpen: string;
  start: string;
  end: string;
}

/**
 * The cohort an application made on `today` (YYYY-MM-DD) belongs to: the first one that has not
 * started yet, or else the one under way (mentoring may start during the year, article 5), or
 * else the latest. Cohorts are taken in date order whatever their order in the settings.
 */
export function chooseCohort(cohorts: readonly Cohort[], today: string): string {
  const sorted = [...cohorts].sort((a, b) => a.start.localeCompare(b.start));
  const upcoming = sorted.find((c) => c.start > today);
  const running = sorted.find((c) => c.start <= today && today <= c.end);
  return (upcoming ?? running ?? sorted.at(-1)!).id;
}
