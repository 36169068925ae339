import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { RecordSet } from '../records/sort-records.ts';
import type { PoolInput } from './build-pool.ts';

/** A cohort's pairs proposed on its branch that main does not hold yet, by mentee id. */
export function proposedOnBranch(
  cohort: string,
  branchPairs: readonly Pair[],
  mainPairs: readonly Pair[],
): Pair[] {
  const onMain = new Set(mainPairs.map((p) => p.id));
  return branchPairs
    .filter((p) => p.cohort === cohort && p.status === 'proposed' && !onMain.has(p.id))
    .sort((a, b) => (a.mentee < b.mentee ? -1 : 1));
}

/**
 * What a cohort's matching pool is built from: main's applications, decisions and pairs, the
 * other cohorts' proposals still on their branches (two open pull requests must never pair one
 * person twice), the pairs coordinators forced on this cohort's branch, and every cohort's edits
 * with this cohort's as its branch holds them. The matching and the coordinators' desk build it
 * alike. Pure.
 */
export function pairingPoolInput(input: {
  cohort: string;
  capacityMax: number;
  main: Pick<RecordSet, 'applications' | 'decisions' | 'pairs' | 'matchingEdits'>;
  proposed: readonly Pair[];
  elsewhere: readonly Pair[];
  edits: MatchingEdits;
}): PoolInput {
  const { cohort, main } = input;
  return {
    cohort,
    capacityMax: input.capacityMax,
    applications: main.applications,
    decisions: main.decisions,
    pairs: [...main.pairs, ...input.elsewhere],
    forced: input.proposed.filter((p) => p.proposedBy === 'coordinator'),
    edits: [...[...main.matchingEdits.values()].filter((e) => e.cohort !== cohort), input.edits],
  };
}
