import type { GitHubClient } from './create-octokit.ts';
import {
  MergeConflictError,
  PermissionUnknownError,
  type Merge,
  type Permission,
  type PullRequest,
} from './data-store.ts';
import { GitHubStoreError, rejected, statusOf } from './github-errors.ts';

type Repository = { owner: string; repo: string };

/** Pull request #number, or undefined when GitHub answers 404 (an issue, or nothing). */
export async function pullRequest(
  octokit: GitHubClient,
  repository: Repository,
  number: number,
): Promise<PullRequest | undefined> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repository, pull_number: number });
    return {
      number: data.number,
      branch: data.head.ref,
      state: data.state === 'open' ? 'open' : 'closed',
      merged: data.merged,
    };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * GitHub's merges API: 201 with the merge commit, 204 when `base` already has `head`, 409 on a
 * conflict. GitHub itself marks the head's open pull request merged once its commits are in its
 * base, so nothing else is asked here.
 */
export async function mergeBranch(
  octokit: GitHubClient,
  repository: Repository,
  { head, base }: Merge,
  message: string,
): Promise<{ merged: boolean; commit: string }> {
  try {
    const response = await octokit.rest.repos.merge({
      ...repository,
      base,
      head,
      commit_message: message,
    });
    if (response.status === 201) return { merged: true, commit: response.data.sha };
  } catch (error) {
    if (statusOf(error) === 409) throw new MergeConflictError({ head, base });
    if (statusOf(error) === 404)
      throw new GitHubStoreError(
        `There is no branch ${head} or ${base} in ${repository.owner}/${repository.repo} to merge.`,
      );
    throw rejected('repos.merge', error);
  }
  const { data } = await octokit.rest.git.getRef({ ...repository, ref: `heads/${base}` });
  return { merged: false, commit: data.object.sha };
}

const levels: readonly string[] = [
  'admin',
  'maintain',
  'write',
  'triage',
  'read',
  'none',
] satisfies Permission[];
const isLevel = (value: unknown): value is Permission =>
  typeof value === 'string' && levels.includes(value);

/**
 * The login's role. `role_name` names maintain and triage, which `permission` folds into write
 * and read; a custom role (an organisation's own name) or an empty one falls back to
 * `permission`, its base role. A 404 (not a user) is no role; anything else GitHub answers, even
 * a role we do not know, is an unknown permission, never a guess.
 */
export async function permissionOf(
  octokit: GitHubClient,
  repository: Repository,
  login: string,
): Promise<Permission> {
  // No one has an empty login (an event without an author): asking would be a malformed URL.
  if (!login) return 'none';
  let answer: { permission?: unknown; role_name?: unknown };
  try {
    ({ data: answer } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...repository,
      username: login,
    }));
  } catch (error) {
    if (statusOf(error) === 404) return 'none';
    throw new PermissionUnknownError(login, statusOf(error), { cause: error });
  }
  if (isLevel(answer.role_name)) return answer.role_name;
  if (isLevel(answer.permission)) return answer.permission;
  throw new PermissionUnknownError(login, 200);
}
