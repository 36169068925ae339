import type { Delivery } from './delivery.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { editedProposal as editedProposalOf } from '../matching/edited-proposal.ts';
import { matchPool } from '../matching/match-pool.ts';
import type { MatchingPool } from '../matching/build-pool.ts';
import type { MatchingMode, Proposal } from '../matching/proposal.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ScoringSettings } from '../matching/rule-score.ts';
import { StaleFileError, type DataStore, type Thread } from '../store/data-store.ts';
import { readPairingState, type PairingState } from './pairing-state.ts';
import { validateBranch } from './validate-branch.ts';
import { writeProposal } from './write-proposal.ts';

export interface MatchDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  now: () => Date;
  /** The address of a file on a branch (GitHub's web page, or the path on the embedded default). */
  fileUrl: (branch: string, path: string) => string;
  /** Where follow-up sheets and invitations go (scripts/commands/delivery.ts). */
  deliver?: Delivery;
  /** Told before a long step (the solve of a large cohort), so that a person knows to wait. */
  progress?: (line: string) => void;
}

/** From this many mentorés, solving a cohort takes seconds to minutes (README « Matching »). */
export const largeCohort = 500;

/** What a matching run did, for the person or the job that started it (ids and counts only). */
export interface MatchOutcome {
  cohort: string;
  mode: MatchingMode;
  pairs: number;
  unmatched: number;
  /** Who is left without a pair, and why (ids and rules only). */
  leftOver: Proposal['unmatched'];
  /** Forced pairs dropped because a rule no longer allows them, and why. */
  dropped: { id: string; reason: string }[];
  pullRequest: Thread | undefined;
  changed: boolean;
}

export const scoringSettings = (settings: ProgrammeSettings): ScoringSettings => settings.matching;

/** Today in the structure's time zone. */
export const todayFor = (deps: Pick<MatchDependencies, 'settings' | 'now'>): string =>
  dateIn(deps.settings.structure.timeZone, deps.now());

/**
 * Proposes a cohort's pairs (issue 9): reads the pairing state, keeps the coordinators' forced
 * and forbidden pairs, solves for the mode, writes the pair files and the review on the branch
 * `binomes/<cohort>`, and opens the cohort's one pull request or updates it in place.
 */
export async function proposePairs(
  deps: MatchDependencies,
  request: { cohort: string; mode?: MatchingMode; message?: string },
): Promise<MatchOutcome> {
  // A coordinator's command may write the branch meanwhile: read again, solve again.
  for (let attempt = 1; ; attempt += 1)
    try {
      return await proposeOnce(deps, request);
    } catch (error) {
      if (!(error instanceof StaleFileError) || attempt >= 5) throw error;
    }
}

async function proposeOnce(
  deps: MatchDependencies,
  request: { cohort: string; mode?: MatchingMode; message?: string },
): Promise<MatchOutcome> {
  const state = await readPairingState(deps.store, deps.settings, request.cohort);
  const mode = request.mode ?? state.edits.mode;
  const today = todayFor(deps);
  if (deps.progress && state.pool.mentees.length >= largeCohort)
    deps.progress(
      `Calcul des binômes de la cohorte ${request.cohort} : ${state.pool.mentees.length} mentorés et ${state.pool.mentors.length} mentors, cela peut prendre une minute ou plus…`,
    );
  const proposal = matchPool(state.pool, mode, scoringSettings(deps.settings), today);
  return write(
    deps,
    state,
    proposal,
    state.pool,
    { ...state.edits, mode },
    request.message ?? `Propose pairs for cohort ${request.cohort} (${mode})`,
  );
}

/** The proposal as the branch holds it after a coordinator's edit (see the pure one). */
export function editedProposal(
  deps: Pick<MatchDependencies, 'settings' | 'now'>,
  pool: MatchingPool,
  pairs: readonly Pair[],
  mode: MatchingMode,
): Proposal {
  return editedProposalOf(pool, pairs, mode, scoringSettings(deps.settings), todayFor(deps));
}

/** Writes a proposal and says what was done. */
export async function write(
  deps: MatchDependencies,
  state: PairingState,
  proposal: Proposal,
  pool: MatchingPool,
  edits: PairingState['edits'],
  message: string,
): Promise<MatchOutcome> {
  const { pullRequest, changed } = await writeProposal(
    { store: deps.store, now: deps.now(), today: todayFor(deps), fileUrl: deps.fileUrl },
    state,
    proposal,
    pool,
    edits,
    message,
  );
  if (pullRequest && (changed || state.moved))
    await validateBranch(deps.store, deps.settings, {
      number: pullRequest.number,
      branch: state.branch,
    });
  return {
    cohort: state.cohort,
    mode: proposal.mode,
    pairs: proposal.pairs.length,
    unmatched: proposal.unmatched.length,
    leftOver: proposal.unmatched,
    dropped: pool.dropped,
    pullRequest,
    changed,
  };
}
