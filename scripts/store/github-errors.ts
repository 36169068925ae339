import { RejectedRequestError } from './data-store.ts';

/** GitHub refused or failed; the message names the operation and status, never a token. */
export class GitHubStoreError extends Error {
  override name = 'GitHubStoreError';
}

/**
 * GitHub rejected a request as malformed (a 422 that is none of the answers the store expects):
 * a bug on our side, so nothing is retried. The message names the operation and the status only:
 * GitHub's own message may quote what was sent, and that can be an application's content.
 */
export class GitHubRequestRejectedError extends RejectedRequestError {
  override name = 'GitHubRequestRejectedError';
  readonly operation: string;
  readonly status: number;
  constructor(operation: string, status: number) {
    super(`GitHub rejected ${operation} as malformed (${status}): a bug in Binôme, not retried.`);
    this.operation = operation;
    this.status = status;
  }
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error && 'status' in error
    ? Number((error as { status: unknown }).status)
    : undefined;
}

/** GitHub's own `message`, which tells its 422s apart (Octokit's adds the documentation URL). */
function gitHubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | undefined)?.response?.data;
  const message = data && typeof data === 'object' ? (data as { message?: unknown }).message : '';
  return typeof message === 'string' ? message : '';
}

const rejectedWith = (error: unknown, pattern: RegExp) =>
  statusOf(error) === 422 && pattern.test(gitHubMessage(error));

/** A contents PUT without `sha` on a path that exists: GitHub says `"sha" wasn't supplied.` */
export const isShaNotSupplied = (error: unknown) => rejectedWith(error, /"sha" wasn't supplied/);
/** A non-forced ref update whose commit does not descend from the branch's: another writer won. */
export const isNotFastForward = (error: unknown) => rejectedWith(error, /not a fast forward/i);
export const isExistingRef = (error: unknown) => rejectedWith(error, /reference already exists/i);

/** Any 422 left once the expected ones are handled: our request was malformed. */
export function rejected(operation: string, error: unknown): unknown {
  return statusOf(error) === 422 ? new GitHubRequestRejectedError(operation, 422) : error;
}

export async function asking<T>(operation: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw rejected(operation, error);
  }
}
