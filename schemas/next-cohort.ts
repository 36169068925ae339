/** A cohort's calendar, as in the settings' `cohorts` (dates are `YYYY-MM-DD`). */
export interface CohortCalendar {
  id: string;
  label: string;
  applicationsOpen: string;
  applicationsClose: string;
  start: string;
  end: string;
}

/**
 * What the site says about the next cohort on a given day:
 * - `open`: applications are taken now, until `cohort.applicationsClose`;
 * - `upcoming`: no cohort takes applications today; the next one opens on
 *   `cohort.applicationsOpen`, and an application sent before is kept for it;
 * - `none`: every cohort in the settings has closed its applications.
 */
export type NextCohort =
  | { state: 'open'; cohort: CohortCalendar }
  | { state: 'upcoming'; cohort: CohortCalendar }
  | { state: 'none' };

/**
 * The cohort an applicant should hear about on `today` (`YYYY-MM-DD`, in the structure's time
 * zone): the earliest-starting one whose applications have not closed yet (issue 8). Cohorts
 * are taken in date order whatever their order in the settings. Pure: the build passes its clock.
 */
export function nextCohort(cohorts: readonly CohortCalendar[], today: string): NextCohort {
  // ISO dates compare as text.
  const cohort = [...cohorts]
    .sort((a, b) => a.start.localeCompare(b.start))
    .find((c) => today <= c.applicationsClose);
  if (!cohort) return { state: 'none' };
  return { state: today >= cohort.applicationsOpen ? 'open' : 'upcoming', cohort };
}

const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** A date (`YYYY-MM-DD`) as French writes it: « 1er décembre 2026 », « 11 janvier 2027 ». */
export function frenchDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day === 1 ? '1er' : day} ${months[month - 1]} ${year}`;
}
