import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair, PairEvent } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type {
  ScreeningDecision,
  ScreeningStatus,
} from '../../schemas/screening-decision.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import { generateCohort, seededRandom } from '../dev/matching-people.ts';
import { addDays } from '../followup/follow-up-rules.ts';
import { buildPool } from '../matching/build-pool.ts';
import { matchPool } from '../matching/match-pool.ts';
import { pairRecord } from '../matching/pair-record.ts';
import type { ReportRecords } from '../reporting/report-figures.ts';
import type { ProgrammeSpec } from './country-plan.ts';
import { submissionTime } from './submission-times.ts';

/** The cohort every generated structure recruits for, and the day its coordinators match it. */
export const cohort = '2026-2027';
export const matchingDay = '2026-12-18';

/** A structure's generated school year: its records, and what its matching proposed. */
export interface ProgrammeYear {
  records: ReportRecords;
  /** When each application was sent: what the intake had to take, and when. */
  submittedAt: string[];
  pairs: number;
  unmatched: number;
  /** Milliseconds of each phase, by the injected clock (0 without one). */
  ms: { generate: number; match: number; follow: number };
}

const at = (day: string) => `${day}T10:00:00.000Z`;
const closeReasons = [
  'no-longer-available',
  'objective-reached',
  'disagreement',
  'breach',
  'other',
] as const;

/**
 * One structure's year, from its seed: its people (the project's synthetic builders, so that
 * they validate against the real schemas; identities are the builders' fixed placeholders), the
 * coordinators' decisions, the real matching of its cohort (scripts/matching, as `npm run match`
 * runs it), then each accepted pair's life (signature, pauses, endings, both members' monthly
 * check-ins and bilans). Pure: the clock is injected, and only times the phases.
 */
export function programmeYear(
  spec: ProgrammeSpec,
  settings: ProgrammeSettings,
  now: () => number = () => 0,
): ProgrammeYear {
  const t0 = now();
  const random = seededRandom(spec.seed);
  const generated = generateCohort(spec.mentees, spec.mentors, spec.seed);
  const applications: Application<'mentor' | 'mentee'>[] = generated.applications.map((a) => ({
    ...a,
    submittedAt: submissionTime(random),
  }));
  const decisions = new Map<string, ScreeningDecision>();
  for (const a of applications) {
    const r = random();
    const status: ScreeningStatus =
      r < 0.8 ? 'accepted' : r < 0.88 ? 'waitlisted' : r < 0.95 ? 'declined' : 'withdrawn';
    // Decided within three weeks, and before the matching.
    const decided = addDays(a.submittedAt.slice(0, 10), 3 + Math.floor(random() * 18));
    const on = at(decided < matchingDay ? decided : addDays(matchingDay, -1));
    decisions.set(a.id, {
      schemaVersion: 1,
      id: a.id,
      status,
      updatedAt: on,
      history: [{ status, at: on }],
    });
  }
  const t1 = now();
  const pool = buildPool({
    cohort,
    capacityMax: settings.mentoring.mentorCapacityMax,
    applications,
    decisions,
    pairs: [],
    forced: [],
    edits: [],
  });
  const proposal = matchPool(pool, 'best', settings.matching, matchingDay);
  const t2 = now();
  const pairs: Pair[] = [];
  const followUps = new Map<string, FollowUp[]>();
  const intake = { idempotencyKeyHash: 'c'.repeat(64), proofOfWork: 'verified' } as const;
  for (const proposed of proposal.pairs) {
    const base = pairRecord(proposed, cohort, at(matchingDay));
    const events: PairEvent[] = [
      ...base.events,
      { type: 'accepted', at: at('2027-01-05') },
      {
        type: 'signed',
        at: at('2027-01-10'),
        signatures: { mentor: '2027-01-08', mentee: '2027-01-09', structure: '2027-01-10' },
      },
    ];
    const fate = random();
    if (fate < 0.1)
      events.push(
        { type: 'paused', at: at('2027-03-01') },
        { type: 'resumed', at: at('2027-03-20') },
      );
    if (fate > 0.88)
      events.push({
        type: 'closed',
        at: at(addDays('2027-02-01', Math.floor(random() * 120))),
        outcome: 'early',
        reasonCode: closeReasons[Math.floor(random() * closeReasons.length)]!,
      });
    else if (fate > 0.2)
      events.push({ type: 'closed', at: at('2027-07-09'), outcome: 'as-planned' });
    const last = events.at(-1)!.type;
    const pair: Pair = {
      ...base,
      status: last === 'closed' ? 'closed' : last === 'paused' ? 'paused' : 'active',
      events,
    };
    pairs.push(pair);
    const records: FollowUp[] = [];
    for (const month of ['02', '03', '04', '05', '06'])
      for (const role of ['mentor', 'mentee'] as const)
        if (random() < 0.7)
          records.push({
            schemaVersion: 1,
            pairId: pair.id,
            type: 'check-in',
            role,
            submittedAt: at(`2027-${month}-2${Math.floor(random() * 8)}`),
            meetings:
              random() < 0.85
                ? [
                    {
                      on: `2027-${month}-1${Math.floor(random() * 9)}`,
                      mode: random() < 0.7 ? 'presentiel' : 'visio',
                      duration: '60-120',
                    },
                  ]
                : [],
            rating: 1 + Math.floor(random() * 5),
            wantsContact: random() < 0.05,
            intake,
          });
    if (fate > 0.2 && fate <= 0.88)
      for (const role of ['mentor', 'mentee'] as const)
        if (random() < 0.8)
          records.push({
            schemaVersion: 1,
            pairId: pair.id,
            type: 'bilan',
            role,
            submittedAt: at('2027-07-10'),
            objectivesReached: random() < 0.7 ? 'yes' : random() < 0.7 ? 'partly' : 'no',
            satisfaction: 1 + Math.floor(random() * 5),
            wouldRecommend: random() < 0.8 ? 'yes' : 'maybe',
            changes: ['confidence'],
            intake,
          });
    followUps.set(pair.id, records);
  }
  const t3 = now();
  return {
    records: { applications, decisions, pairs, erasures: new Map(), followUps },
    submittedAt: applications.map((a) => a.submittedAt),
    pairs: proposal.pairs.length,
    unmatched: proposal.unmatched.length,
    ms: { generate: t1 - t0, match: t2 - t1, follow: t3 - t2 },
  };
}
