import type { GitHubClient } from './create-octokit.ts';
import { base64OfBytes, textOfBase64 } from './base64.ts';
import { gitBlobSha } from './git-blob-sha.ts';
import {
  FileExistsError,
  StaleFileError,
  bytesOf,
  checkCommitRequest,
  markerComment,
  type BranchOption,
  type ChangedFile,
  type CommitOptions,
  type DataStore,
  type FileChange,
  type Merge,
  type Permission,
  type PullRequest,
  type Thread,
  mergeOf,
} from './data-store.ts';
import {
  GitHubStoreError,
  asking,
  isExistingRef,
  isNotFastForward,
  isShaNotSupplied,
  rejected,
  statusOf,
} from './github-errors.ts';
import { GitHubKeyStore } from './github-key-store.ts';
import { mergeBranch, permissionOf, pullRequest } from './github-pulls.ts';
import { SerialQueue } from './serial-queue.ts';

export { GitHubRequestRejectedError, GitHubStoreError } from './github-errors.ts';

/** How a commit is to be made, as `commit` was asked. */
interface CommitRequest {
  message: string;
  branch: string;
  create: boolean;
  remove: readonly string[];
  unchanged?: ReadonlyMap<string, string | undefined>;
  /** The blob each binary file was uploaded as, kept across retries: uploaded once. */
  blobs: Map<FileChange, string>;
}

/**
 * The data repository on GitHub, through Octokit. A single-file commit uses the contents API (one
 * request, and GitHub itself refuses a second creation of the same path); several files, or any
 * removal, use the Git data API (tree, commit, then a fast-forward of the branch), where each
 * binary file is first uploaded as a blob of its own (a tree carries only UTF-8 text). A stale sha (409), a file
 * created meanwhile (422 « "sha" wasn't supplied » on an update) or a branch that moved meanwhile
 * (422 « not a fast forward ») is re-read and retried; any other 422 is our bug
 * (GitHubRequestRejectedError), never retried. Commits from one process are queued, so that they
 * race only other processes', not each other.
 */
export class GitHubStore implements DataStore {
  readonly #octokit: GitHubClient;
  readonly #commits = new SerialQueue();
  readonly owner: string;
  readonly repo: string;
  /** The data keys, one ref each outside every branch (`refs/binome-keys/<id>`). */
  readonly keys: GitHubKeyStore;

  constructor(octokit: GitHubClient, repository: { owner: string; repo: string }) {
    this.#octokit = octokit;
    this.owner = repository.owner;
    this.repo = repository.repo;
    this.keys = new GitHubKeyStore(octokit, repository);
  }

  get #repo() {
    return { owner: this.owner, repo: this.repo };
  }

  /** Checks that the repository and its `main` branch can be read with these credentials. */
  async ready(): Promise<{ location: string }> {
    await this.#octokit.rest.git.getRef({ ...this.#repo, ref: 'heads/main' });
    return { location: `${this.owner}/${this.repo}` };
  }

  async #fileSha(
    path: string,
    branch: string,
  ): Promise<{ sha: string; content: string } | undefined> {
    try {
      const { data } = await this.#octokit.rest.repos.getContent({
        ...this.#repo,
        path,
        ref: branch,
      });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      return { sha: data.sha, content: textOfBase64(data.content) };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async readFile(path: string, options: BranchOption = {}): Promise<string | undefined> {
    return (await this.#fileSha(path, options.branch ?? 'main'))?.content;
  }

  async readFiles(
    paths: readonly string[],
    options: BranchOption = {},
  ): Promise<(string | undefined)[]> {
    const results: (string | undefined)[] = [];
    // A few at a time: GitHub counts concurrent requests against the secondary rate limit.
    for (let i = 0; i < paths.length; i += 8) {
      results.push(
        ...(await Promise.all(paths.slice(i, i + 8).map((p) => this.readFile(p, options)))),
      );
    }
    return results;
  }

  async listFiles(folder: string, options: BranchOption = {}): Promise<string[]> {
    const prefix = folder ? folder.replace(/\/?$/, '/') : '';
    try {
      const { data } = await this.#octokit.rest.git.getTree({
        ...this.#repo,
        tree_sha: options.branch ?? 'main',
        recursive: 'true',
      });
      if (data.truncated)
        throw new GitHubStoreError(
          `The tree of ${this.owner}/${this.repo} is too large to list in one request.`,
        );
      return data.tree
        .filter((e) => e.type === 'blob' && e.path?.startsWith(prefix))
        .map((e) => e.path!)
        .sort();
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  async commit(
    files: readonly FileChange[],
    message: string,
    options: CommitOptions = {},
  ): Promise<string> {
    checkCommitRequest(files, options);
    const branch = options.branch ?? 'main';
    const create = options.create ?? false;
    return this.#commits.run(() =>
      this.#commitWithRetries(files, {
        message,
        branch,
        create,
        remove: options.remove ?? [],
        blobs: new Map(),
        ...(options.unchanged ? { unchanged: options.unchanged } : {}),
      }),
    );
  }

  async #commitWithRetries(files: readonly FileChange[], request: CommitRequest): Promise<string> {
    const { create } = request;
    for (let attempt = 1; ; attempt += 1) {
      try {
        // The contents API writes one file and deletes none, and checks no other file.
        const single =
          files.length === 1 &&
          !request.remove.length &&
          [...(request.unchanged?.keys() ?? [])].every((path) => path === files[0]!.path);
        return single
          ? await this.#commitOne(files[0]!, request)
          : await this.#commitMany(files, request);
      } catch (error) {
        const raced =
          statusOf(error) === 409 ||
          isNotFastForward(error) ||
          (!create && isShaNotSupplied(error));
        if (!raced || attempt >= 5) throw error;
      }
    }
  }

  async #commitOne(
    file: FileChange,
    { message, branch, create, unchanged }: CommitRequest,
  ): Promise<string> {
    // With `unchanged`, the sha sent is the one of the text the caller read: GitHub itself
    // refuses the write (409, or 422 without a sha) if the file changed meanwhile.
    const expected = unchanged?.has(file.path) ? { text: unchanged.get(file.path) } : undefined;
    const existing = expected
      ? expected.text === undefined
        ? undefined
        : { sha: await gitBlobSha(expected.text) }
      : create
        ? undefined
        : await this.#fileSha(file.path, branch);
    try {
      const { data } = await this.#octokit.rest.repos.createOrUpdateFileContents({
        ...this.#repo,
        path: file.path,
        message,
        branch,
        // The bytes themselves in base64: text as UTF-8, a binary file (a PDF) as it is.
        content: base64OfBytes(bytesOf(file.content)),
        ...(existing ? { sha: existing.sha } : {}),
      });
      return data.commit.sha!;
    } catch (error) {
      // Without a sha, GitHub refuses a path that exists: that is our « create » check. On an
      // update, the file appeared after we read it: `commit` reads again.
      if (expected && (statusOf(error) === 409 || isShaNotSupplied(error)))
        throw new StaleFileError(file.path);
      if (isShaNotSupplied(error)) {
        if (create) throw new FileExistsError(file.path);
        throw error;
      }
      throw rejected('repos.createOrUpdateFileContents', error);
    }
  }

  async #commitMany(
    files: readonly FileChange[],
    { message, branch, create, remove, unchanged, blobs }: CommitRequest,
  ): Promise<string> {
    const { data: ref } = await this.#octokit.rest.git.getRef({
      ...this.#repo,
      ref: `heads/${branch}`,
    });
    const { data: parent } = await this.#octokit.rest.git.getCommit({
      ...this.#repo,
      commit_sha: ref.object.sha,
    });
    if (unchanged?.size) {
      const paths = [...unchanged.keys()];
      const now = await this.readFiles(paths, { branch: ref.object.sha });
      const stale = paths.find((path, i) => now[i] !== unchanged.get(path));
      if (stale) throw new StaleFileError(stale);
    }
    if (create) {
      // One read per file at the commit we build on, so a creation costs the same however large
      // the repository grows. A file added after that commit makes the fast-forward below fail,
      // and `commit` starts again from the new branch head, checking again.
      const present = await this.readFiles(
        files.map((f) => f.path),
        { branch: ref.object.sha },
      );
      const clash = files.find((_, i) => present[i] !== undefined);
      if (clash) throw new FileExistsError(clash.path);
    }
    // GitHub refuses to delete a file that is not there (« Returns an error if you try to delete
    // a file that does not exist »): only the paths present at the commit we build on are sent.
    const present = remove.length ? await this.readFiles(remove, { branch: ref.object.sha }) : [];
    // A tree entry's `content` is UTF-8 text: bytes would not survive it. Each binary file is
    // uploaded first as a blob (base64), once even if the commit is retried, and named by its sha;
    // text stays inline, with no request of its own.
    for (const file of files) {
      if (typeof file.content === 'string' || blobs.has(file)) continue;
      const { data: blob } = await asking(
        'git.createBlob',
        this.#octokit.rest.git.createBlob({
          ...this.#repo,
          content: base64OfBytes(bytesOf(file.content)),
          encoding: 'base64',
        }),
      );
      blobs.set(file, blob.sha);
    }
    const entries = [
      ...files.map((f) => ({
        path: f.path,
        mode: '100644' as const,
        type: 'blob' as const,
        ...(typeof f.content === 'string' ? { content: f.content } : { sha: blobs.get(f)! }),
      })),
      ...remove
        .filter((_, i) => present[i] !== undefined)
        .map((path) => ({ path, mode: '100644' as const, type: 'blob' as const, sha: null })),
    ];
    const tree = entries.length
      ? (
          await asking(
            'git.createTree',
            this.#octokit.rest.git.createTree({
              ...this.#repo,
              base_tree: parent.tree.sha,
              tree: entries,
            }),
          )
        ).data.sha
      : parent.tree.sha;
    const { data: commit } = await asking(
      'git.createCommit',
      this.#octokit.rest.git.createCommit({
        ...this.#repo,
        message,
        tree,
        parents: [parent.sha],
      }),
    );
    try {
      await this.#octokit.rest.git.updateRef({
        ...this.#repo,
        ref: `heads/${branch}`,
        sha: commit.sha,
        force: false,
      });
    } catch (error) {
      if (isNotFastForward(error)) throw error;
      throw rejected('git.updateRef', error);
    }
    return commit.sha;
  }

  async ensureBranch(branch: string, options: { reset?: boolean } = {}): Promise<void> {
    const { data: main } = await this.#octokit.rest.git.getRef({
      ...this.#repo,
      ref: 'heads/main',
    });
    try {
      await this.#octokit.rest.git.createRef({
        ...this.#repo,
        ref: `refs/heads/${branch}`,
        sha: main.object.sha,
      });
    } catch (error) {
      if (!isExistingRef(error)) throw rejected('git.createRef', error);
      if (options.reset) {
        await asking(
          'git.updateRef',
          this.#octokit.rest.git.updateRef({
            ...this.#repo,
            ref: `heads/${branch}`,
            sha: main.object.sha,
            force: true,
          }),
        );
      }
    }
  }

  async upsertPullRequest(request: {
    branch: string;
    title: string;
    body: string;
  }): Promise<Thread> {
    const { data: open } = await this.#octokit.rest.pulls.list({
      ...this.#repo,
      state: 'open',
      head: `${this.owner}:${request.branch}`,
    });
    const existing = open[0];
    if (existing) {
      const { data } = await this.#octokit.rest.pulls.update({
        ...this.#repo,
        pull_number: existing.number,
        title: request.title,
        body: request.body,
      });
      return { number: data.number, url: data.html_url };
    }
    const { data } = await this.#octokit.rest.pulls.create({
      ...this.#repo,
      head: request.branch,
      base: 'main',
      title: request.title,
      body: request.body,
    });
    return { number: data.number, url: data.html_url };
  }

  pullRequest(number: number): Promise<PullRequest | undefined> {
    return pullRequest(this.#octokit, this.#repo, number);
  }

  mergeBranch(what: string | Merge, message: string): Promise<{ merged: boolean; commit: string }> {
    return mergeBranch(this.#octokit, this.#repo, mergeOf(what), message);
  }

  permissionOf(login: string): Promise<Permission> {
    return permissionOf(this.#octokit, this.#repo, login);
  }

  async pullRequestFiles(number: number): Promise<ChangedFile[]> {
    const files = await this.#octokit.paginate(this.#octokit.rest.pulls.listFiles, {
      ...this.#repo,
      pull_number: number,
      per_page: 100,
    });
    return files.map((f) => ({
      path: f.filename,
      status: f.status === 'removed' ? 'removed' : f.status === 'added' ? 'added' : 'modified',
    }));
  }

  async upsertComment(request: {
    number: number;
    marker: string;
    body: string;
  }): Promise<{ id: number }> {
    const tag = markerComment(request.marker);
    const body = `${tag}\n${request.body}`;
    const comments = await this.#octokit.paginate(this.#octokit.rest.issues.listComments, {
      ...this.#repo,
      issue_number: request.number,
      per_page: 100,
    });
    const mine = comments.find((c) => c.body?.startsWith(tag));
    if (mine) {
      await this.#octokit.rest.issues.updateComment({ ...this.#repo, comment_id: mine.id, body });
      return { id: mine.id };
    }
    const { data } = await this.#octokit.rest.issues.createComment({
      ...this.#repo,
      issue_number: request.number,
      body,
    });
    return { id: data.id };
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    await this.#octokit.rest.issues.addLabels({
      ...this.#repo,
      issue_number: number,
      labels: [...labels],
    });
  }

  async addComment(number: number, body: string): Promise<{ id: number }> {
    const { data } = await this.#octokit.rest.issues.createComment({
      ...this.#repo,
      issue_number: number,
      body,
    });
    return { id: data.id };
  }

  async upsertIssue(request: {
    label: string;
    title: string;
    body: string;
  }): Promise<Thread & { previousBody: string }> {
    const { data: open } = await this.#octokit.rest.issues.listForRepo({
      ...this.#repo,
      state: 'open',
      labels: request.label,
    });
    const existing = open.find((i) => !i.pull_request);
    if (existing) {
      const { data } = await this.#octokit.rest.issues.update({
        ...this.#repo,
        issue_number: existing.number,
        title: request.title,
        body: request.body,
      });
      return { number: data.number, url: data.html_url, previousBody: existing.body ?? '' };
    }
    const { data } = await this.#octokit.rest.issues.create({
      ...this.#repo,
      title: request.title,
      body: request.body,
      labels: [request.label],
    });
    return { number: data.number, url: data.html_url, previousBody: '' };
  }
}
