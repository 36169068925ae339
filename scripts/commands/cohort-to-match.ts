import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';

/**
 * The cohort a scheduled matching run works on: the first one that has not started yet (its
 * pairs are formed before it starts), or else the latest one.
 */
export function cohortToMatch(settings: ProgrammeSettings, today: string): string {
  const cohorts = [...settings.cohorts].sort((a, b) => (a.start < b.start ? -1 : 1));
  return (cohorts.find((c) => c.start >= today) ?? cohorts.at(-1)!).id;
}
