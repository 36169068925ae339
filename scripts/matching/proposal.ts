import type { Pair } from '../../schemas/pair.schema.ts';
import type { PairScore } from './score-pair.ts';

export type MatchingMode = 'best' | 'most';

/** One proposed pair, before it becomes a file: who, its score and reasons, how they meet. */
export interface ProposedPair {
  mentor: string;
  mentee: string;
  proposedBy: Pair['proposedBy'];
  score: PairScore;
  meetingMode: Pair['meetingMode'];
  /** The mentoré's objectives the mentor can help with. */
  objectives: string[];
}

/** A mentoré left without a pair, and why, in French. */
export interface UnmatchedMentee {
  id: string;
  reason: string;
}

/** A mentor with places left after the proposal, and why. */
export interface SpareMentor {
  id: string;
  places: number;
  reason: string;
}

/** What one matching run proposes for a cohort. */
export interface Proposal {
  cohort: string;
  mode: MatchingMode;
  /** Forced pairs first, then the solver's, each group by mentee id. */
  pairs: ProposedPair[];
  unmatched: UnmatchedMentee[];
  spare: SpareMentor[];
  /** How the optimum was proved (see solveAssignment). */
  proof: { rounds: number; candidatePairs: number; rescannedRows: number; addedPairs: number };
}
