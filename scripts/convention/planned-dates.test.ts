import { describe, expect, it } from 'vitest';
import { addMonths, plannedDates, startsDuringSchoolYear } from './planned-dates.ts';

describe('a pair’s planned dates (article 5)', () => {
  it('adds months on the same day, or the month’s last day', () => {
    expect(addMonths('2027-01-11', 6)).toBe('2027-07-11');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-09-20', 12)).toBe('2028-09-20');
  });

  it('knows a start during the school year from one at its beginning', () => {
    expect(startsDuringSchoolYear('2027-09-20')).toBe(false);
    expect(startsDuringSchoolYear('2027-10-31')).toBe(false);
    expect(startsDuringSchoolYear('2027-11-02')).toBe(true);
    expect(startsDuringSchoolYear('2027-01-11')).toBe(true);
    expect(startsDuringSchoolYear('2027-08-01')).toBe(false);
    expect(startsDuringSchoolYear('2027-10-05', '09-30')).toBe(true);
  });

  const september = { start: '2027-09-20', end: '2028-06-30' };
  const january = { start: '2027-01-11', end: '2027-07-09' };
  const rules = { minimumDurationMonths: 6 };

  it('starts on the cohort’s start, or on the day the pair was accepted when later', () => {
    expect(plannedDates(september, '2027-06-01', rules).start).toBe('2027-09-20');
    expect(plannedDates(september, '2027-10-04', rules).start).toBe('2027-10-04');
    expect(plannedDates(september, undefined, rules).start).toBe('2027-09-20');
  });

  it('cohort-end: the cohort’s end, at least six months from a start at the beginning of the year', () => {
    expect(plannedDates(september, undefined, rules)).toEqual({
      start: '2027-09-20',
      end: '2028-06-30',
      shortened: false,
    });
    // A short cohort starting in September still lasts six months.
    expect(plannedDates({ start: '2027-09-20', end: '2028-01-15' }, undefined, rules)).toEqual({
      start: '2027-09-20',
      end: '2028-03-20',
      shortened: false,
    });
    // Starting in January (during the school year): the cohort's end, shorter, and said so.
    expect(plannedDates(january, undefined, rules)).toEqual({
      start: '2027-01-11',
      end: '2027-07-09',
      shortened: true,
    });
  });

  it('minimum-duration: always the start plus the minimum', () => {
    expect(
      plannedDates(january, '2027-02-01', { ...rules, plannedEnd: 'minimum-duration' }),
    ).toEqual({ start: '2027-02-01', end: '2027-08-01', shortened: false });
  });

  it('a pair accepted after its cohort ended still gets the minimum duration', () => {
    expect(plannedDates(january, '2027-08-20', rules)).toEqual({
      start: '2027-08-20',
      end: '2028-02-20',
      shortened: false,
    });
  });
});
