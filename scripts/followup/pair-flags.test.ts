import { describe, expect, it } from 'vitest';
import type { Pair } from '../../schemas/pair.schema.ts';
import { flagRuns } from '../../tests/helpers/follow-up-records.ts';
import { addDays, defaultFollowUpRules } from './follow-up-rules.ts';
import { followUpSchedule } from './follow-up-schedule.ts';
import { pairSituation, type FlagCode, type FollowUpFact } from './pair-flags.ts';

const pair = (status: Pair['status']): Pair => ({
  schemaVersion: 1,
  id: 'pair-aaaaaa-bbbbbb',
  cohort: '2026-2027',
  mentor: 'mentor-aaaaaa',
  mentee: 'mentee-bbbbbb',
  status,
  proposedBy: 'matching',
  meetingMode: 'presentiel',
  objectives: [],
  score: { total: 0, rules: [] },
  events: [{ type: 'proposed', at: '2026-12-01T10:00:00.000Z' }],
});

const dates = { start: '2027-01-11', end: '2027-07-09' };
const rules = defaultFollowUpRules;

// A half-year, as a coordinator would see it happen.
const facts: FollowUpFact[] = [
  { kind: 'meeting', on: '2027-02-05' }, // four days after the first meeting was due
  { kind: 'check-in', on: '2027-02-12', role: 'mentee', wantsContact: false },
  { kind: 'meeting', on: '2027-03-05' },
  { kind: 'check-in', on: '2027-03-25', role: 'mentor', wantsContact: true },
  { kind: 'contact', on: '2027-03-28' },
  { kind: 'meeting', on: '2027-04-02' },
  { kind: 'check-in', on: '2027-05-30', role: 'mentee', wantsContact: false },
  { kind: 'meeting', on: '2027-06-10' },
  { kind: 'bilan', on: '2027-07-15', role: 'mentee' },
];

/** The days, both included, each flag is expected on, worked out by hand from the rules. */
const expected: Record<FlagCode, [string, string][]> = {
  // The first meeting was due on 1 February (start + 21 days).
  'first-meeting-late': [['2027-02-02', '2027-02-04']],
  // Check-ins were due on 10 February, 12 March, 11 April, 11 May, 10 June; 7 days' grace.
  'check-in-overdue': [
    ['2027-03-20', '2027-03-24'],
    ['2027-05-19', '2027-05-29'],
  ],
  'help-requested': [['2027-03-25', '2027-03-27']],
  // No meeting after 2 April for more than 45 days.
  inactive: [['2027-05-18', '2027-06-09']],
  'bilan-missing': [['2027-07-10', '2027-07-14']],
};

describe('a pair’s follow-up over a simulated half-year', () => {
  it('raises every flag on the right day, and clears it the day the matching event is recorded', () => {
    const seen: Record<string, string[]> = {};
    for (let day = dates.start; day <= '2027-08-31'; day = addDays(day, 1))
      for (const flag of pairSituation(pair('active'), dates, facts, day, rules).flags)
        (seen[flag.code] ??= []).push(day);
    const intervals = flagRuns(seen);
    expect(intervals).toEqual(expected);
  });

  it('says since when, and what is due in the coming week', () => {
    const situation = pairSituation(pair('active'), dates, facts, '2027-05-20', rules);
    expect(situation.flags).toEqual([
      { code: 'inactive', since: '2027-05-18' },
      { code: 'check-in-overdue', since: '2027-05-19' },
    ]);
    expect(situation.due.map((d) => d.kind)).toContain('contact');
    const before = pairSituation(pair('active'), dates, [], '2027-01-28', rules);
    // The first contact was due two days ago, the first meeting is due in four.
    expect(before.due).toEqual([
      { kind: 'contact', on: '2027-01-26' },
      { kind: 'first-meeting', on: '2027-02-01' },
    ]);
  });

  it('flags a paused pair only for help asked, and no other pair at all', () => {
    const help: FollowUpFact[] = [
      { kind: 'check-in', on: '2027-04-01', role: 'mentee', wantsContact: true },
    ];
    expect(pairSituation(pair('paused'), dates, help, '2027-06-01', rules).flags).toEqual([
      { code: 'help-requested', since: '2027-04-01' },
    ]);
    for (const status of ['proposed', 'accepted', 'closed'] as const)
      expect(pairSituation(pair(status), dates, help, '2027-06-01', rules).flags).toEqual([]);
  });
});

describe('a pair’s schedule', () => {
  it('has the first meeting, two contacts in the first month then monthly, monthly check-ins, the mid-point and the bilan', () => {
    const schedule = followUpSchedule(dates.start, dates.end, rules);
    expect(schedule.find((d) => d.kind === 'first-meeting')?.on).toBe('2027-02-01');
    expect(
      schedule
        .filter((d) => d.kind === 'contact')
        .map((d) => d.on)
        .slice(0, 3),
    ).toEqual(['2027-01-26', '2027-02-10', '2027-03-12']);
    expect(schedule.filter((d) => d.kind === 'check-in').map((d) => d.on)).toEqual([
      '2027-02-10',
      '2027-03-12',
      '2027-04-11',
      '2027-05-11',
      '2027-06-10',
    ]);
    expect(schedule.find((d) => d.kind === 'mid-point-review')?.on).toBe('2027-04-10');
    expect(schedule.at(-1)).toEqual({ kind: 'bilan', on: '2027-07-09' });
  });
});

describe('the follow-up settings', () => {
  it('take each missing value from the defaults', async () => {
    const { followUpRulesFrom } = await import('./follow-up-rules.ts');
    expect(followUpRulesFrom({})).toEqual(defaultFollowUpRules);
    expect(followUpRulesFrom({ followUp: { inactiveAfterDays: 60 } }).inactiveAfterDays).toBe(60);
    const { readSettings } = await import('../../schemas/read-settings.ts');
    const { readFileSync } = await import('node:fs');
    const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    expect(followUpRulesFrom(settings)).toEqual(defaultFollowUpRules);
  });
});

describe('pauses and ends', () => {
  const withEvents = (status: Pair['status'], events: Pair['events']): Pair => ({
    ...pair(status),
    events: [...pair(status).events, ...events],
  });

  it('counts delays in days of mentoring: a pause moves what falls after it', async () => {
    const { pausesOf } = await import('./paused-days.ts');
    const resumed = withEvents('active', [
      { type: 'paused', at: '2027-02-10T09:00:00.000Z' },
      { type: 'resumed', at: '2027-04-20T09:00:00.000Z' },
    ]);
    const pauses = pausesOf(resumed, 'Europe/Paris');
    expect(pauses).toEqual([{ from: '2027-02-10', to: '2027-04-20' }]);
    const met: FollowUpFact[] = [{ kind: 'meeting', on: '2027-02-05' }];
    const situation = (today: string) =>
      pairSituation(resumed, { ...dates, pauses }, met, today, rules);
    // On the day it resumes, nothing is backdated into the pause.
    expect(situation('2027-04-20').flags).toEqual([]);
    // Four days of mentoring before the pause, 42 after it: inactive from the 46th.
    expect(situation('2027-05-30').flags.map((f) => f.code)).not.toContain('inactive');
    expect(situation('2027-05-31').flags).toContainEqual({ code: 'inactive', since: '2027-05-31' });
    // The first check-in falls on the 30th day of mentoring: the day it resumed.
    expect(
      followUpSchedule(dates.start, dates.end, rules, pauses).find((d) => d.kind === 'check-in')
        ?.on,
    ).toBe('2027-04-20');
  });

  it('moves the first meeting of a pair paused before it', async () => {
    const { pausesOf } = await import('./paused-days.ts');
    const early = withEvents('active', [
      { type: 'paused', at: '2027-01-20T09:00:00.000Z' },
      { type: 'resumed', at: '2027-03-01T09:00:00.000Z' },
    ]);
    const pauses = pausesOf(early, 'Europe/Paris');
    expect(pairSituation(early, { ...dates, pauses }, [], '2027-03-01', rules).flags).toEqual([]);
    // Eight days before the pause, thirteen after it.
    expect(pairSituation(early, { ...dates, pauses }, [], '2027-03-14', rules).flags).toEqual([
      { code: 'first-meeting-late', since: '2027-03-14' },
    ]);
  });

  it('still asks for the bilan of a paused pair and of one closed as planned, after the end', () => {
    expect(pairSituation(pair('paused'), dates, [], '2027-09-01', rules).flags).toEqual([
      { code: 'bilan-missing', since: '2027-07-10' },
    ]);
    const closed = withEvents('closed', [
      { type: 'closed', at: '2027-07-09T10:00:00.000Z', outcome: 'as-planned' },
    ]);
    expect(pairSituation(closed, dates, [], '2027-09-01', rules).flags).toEqual([
      { code: 'bilan-missing', since: '2027-07-10' },
    ]);
    const bilan: FollowUpFact[] = [{ kind: 'bilan', on: '2027-07-20', role: 'mentor' }];
    expect(pairSituation(closed, dates, bilan, '2027-09-01', rules).flags).toEqual([]);
    const early = withEvents('closed', [
      { type: 'closed', at: '2027-03-09T10:00:00.000Z', outcome: 'early', reasonCode: 'other' },
    ]);
    expect(pairSituation(early, dates, [], '2027-09-01', rules).flags).toEqual([]);
  });

  it('never fails on a pair whose start, edited by hand, falls after its end', () => {
    const odd = { start: '2099-01-01', end: '2027-07-09' };
    expect(() => pairSituation(pair('active'), odd, [], '2099-02-01', rules)).not.toThrow();
  });

  it('puts nothing but the bilan after the end of a very short pair', () => {
    const schedule = followUpSchedule('2027-01-01', '2027-01-11', rules);
    expect(schedule.every((d) => d.on <= '2027-01-11')).toBe(true);
    expect(schedule.at(-1)).toEqual({ kind: 'bilan', on: '2027-01-11' });
  });
});
