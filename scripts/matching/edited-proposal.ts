import type { Pair } from '../../schemas/pair.schema.ts';
import type { MatchingPool } from './build-pool.ts';
import { compileScoring } from './compile-scoring.ts';
import { explainLeftOver } from './explain-left-over.ts';
import { forcedPair } from './match-pool.ts';
import type { MatchingMode, Proposal } from './proposal.ts';
import type { ScoringSettings } from './rule-score.ts';

/**
 * The proposal as a pairing branch holds it (after a coordinator's edit, or as the coordinators'
 * desk shows it), without solving again: its pairs, and everyone left over explained (a place
 * left is what /relancer would fill). Pure.
 */
export function editedProposal(
  pool: MatchingPool,
  pairs: readonly Pair[],
  mode: MatchingMode,
  scoringSettings: ScoringSettings,
  today: string,
): Proposal {
  const scoring = compileScoring(pool, scoringSettings, today);
  const all = pairs.map(forcedPair);
  const solved = all.filter((p) => p.proposedBy === 'matching');
  const { unmatched, spare } = explainLeftOver(pool, scoring, solved, { optimal: false });
  return {
    cohort: pool.cohort,
    mode,
    pairs: [...all.filter((p) => p.proposedBy === 'coordinator'), ...solved],
    unmatched,
    spare,
    proof: { rounds: 0, candidatePairs: 0, rescannedRows: 0, addedPairs: 0 },
  };
}
