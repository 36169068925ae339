import { endedAsPlanned } from '../followup/pair-transitions.ts';
import { kindOfId, pairIdOf } from '../../schemas/data-layout.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import { holdingStatuses, type Pair } from '../../schemas/pair.schema.ts';
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import { pairBlockers, type RuledOut } from './pair-blockers.ts';
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
  /** Forced pairs dropped because a rule they kept no longer holds, with why (French). */
  dropped: { id: string; reason: string }[];
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
  // Every application's profile, once: the pool, the forced pairs' checks and the review use them.
  const profiles = {
    mentees: new Map<string, MenteeProfile>(),
    mentors: new Map<string, MentorProfile>(),
  };
  for (const a of input.applications) {
    if (kindOfId(a.id) === 'mentee')
      profiles.mentees.set(a.id, menteeProfile(a as Application<'mentee'>));
    else profiles.mentors.set(a.id, mentorProfile(a as Application<'mentor'>, input.capacityMax));
  }
  const holding = input.pairs.filter(
    (p) => p.status === 'proposed' || holdingStatuses.includes(p.status),
  );
  const acceptedIds = new Set(
    input.applications
      .filter((a) => input.decisions.get(a.id)?.status === 'accepted' && a.cohort <= input.cohort)
      .map((a) => a.id),
  );
  const ruledOut = ruledOutPairs(input);
  // A forced pair is kept as it is only while its rules still hold: a person withdrawn, taken
  // by an accepted pair, or a pair forbidden since, and it is dropped, with the reason.
  const dropped: { id: string; reason: string }[] = [];
  const heldOnMain = new Set(holding.map((p) => p.mentee));
  const forced = input.forced.filter((p) => {
    if (p.cohort !== input.cohort) return false;
    const reason = !acceptedIds.has(p.mentor)
      ? `la candidature ${p.mentor} n’est plus acceptée`
      : !acceptedIds.has(p.mentee)
        ? `la candidature ${p.mentee} n’est plus acceptée`
        : heldOnMain.has(p.mentee)
          ? `${p.mentee} est déjà dans un autre binôme`
          : pairBlockers(profiles.mentees.get(p.mentee)!, profiles.mentors.get(p.mentor)!, {
              ...ruledOut,
              withdrawn: new Set(),
            })[0]?.message;
    if (reason) dropped.push({ id: p.id, reason });
    return !reason;
  });
  const held = new Set<string>();
  const taken = new Map<string, number>();
  for (const pair of [...holding, ...forced]) {
    held.add(pair.mentee);
    held.add(pair.mentor);
    taken.set(pair.mentor, (taken.get(pair.mentor) ?? 0) + 1);
  }
  // A mentoré whose mentoring went to its end has had it; one whose pair ended early goes back
  // to matching (issue 12). A mentor may take another mentoré either way.
  const finished = new Set(input.pairs.filter(endedAsPlanned).map((p) => p.mentee));
  const mentees = [...profiles.mentees.values()]
    .filter((m) => acceptedIds.has(m.id) && !held.has(m.id) && !finished.has(m.id))
    .sort(byId);
  const mentors = [...profiles.mentors.values()].filter((m) => acceptedIds.has(m.id)).sort(byId);
  const places = new Map(
    mentors.map((m) => [m.id, Math.max(0, m.capacity - (taken.get(m.id) ?? 0))]),
  );
  return {
    cohort: input.cohort,
    profiles,
    mentees,
    mentors,
    places,
    forced,
    held,
    ruledOut,
    dropped,
  };
}

/** The pairs ruled out, by pair id: forbidden anywhere, withdrawn here, closed. */
function ruledOutPairs(input: PoolInput): RuledOut {
  const keys = (list: readonly { mentor: string; mentee: string }[]) =>
    new Set(list.map((p) => pairIdOf(p.mentor, p.mentee)));
  return {
    forbidden: keys(input.edits.flatMap((e) => e.forbidden)),
    withdrawn: keys(
      input.edits.filter((e) => e.cohort === input.cohort).flatMap((e) => e.withdrawn),
    ),
    closed: keys(input.pairs.filter((p) => p.status === 'closed')),
  };
}
