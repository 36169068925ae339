import { describe, expect, it } from 'vitest';
import { followUpPath } from '../../schemas/data-layout.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { checkFollowUp, checkPair } from '../../schemas/validators.ts';
import {
  aBilanRecord,
  aCheckInRecord,
  aCoordinatorRecord,
  flagRuns,
} from '../../tests/helpers/follow-up-records.ts';
import { sortRecords } from '../records/sort-records.ts';
import { followUpFacts } from './follow-up-facts.ts';
import { addDays, defaultFollowUpRules } from './follow-up-rules.ts';
import { followUpSchedule } from './follow-up-schedule.ts';
import { pairDates } from './pair-dates.ts';
import { pairSituation } from './pair-flags.ts';

// Issue 12, « Must show »: a pair's whole year, replayed day by day with an injected clock, from
// the records the data repository would hold (the pair's file and what the intake and the
// coordinators wrote), through the one reader: each flag appears on the right day and clears
// the day the record that answers it arrives.

const settings = {
  cohorts: [{ id: '2026-2027', start: '2026-10-01', end: '2027-06-30' }],
  mentoring: { minimumDurationMonths: 6, plannedEnd: 'cohort-end', schoolYearStartsBy: '10-31' },
  structure: { timeZone: 'Europe/Paris' },
} as const;

const pair: Pair = {
  schemaVersion: 1,
  id: 'pair-aaaaaa-bbbbbb',
  cohort: '2026-2027',
  mentor: 'mentor-aaaaaa',
  mentee: 'mentee-bbbbbb',
  status: 'closed',
  proposedBy: 'matching',
  meetingMode: 'presentiel',
  objectives: [],
  score: { total: 0, rules: [] },
  events: [
    { type: 'proposed', at: '2026-09-20T10:00:00.000Z' },
    { type: 'accepted', at: '2026-09-25T10:00:00.000Z' },
    {
      type: 'signed',
      at: '2026-10-06T09:00:00.000Z',
      signatures: { mentor: '2026-10-05', mentee: '2026-10-05', structure: '2026-10-05' },
    },
    { type: 'paused', at: '2027-02-01T10:00:00.000Z', reason: 'Examens' },
    { type: 'resumed', at: '2027-03-01T10:00:00.000Z' },
    { type: 'closed', at: '2027-07-10T10:00:00.000Z', outcome: 'as-planned' },
  ],
};

const checkIn = (
  role: 'mentor' | 'mentee',
  sent: string,
  meetings: string[],
  wantsContact = false,
) => aCheckInRecord(pair.id, role, sent, meetings, wantsContact);
const coordinator = (type: 'contact' | 'mid-point-review', on: string) =>
  aCoordinatorRecord(pair.id, type, on);
const bilan = (role: 'mentor' | 'mentee', sent: string) => aBilanRecord(pair.id, role, sent);

// The year as it happened. The mentor and the mentoré both report the December meeting.
const records: FollowUp[] = [
  checkIn('mentee', '2026-10-30', ['2026-10-29']), // the first meeting, three days late
  coordinator('contact', '2026-11-02'),
  checkIn('mentor', '2026-12-02', ['2026-11-27']),
  checkIn('mentee', '2026-12-20', ['2026-12-18'], true), // asks for help
  checkIn('mentor', '2026-12-21', ['2026-12-18']),
  coordinator('contact', '2026-12-23'), // answers it
  checkIn('mentee', '2027-01-08', ['2027-01-07']),
  coordinator('mid-point-review', '2027-03-10'),
  checkIn('mentor', '2027-04-20', ['2027-03-05', '2027-04-15']), // late, after a silence
  checkIn('mentee', '2027-05-25', ['2027-05-20']),
  checkIn('mentor', '2027-06-24', ['2027-06-20']),
  bilan('mentee', '2027-07-15'),
];

/** The pair as its file stood on `day`: its events until then, and the status they give. */
function asOf(day: string): Pair {
  const events = pair.events.filter(
    (e) => new Date(e.at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }) <= day,
  );
  const last = events.at(-1)!.type;
  const status = (
    {
      proposed: 'proposed',
      accepted: 'accepted',
      signed: 'active',
      resumed: 'active',
      paused: 'paused',
      closed: 'closed',
    } as const
  )[last];
  return { ...pair, status, events };
}

describe('a pair’s follow-up over a simulated year, from its records', () => {
  it('reads every record through the one reader', () => {
    expect(checkPair(pair).ok).toBe(true);
    const files = new Map(
      records.map((r) => [followUpPath(pair.id, r.submittedAt, r.role), JSON.stringify(r)]),
    );
    const set = sortRecords(files);
    expect(set.unreadable).toEqual([]);
    expect(set.followUps.get(pair.id)).toHaveLength(records.length);
    for (const record of records) expect(checkFollowUp(record).ok).toBe(true);
  });

  it('starts when the convention is signed and follows the cohort to its end', () => {
    const dates = pairDates(pair, settings);
    expect(dates).toEqual({
      start: '2026-10-05',
      end: '2027-06-30',
      pauses: [{ from: '2027-02-01', to: '2027-03-01' }],
    });
    const schedule = followUpSchedule(dates.start, dates.end, defaultFollowUpRules, dates.pauses);
    // 30 days of mentoring apart, February's pause not counted: the March check-in and contact
    // move from 2 February to 2 March; the mid-point is 134 days of mentoring after the start.
    const on = (kind: string) => schedule.filter((d) => d.kind === kind).map((d) => d.on);
    expect(on('first-meeting')).toEqual(['2026-10-26']);
    expect(on('check-in')).toEqual([
      '2026-11-04',
      '2026-12-04',
      '2027-01-03',
      '2027-03-02',
      '2027-04-01',
      '2027-05-01',
      '2027-05-31',
    ]);
    expect(on('contact').slice(0, 3)).toEqual(['2026-10-20', '2026-11-04', '2026-12-04']);
    expect(on('mid-point-review')).toEqual(['2027-03-16']);
    expect(on('bilan')).toEqual(['2027-06-30']);
  });

  it('raises every flag on the right day, and clears it the day its answer is recorded', () => {
    const seen: Record<string, string[]> = {};
    for (let day = '2026-09-25'; day <= '2027-09-30'; day = addDays(day, 1)) {
      const known = records.filter(
        (r) =>
          new Date(r.submittedAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }) <= day,
      );
      const situation = pairSituation(
        asOf(day),
        pairDates(pair, settings),
        followUpFacts(known, 'Europe/Paris'),
        day,
        defaultFollowUpRules,
      );
      for (const flag of situation.flags) (seen[flag.code] ??= []).push(day);
    }
    const intervals = flagRuns(seen);
    // Worked out by hand from the rules: the first meeting was due on 26 October and reported
    // on the 30th; help asked on 20 December, a contact on the 23rd; nothing reported from
    // 8 January until 20 April (the check-in due on 2 March, 7 days' grace; 45 days of
    // mentoring without a meeting from 7 January, February's pause not counted, so the 22nd
    // of March); the bilan, due on 30 June, came on 15 July. Nothing while paused.
    expect(intervals).toEqual({
      'first-meeting-late': [['2026-10-27', '2026-10-29']],
      'help-requested': [['2026-12-20', '2026-12-22']],
      'check-in-overdue': [['2027-03-10', '2027-04-19']],
      inactive: [['2027-03-22', '2027-04-19']],
      'bilan-missing': [['2027-07-01', '2027-07-14']],
    });
  });
});
