import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frenchDate, nextCohort, type CohortCalendar } from './next-cohort.ts';
import { readSettings } from './read-settings.ts';

const january: CohortCalendar = {
  id: '2026-2027',
  label: 'Cohorte de janvier 2027',
  applicationsOpen: '2026-11-02',
  applicationsClose: '2026-12-11',
  start: '2027-01-11',
  end: '2027-07-09',
};
const september: CohortCalendar = {
  id: '2027-2028',
  label: 'Année scolaire 2027-2028',
  applicationsOpen: '2027-05-03',
  applicationsClose: '2027-07-02',
  start: '2027-09-20',
  end: '2028-06-30',
};

describe('nextCohort', () => {
  it.each([
    ['long before the first opening', '2026-06-15', 'upcoming', january],
    ['the day before applications open', '2026-11-01', 'upcoming', january],
    ['the day applications open', '2026-11-02', 'open', january],
    ['while applications are open', '2026-11-30', 'open', january],
    ['the day applications close', '2026-12-11', 'open', january],
    ['the day after they close, before the start', '2026-12-12', 'upcoming', september],
    ['while the first cohort runs', '2027-03-01', 'upcoming', september],
    ['when the next cohort opens', '2027-05-03', 'open', september],
    ['its last day of applications', '2027-07-02', 'open', september],
  ])('%s (%s): %s', (_, today, state, cohort) => {
    expect(nextCohort([january, september], today)).toEqual({ state, cohort });
  });

  it('says so when every cohort has closed its applications', () => {
    expect(nextCohort([january, september], '2027-07-03')).toEqual({ state: 'none' });
    expect(nextCohort([], '2026-11-30')).toEqual({ state: 'none' });
  });

  it('takes the cohorts in date order, whatever their order in the settings', () => {
    expect(nextCohort([september, january], '2026-11-30')).toEqual({
      state: 'open',
      cohort: january,
    });
  });

  it('works on the programme’s own settings', () => {
    const { cohorts } = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    for (const cohort of cohorts) {
      expect(nextCohort(cohorts, cohort.applicationsOpen)).toMatchObject({
        state: 'open',
        cohort: { id: cohort.id },
      });
    }
  });
});

describe('frenchDate', () => {
  it('writes a date as French does, « 1er » for the first of the month', () => {
    expect(frenchDate('2026-12-11')).toBe('11 décembre 2026');
    expect(frenchDate('2027-01-01')).toBe('1er janvier 2027');
    expect(frenchDate('2027-08-09')).toBe('9 août 2027');
  });
});
