import { describe, expect, it } from 'vitest';
import type { Pair } from '../../schemas/pair.schema.ts';
import { accepted, aMentee, aMentor } from '../dev/matching-people.ts';
import { settings } from '../../tests/helpers/matching-harness.ts';
import { addMonths, retentionPlan } from './retention-plan.ts';
import { sortRecords } from './sort-records.ts';

const retention = settings.dataProtection.retention;

function set(
  applications: ReturnType<typeof aMentee | typeof aMentor>[],
  pairs: Pair[] = [],
  decided: string[] = [],
) {
  const files = new Map<string, string>();
  for (const a of applications)
    files.set(
      `applications/${a.id.startsWith('mentor') ? 'mentors' : 'mentees'}/${a.id}.json`,
      JSON.stringify(a),
    );
  for (const d of accepted(decided).values())
    files.set(`screening/${d.id}.json`, JSON.stringify(d));
  for (const p of pairs) files.set(`pairs/${p.id}.json`, JSON.stringify(p));
  files.set(
    'matching/2026-2027.json',
    JSON.stringify({
      schemaVersion: 1,
      cohort: '2026-2027',
      mode: 'best',
      forbidden: [],
      withdrawn: [],
    }),
  );
  const records = sortRecords(files);
  expect(records.unreadable).toEqual([]);
  return records;
}

const pair = (status: Pair['status'], closedAt?: string): Pair => ({
  schemaVersion: 1,
  id: 'pair-bbbbb1-aaaaa1',
  cohort: '2026-2027',
  mentor: 'mentor-bbbbb1',
  mentee: 'mentee-aaaaa1',
  status,
  proposedBy: 'matching',
  meetingMode: 'presentiel',
  objectives: [],
  score: { total: 0, rules: [] },
  events: [
    { type: 'proposed', at: '2026-12-01T10:00:00.000Z' },
    ...(closedAt ? [{ type: 'closed' as const, at: `${closedAt}T10:00:00.000Z` }] : []),
  ],
});

describe('retention periods', () => {
  it('adds months as a calendar does, the last day of a shorter month standing for a later day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-10', 12)).toBe('2027-11-10');
    expect(addMonths('2027-12-15', 2)).toBe('2028-02-15');
  });

  it('erases someone never paired once the period has passed since their last decision', () => {
    // Applied on 10 Nov 2026; accepted on 20 Nov 2026: the period runs from the decision.
    const records = set([aMentee('mentee-aaaaa1')], [], ['mentee-aaaaa1']);
    expect(
      retentionPlan(
        records,
        settings,
        addMonths('2026-11-20', retention.applicationWithoutPairMonths - 1),
      ),
    ).toEqual([]);
    expect(retentionPlan(records, settings, '2027-11-19')).toEqual([]);
    expect(retentionPlan(records, settings, '2027-11-20')).toEqual([
      {
        type: 'person',
        id: 'mentee-aaaaa1',
        rule: 'applicationWithoutPairMonths',
        reason:
          'sans binôme, dernière décision ou candidature le 20/11/2026 ; durée de conservation (12 mois) dépassée',
      },
    ]);
  });

  it('keeps the people of a pair in progress; one never closed goes once its cohort is long over', async () => {
    const records = set([aMentee('mentee-aaaaa1'), aMentor('mentor-bbbbb1')], [pair('active')]);
    // The 2026-2027 cohort ends on 9 July 2027: 24 months later, the pair is a record nobody
    // kept up, proposed for deletion with its people (a coordinator reviews the pull request).
    expect(retentionPlan(records, settings, '2029-07-08')).toEqual([]);
    expect(retentionPlan(records, settings, '2029-07-09')).toContainEqual({
      type: 'file',
      path: 'pairs/pair-bbbbb1-aaaaa1.json',
      rule: 'afterMentoringEndsMonths',
      reason:
        'binôme jamais clôturé, cohorte terminée le 09/07/2027 ; durée de conservation (24 mois) dépassée',
    });
  });

  it('counts days in the programme’s time zone, not in UTC', () => {
    // 30 November 2025 at 23:30 UTC is already 1 December in Paris.
    const late = aMentee('mentee-aaaaa1', {}, { submittedAt: '2025-11-30T23:30:00.000Z' });
    const records = set([late]);
    expect(retentionPlan(records, settings, '2026-11-30')).toEqual([]);
    expect(retentionPlan(records, settings, '2026-12-01')).toHaveLength(1);
  });

  it('deletes a pair and erases its people once the period after its end has passed', () => {
    const records = set(
      [aMentee('mentee-aaaaa1'), aMentor('mentor-bbbbb1')],
      [pair('closed', '2027-07-09')],
    );
    expect(retentionPlan(records, settings, '2029-07-08')).toEqual([]);
    expect(
      retentionPlan(records, settings, '2029-07-09').map((i) =>
        i.type === 'person' ? i.id : i.path,
      ),
    ).toEqual([
      'mentee-aaaaa1',
      'mentor-bbbbb1',
      // The cohort ended that same day: its matching edits go too.
      'matching/2026-2027.json',
      'pairs/pair-bbbbb1-aaaaa1.json',
    ]);
  });

  it('deletes a cohort’s matching edits once the period after the cohort’s end has passed', () => {
    const records = set([]);
    const end = settings.cohorts.find((c) => c.id === '2026-2027')!.end;
    expect(
      retentionPlan(records, settings, addMonths(end, retention.afterMentoringEndsMonths)),
    ).toEqual([expect.objectContaining({ type: 'file', path: 'matching/2026-2027.json' })]);
  });
});

describe('the follow-up’s retention (issue 12)', () => {
  it('deletes the follow-up records and codes of a pair that is gone, and keeps a living pair’s', () => {
    const record = (pairId: string) => ({
      schemaVersion: 1,
      pairId,
      type: 'contact',
      role: 'coordinator',
      submittedAt: '2027-01-10T10:00:00.000Z',
      on: '2027-01-10',
    });
    const owner = (pairId: string) => ({
      schemaVersion: 1,
      pairId,
      role: 'mentee',
      issuedAt: '2027-01-01T10:00:00.000Z',
    });
    const living = pair('active');
    const files = new Map<string, string>([
      [`pairs/${living.id}.json`, JSON.stringify(living)],
      [
        `followups/${living.id}/20270110T100000000Z-coordinator.json`,
        JSON.stringify(record(living.id)),
      ],
      [
        'followups/pair-ccccc1-ddddd1/20270110T100000000Z-coordinator.json',
        JSON.stringify(record('pair-ccccc1-ddddd1')),
      ],
      [`followup-codes/${'1'.repeat(64)}.json`, JSON.stringify(owner(living.id))],
      [`followup-codes/${'2'.repeat(64)}.json`, JSON.stringify(owner('pair-ccccc1-ddddd1'))],
    ]);
    const records = sortRecords(files);
    expect(records.unreadable).toEqual([]);
    const plan = retentionPlan(records, settings, '2027-02-01');
    expect(plan.map((item) => (item.type === 'file' ? item.path : item.id))).toEqual([
      `followup-codes/${'2'.repeat(64)}.json`,
      'followups/pair-ccccc1-ddddd1/20270110T100000000Z-coordinator.json',
    ]);
  });
});
