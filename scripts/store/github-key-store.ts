import { dataKeys, isApplicationId } from '../../schemas/data-layout.ts';
import { textOfBase64 } from './base64.ts';
import type { GitHubClient } from './create-octokit.ts';
import { KeyExistsError, type KeyStore } from './data-store.ts';
import { GitHubStoreError, asking, isExistingRef, rejected, statusOf } from './github-errors.ts';

const refs = 'refs/';

/** A 422 « Reference does not exist »: GitHub's answer to changing or deleting a missing ref. */
function isMissingRef(error: unknown): boolean {
  const data = (error as { response?: { data?: { message?: unknown } } }).response?.data;
  return statusOf(error) === 422 && /reference does not exist/i.test(String(data?.message ?? ''));
}

/**
 * Octokit's errors carry the request they answer, body included: a failed write would carry the
 * wrapped key to whoever logs the error. The body is dropped before the error goes further.
 */
function withoutBody(error: unknown): unknown {
  const request = (error as { request?: { body?: unknown } } | undefined)?.request;
  if (request && typeof request === 'object' && 'body' in request) delete request.body;
  return error;
}

/**
 * The data keys on GitHub: each key is one commit without parents, whose tree holds one file
 * (`dataKeys.blobName`), pointed to by the ref `refs/binome-keys/<id>` and by nothing else. No
 * branch reaches it, so clones, pull requests and `main`'s history never hold a key, and deleting
 * the ref destroys it. GitHub keeps the unreachable commit until it collects garbage, readable by
 * whoever knows its sha (see the README on erasure). The key's text never enters a message or log.
 */
export class GitHubKeyStore implements KeyStore {
  readonly #octokit: GitHubClient;
  readonly #repo: { owner: string; repo: string };

  constructor(octokit: GitHubClient, repository: { owner: string; repo: string }) {
    this.#octokit = octokit;
    this.#repo = { owner: repository.owner, repo: repository.repo };
  }

  /** A new orphan commit holding `wrapped`; its message holds no personal data. */
  async #keyCommit(wrapped: string): Promise<string> {
    try {
      const tree = await asking(
        'git.createTree',
        this.#octokit.rest.git.createTree({
          ...this.#repo,
          tree: [{ path: dataKeys.blobName, mode: '100644', type: 'blob', content: wrapped }],
        }),
      );
      const commit = await asking(
        'git.createCommit',
        this.#octokit.rest.git.createCommit({
          ...this.#repo,
          message: 'Data key',
          tree: tree.data.sha,
          parents: [],
        }),
      );
      return commit.data.sha;
    } catch (error) {
      throw withoutBody(error);
    }
  }

  /** The commit `refs/binome-keys/<id>` points to, or undefined when there is no such ref. */
  async #keyCommitOf(ref: string): Promise<string | undefined> {
    try {
      const { data } = await this.#octokit.rest.git.getRef({ ...this.#repo, ref });
      return data.object.sha;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async create(id: string, wrapped: string): Promise<void> {
    const ref = dataKeys.ref(id);
    const sha = await this.#keyCommit(wrapped);
    try {
      await this.#octokit.rest.git.createRef({ ...this.#repo, ref: `${refs}${ref}`, sha });
    } catch (error) {
      if (!isExistingRef(error)) throw rejected('git.createRef', error);
      // Octokit retries a 5xx: if GitHub had created the ref before failing, the retry meets our
      // own commit, and the key stored is the one given.
      if ((await this.#keyCommitOf(ref)) !== sha) throw new KeyExistsError(id);
    }
  }

  async read(id: string): Promise<string | undefined> {
    const sha = await this.#keyCommitOf(dataKeys.ref(id));
    if (!sha) return undefined;
    // By the commit's sha: a key destroyed meanwhile is still read whole, never half.
    const { data } = await this.#octokit.rest.repos.getContent({
      ...this.#repo,
      path: dataKeys.blobName,
      ref: sha,
    });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
      throw new GitHubStoreError(`The data key of ${id} is not a file in its commit.`);
    return textOfBase64(data.content);
  }

  async replace(id: string, wrapped: string): Promise<boolean> {
    const ref = dataKeys.ref(id);
    if (!(await this.#keyCommitOf(ref))) return false;
    // Another orphan commit, not a child of the old one: the old key is reachable from nothing.
    const sha = await this.#keyCommit(wrapped);
    try {
      await this.#octokit.rest.git.updateRef({ ...this.#repo, ref, sha, force: true });
      return true;
    } catch (error) {
      // Destroyed between our check and our update.
      if (isMissingRef(error)) return false;
      throw rejected('git.updateRef', error);
    }
  }

  async destroy(id: string): Promise<boolean> {
    const ref = dataKeys.ref(id);
    try {
      await this.#octokit.rest.git.deleteRef({ ...this.#repo, ref });
      return true;
    } catch (error) {
      // GitHub answers a missing ref with 422, not 404. A 404 means the repository itself cannot
      // be seen with these credentials: that must not pass for « there was no key ».
      if (isMissingRef(error)) return false;
      throw rejected('git.deleteRef', error);
    }
  }

  async list(): Promise<string[]> {
    const prefix = `${refs}${dataKeys.refPrefix}`;
    const found = await this.#octokit.paginate(this.#octokit.rest.git.listMatchingRefs, {
      ...this.#repo,
      ref: dataKeys.refPrefix,
    });
    return found
      .filter((r) => r.ref.startsWith(prefix))
      .map((r) => r.ref.slice(prefix.length))
      .filter(isApplicationId)
      .sort();
  }
}
