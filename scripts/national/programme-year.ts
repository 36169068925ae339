import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type {
  ScreeningDecision,
  ScreeningStatus,
} from '../../schemas/screening-decision.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import { generateCohort, seededRandom } from '../dev/matching-people.ts';
import { pairYear } from '../dev/pair-year.ts';
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
  for (const proposed of proposal.pairs) {
    const base = pairRecord(proposed, cohort, at(matchingDay));
    const year = pairYear(
      {
        ...base,
        events: [
          ...base.events,
          { type: 'accepted', at: at('2027-01-05') },
          {
            type: 'signed',
            at: at('2027-01-10'),
            signatures: { mentor: '2027-01-08', mentee: '2027-01-09', structure: '2027-01-10' },
          },
        ],
      },
      random,
      { earlyAbove: 0.88, plannedEnd: '2027-07-09' },
    );
    pairs.push(year.pair);
    followUps.set(year.pair.id, year.followUps);
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
