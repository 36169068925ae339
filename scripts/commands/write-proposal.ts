import { matchingEditsPath, pairIdOf, pairPath, reviewPath } from '../../schemas/data-layout.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import { checkMatchingEdits, checkPair } from '../../schemas/validators.ts';
import { MatchingInvariantError } from '../matching/matching-invariant-error.ts';
import { pairRecord, pairText } from '../matching/pair-record.ts';
import type { MatchingPool } from '../matching/build-pool.ts';
import type { Proposal } from '../matching/proposal.ts';
import { renderPullRequestBody, renderReview, type EditCounts } from '../matching/render-review.ts';
import type { DataStore, FileChange, Thread } from '../store/data-store.ts';
import type { PairingState } from './pairing-state.ts';

export interface ProposalWriting {
  store: DataStore;
  now: Date;
  /** Today in the structure's time zone (YYYY-MM-DD): it dates the review. */
  today: string;
  /** The address of a file on a branch, for the pull request's link to the review. */
  fileUrl: (branch: string, path: string) => string;
}

/** The title of a cohort's pairing pull request: ids and counts only, never a name. */
export const pullRequestTitle = (cohort: string): string => `Binômes proposés — cohorte ${cohort}`;

function editCounts(proposal: Proposal, edits: MatchingEdits): EditCounts {
  return {
    forced: proposal.pairs.filter((p) => p.proposedBy === 'coordinator').length,
    withdrawn: edits.withdrawn.length,
    forbidden: edits.forbidden.length,
  };
}

/**
 * Writes a proposal on the cohort's branch in one commit (its pair files, the review, the
 * matching file; pairs no longer proposed removed), only if each file is still as read, then
 * opens the cohort's pull request or updates the open one. Every record is checked against its
 * schema first: a proposal that would not validate is our bug, and nothing is written.
 */
export async function writeProposal(
  writing: ProposalWriting,
  state: PairingState,
  proposal: Proposal,
  pool: MatchingPool,
  edits: MatchingEdits,
  message: string,
): Promise<{ pullRequest: Thread | undefined; changed: boolean }> {
  if (proposal.pairs.length === 0 && state.proposed.length === 0)
    // No pair to propose and none to withdraw: a pull request would have nothing to accept.
    // The caller reports who is left over, and why.
    return { pullRequest: undefined, changed: false };
  const at = writing.now.toISOString();
  const previous = new Map(state.proposed.map((p) => [p.id, p]));
  const files: FileChange[] = [];
  const keep = new Set<string>();
  for (const pair of proposal.pairs) {
    const id = pairIdOf(pair.mentor, pair.mentee);
    keep.add(id);
    const record = pairRecord(pair, state.cohort, at, previous.get(id));
    const checked = checkPair(record);
    if (!checked.ok)
      throw new MatchingInvariantError(
        `A proposed pair does not validate: ${checked.problems.map((p) => p.field).join(', ')}.`,
      );
    files.push({ path: pairPath(id), content: pairText(record) });
  }
  if (!checkMatchingEdits(edits).ok)
    throw new MatchingInvariantError('The matching file does not validate.');
  const counts = editCounts(proposal, edits);
  files.push(
    {
      path: reviewPath(state.cohort),
      content: renderReview(proposal, pool, counts, writing.today),
    },
    { path: matchingEditsPath(state.cohort), content: `${JSON.stringify(edits, null, 2)}\n` },
  );
  const remove = state.proposed.filter((p) => !keep.has(p.id)).map((p) => pairPath(p.id));
  const changes = files.filter((f) => state.read.get(f.path) !== f.content);
  const changed = changes.length > 0 || remove.length > 0;
  if (changed) {
    const unchanged = new Map(
      [...changes.map((f) => f.path), ...remove].map((path) => [path, state.read.get(path)]),
    );
    await writing.store.commit(changes, message, { branch: state.branch, remove, unchanged });
  }
  if (!changed && state.proposed.length === 0) {
    // Nothing the branch holds is new to main (for instance, run again after a merge): there is
    // nothing to propose, and GitHub refuses a pull request without a change.
    const onMain = await writing.store.readFiles(files.map((f) => f.path));
    if (files.every((f, i) => onMain[i] === f.content)) return { pullRequest: undefined, changed };
  }
  const pullRequest = await writing.store.upsertPullRequest({
    branch: state.branch,
    title: pullRequestTitle(state.cohort),
    body: renderPullRequestBody(
      proposal,
      counts,
      writing.today,
      writing.fileUrl(state.branch, reviewPath(state.cohort)),
    ),
  });
  return { pullRequest, changed };
}
