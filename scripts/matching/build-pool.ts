import { kindOfId, pairIdOf } from '../../schemas/data-layout.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import { holdingStatuses, type Pair } from '../../schemas/pair.schema.ts';
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import type { RuledOut } from './pair-blockers.ts';
import {
  menteeProfile,
  mentorProfile,
  type MenteeProfile,
  type MentorProfile,
} from './profiles.ts';

export interface PoolInput {
  cohort: string;
  /** The programme's `mentoring.mentorCapacityMax`. */
  capacityMax: number;
  applications: readonly Application<'mentor' | 'mentee'>[];
  decisions: ReadonlyMap<string, ScreeningDecision>;
  /**
   * The pairs of main. A pair still `proposed` there was merged, so accepted: it holds its
   * people like an accepted, active or paused one; a closed one forbids pairing them again.
   */
  pairs: readonly Pair[];
  /** The pairs coordinators forced (/associer) on the cohort's branch: kept as they are. */
  forced: readonly Pair[];
  /** Every cohort's matching edits (forbidden pairs count everywhere, withdrawn ones here). */
  edits: readonly MatchingEdits[];
}

/** Who enters a cohort's matching, with what is already decided. */
export interface MatchingPool {
  cohort: string;
  /** Accepted mentorés of this cohort or an earlier one, in no pair: the rows, by id. */
  mentees: MenteeProfile[];
  /** Accepted mentors of this cohort or an earlier one, by id, full ones included. */
  mentors: MentorProfile[];
  /** Places each mentor has left for this matching (capacity − held pairs − forced pairs). */
  places: ReadonlyMap<string, number>;
  forced: readonly Pair[];
  ruledOut: RuledOut;
  /** People in a pair that holds them (accepted, active or paused; or forced here). */
  held: ReadonlySet<string>;
  /** The profile of every application, whatever its status: for the review and the checks. */
  profiles: {
    mentees: ReadonlyMap<string, MenteeProfile>;
    mentors: ReadonlyMap<string, MentorProfile>;
  };
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The matching pool of a cohort (issue 9): only people whose screening decision is `accepted`
 * and who are in no pair holding them; mentors keep the places they offered minus their pairs.
 * Pure.
 */
export function buildPool(input: PoolInput): MatchingPool {
  const holding = input.pairs.filter(
    (p) => p.status === 'proposed' || holdingStatuses.includes(p.status),
  );
  const forced = input.forced.filter((p) => p.cohort === input.cohort);
  const held = new Set<string>();
  const taken = new Map<string, number>();
  for (const pair of [...holding, ...forced]) {
    held.add(pair.mentee);
    held.add(pair.mentor);
    taken.set(pair.mentor, (taken.get(pair.mentor) ?? 0) + 1);
  }
  const accepted = input.applications.filter(
    (a) => input.decisions.get(a.id)?.status === 'accepted' && a.cohort <= input.cohort,
  );
  const mentees = accepted
    .filter((a) => kindOfId(a.id) === 'mentee' && !held.has(a.id))
    .map((a) => menteeProfile(a as Application<'mentee'>))
    .sort(byId);
  const mentors = accepted
    .filter((a) => kindOfId(a.id) === 'mentor')
    .map((a) => mentorProfile(a as Application<'mentor'>, input.capacityMax))
    .sort(byId);
  const places = new Map(
    mentors.map((m) => [m.id, Math.max(0, m.capacity - (taken.get(m.id) ?? 0))]),
  );
  const keys = (list: readonly { mentor: string; mentee: string }[]) =>
    new Set(list.map((p) => pairIdOf(p.mentor, p.mentee)));
  const profiles = {
    mentees: new Map<string, MenteeProfile>(),
    mentors: new Map<string, MentorProfile>(),
  };
  for (const a of input.applications) {
    if (kindOfId(a.id) === 'mentee')
      profiles.mentees.set(a.id, menteeProfile(a as Application<'mentee'>));
    else profiles.mentors.set(a.id, mentorProfile(a as Application<'mentor'>, input.capacityMax));
  }
  return {
    cohort: input.cohort,
    profiles,
    mentees,
    mentors,
    places,
    forced,
    held,
    ruledOut: {
      forbidden: keys(input.edits.flatMap((e) => e.forbidden)),
      withdrawn: keys(
        input.edits.filter((e) => e.cohort === input.cohort).flatMap((e) => e.withdrawn),
      ),
      closed: keys(input.pairs.filter((p) => p.status === 'closed')),
    },
  };
}
