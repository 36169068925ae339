import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  MergeConflictError,
  checkCommitRequest,
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
import { LocalForge } from './local-forge.ts';
import { LocalKeyStore } from './local-key-store.ts';
import { buildCommit } from './local-commit.ts';
import { LocalGit, LocalStoreBusyError, LocalStoreError, refOf, zero } from './local-git.ts';
import { parseBatch } from './git-objects.ts';
import { SerialQueue } from './serial-queue.ts';

export { LocalStoreBusyError, LocalStoreError } from './local-git.ts';

/**
 * The embedded default data repository: a bare Git repository on disk (default `./data`),
 * created on first use. Each commit is built with Git's plumbing in a private index and
 * published by a compare-and-swap of the branch (`git update-ref new old`): a crash at any point
 * leaves the branch either before or after the commit, never half-written, and two processes
 * writing at once cannot lose each other's commits (the loser retries on the new tip).
 */
export class LocalGitStore implements DataStore {
  readonly directory: string;
  readonly keys: LocalKeyStore;
  readonly #staleLockMs: number;
  readonly #busyMs: number;
  readonly #forge: LocalForge;
  readonly #repo: LocalGit;
  #queue = new SerialQueue();
  #ready: Promise<void> | undefined;

  /**
   * @param options.staleLockMs a branch lock older than this was left by a process that died
   *   while publishing a commit; it is removed (Git never holds one for more than milliseconds).
   * @param options.busyMs how long a commit keeps trying while other processes (the intake, a
   *   coordinator's commands) keep moving the branch, before it gives up with LocalStoreBusyError.
   * @param options.clock the time commits are dated with: now, or the demo's simulated calendar.
   */
  constructor(
    directory: string,
    options: { staleLockMs?: number; busyMs?: number; clock?: () => Date } = {},
  ) {
    this.directory = resolve(directory);
    this.#staleLockMs = options.staleLockMs ?? 30_000;
    this.#busyMs = options.busyMs ?? 120_000;
    this.#forge = new LocalForge(this.directory);
    this.#repo = new LocalGit(this.directory, options.clock);
    this.keys = new LocalKeyStore(this.directory);
  }

  async #removeStaleLock(branch = 'main'): Promise<void> {
    const lock = join(this.directory, 'refs', 'heads', `${branch}.lock`);
    try {
      if (Date.now() - (await stat(lock)).mtimeMs > this.#staleLockMs)
        await rm(lock, { force: true });
    } catch {
      // No lock: nothing to do.
    }
  }

  #git(args: string[], options: { input?: string } = {}): Promise<string> {
    return this.#repo.run(args, options);
  }

  /** Creates the repository (bare, branch `main`) if it does not exist yet. */
  async ready(): Promise<{ location: string }> {
    await this.#init();
    return { location: this.directory };
  }

  #init(): Promise<void> {
    this.#ready ??= (async () => {
      if (existsSync(join(this.directory, 'HEAD'))) return;
      await mkdir(this.directory, { recursive: true });
      await this.#git(['init', '--quiet', '--bare', '--initial-branch=main']);
      // Like a GitHub repository created with a README: main exists from the start, so that
      // branches can be made from it before the first application arrives.
      const emptyTree = (
        await this.#git(['hash-object', '-t', 'tree', '-w', '--stdin'], { input: '' })
      ).trim();
      // Written like every other commit, dated by the store's clock.
      const first = await this.#repo.writeCommit(emptyTree, [], 'Initialise the data repository');
      await this.#git(['update-ref', refOf(), first, zero]);
    })();
    return this.#ready;
  }

  #tip(branch = 'main'): Promise<string | undefined> {
    return this.#repo.tip(branch);
  }

  async readFile(path: string, options: BranchOption = {}): Promise<string | undefined> {
    await this.#init();
    const tip = await this.#tip(options.branch);
    if (!tip) return undefined;
    try {
      return await this.#git(['cat-file', 'blob', `${tip}:${path}`]);
    } catch {
      return undefined;
    }
  }

  async listFiles(folder: string, options: BranchOption = {}): Promise<string[]> {
    await this.#init();
    const tip = await this.#tip(options.branch);
    if (!tip) return [];
    const out = await this.#git([
      'ls-tree',
      '-r',
      '--name-only',
      '-z',
      tip,
      // The whole tree for '' (as on GitHub), else the folder's files only.
      ...(folder ? ['--', folder.replace(/\/?$/, '/')] : []),
    ]);
    return out.split('\0').filter(Boolean).sort();
  }

  /** Reads many files at once (one `git cat-file --batch`), in the order given. */
  async readFiles(
    paths: readonly string[],
    options: BranchOption = {},
  ): Promise<(string | undefined)[]> {
    await this.#init();
    const tip = await this.#tip(options.branch);
    // `cat-file --batch` reads one path a line: a name holding a line break (Git allows it)
    // would shift every answer after it, so such a file reads as absent.
    const readable = paths.filter((p) => !/[\n\r\0]/.test(p));
    if (!tip || readable.length === 0) return paths.map(() => undefined);
    const output = await this.#repo.bytes(
      ['cat-file', '--batch'],
      readable.map((p) => `${tip}:${p}\n`).join(''),
    );
    const bodies = new Map(
      parseBatch(output, readable.length).map((body, i) => [readable[i]!, body?.toString('utf8')]),
    );
    return paths.map((p) => bodies.get(p));
  }

  commit(
    files: readonly FileChange[],
    message: string,
    options: CommitOptions = {},
  ): Promise<string> {
    try {
      checkCommitRequest(files, options);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.#queue.run(async () => {
      await this.#init();
      const branch = options.branch ?? 'main';
      if (branch !== 'main' && !(await this.#tip(branch))) {
        throw new LocalStoreError(
          `There is no branch ${branch} in ${this.directory}: create it with ensureBranch first.`,
        );
      }
      const { commit } = await this.#publish(branch, (parent) =>
        buildCommit(this.#repo, parent, {
          files,
          remove: options.remove ?? [],
          message,
          create: options.create ?? false,
          unchanged: options.unchanged,
        }),
      );
      return commit;
    });
  }

  /**
   * Moves `branch` to the commit `build` makes on its current tip (undefined: nothing to do),
   * by compare-and-swap; if another process moved the branch meanwhile, builds again on the new
   * tip.
   */
  async #publish(
    branch: string,
    build: (parent: string | undefined) => Promise<string | undefined>,
  ): Promise<{ commit: string; moved: boolean }> {
    const started = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      const parent = await this.#tip(branch);
      const commit = await build(parent);
      if (commit === undefined || commit === parent) return { commit: parent!, moved: false };
      try {
        await this.#git([
          'update-ref',
          '-m',
          'binome: commit',
          refOf(branch),
          commit,
          parent ?? zero,
        ]);
        return { commit, moved: true };
      } catch (error) {
        // Another process moved the branch since we read it (build again on the new tip), or
        // one died holding the branch lock (remove it once it is clearly stale). Under
        // contention, wait a little longer each time, with jitter so that writers spread out.
        await this.#removeStaleLock(branch);
        if (Date.now() - started > this.#busyMs) {
          throw new LocalStoreBusyError(
            `Could not update ${refOf(branch)} in ${this.directory} after ${attempt} attempts in ${Date.now() - started} ms: ${(error as Error).message}`,
          );
        }
        const backoff = Math.min(1000, 5 * 2 ** Math.min(attempt, 8));
        await new Promise((done) => setTimeout(done, backoff / 2 + Math.random() * backoff));
      }
    }
  }

  /**
   * Fast-forwards `base` when it has nothing of its own, else makes a merge commit of the two
   * trees (Git's `merge-tree`, which writes no ref); once merged into main, closes the head's
   * open pull request as merged.
   */
  mergeBranch(what: string | Merge, message: string): Promise<{ merged: boolean; commit: string }> {
    const merge = mergeOf(what);
    return this.#queue.run(async () => {
      await this.#init();
      const head = await this.#tip(merge.head);
      if (!head || !(await this.#tip(merge.base)))
        throw new LocalStoreError(
          `There is no branch ${merge.head} or ${merge.base} in ${this.directory} to merge.`,
        );
      const { commit, moved } = await this.#publish(merge.base, async (base) => {
        if (await this.#repo.isAncestor(head, base!)) return undefined;
        if (await this.#repo.isAncestor(base!, head)) return head;
        const tree = await this.#repo.mergeTree(base!, head);
        if (!tree) throw new MergeConflictError(merge);
        return this.#repo.writeCommit(tree, [base!, head], message);
      });
      // The local forge's pull requests all go into main.
      if (moved && merge.base === 'main') await this.#forge.markMerged(merge.head);
      return { merged: moved, commit };
    });
  }

  ensureBranch(branch: string, options: { reset?: boolean } = {}): Promise<void> {
    return this.#queue.run(async () => {
      await this.#init();
      const main = await this.#tip();
      if (!main)
        throw new LocalStoreError(
          `${this.directory} has no commit on main yet: nothing to branch from.`,
        );
      const current = await this.#tip(branch);
      if (!current) await this.#git(['update-ref', refOf(branch), main, zero]);
      else if (options.reset && current !== main)
        await this.#git(['update-ref', refOf(branch), main, current]);
    });
  }

  async upsertPullRequest(request: {
    branch: string;
    title: string;
    body: string;
  }): Promise<Thread> {
    if (!(await this.#tip(request.branch)))
      throw new LocalStoreError(`There is no branch ${request.branch} to propose.`);
    const { number } = await this.#forge.upsertThread((t) => t.branch === request.branch, {
      title: request.title,
      body: request.body,
      labels: [],
      branch: request.branch,
    });
    return { number, url: `${this.directory}#pull-${number}` };
  }

  async pullRequest(number: number): Promise<PullRequest | undefined> {
    const thread = await this.#forge.find(number);
    if (!thread?.branch) return undefined;
    return { number, branch: thread.branch, state: thread.state, merged: thread.merged ?? false };
  }

  /** The person at the terminal owns the local repository. */
  permissionOf(_login: string): Promise<Permission> {
    return Promise.resolve('admin');
  }

  async pullRequestFiles(number: number): Promise<ChangedFile[]> {
    const thread = await this.#forge.thread(number);
    if (!thread.branch) throw new LocalStoreError(`#${number} is an issue, not a pull request.`);
    const [main, head] = await Promise.all([this.#tip(), this.#tip(thread.branch)]);
    const out = await this.#git([
      'diff-tree',
      '-r',
      '--no-renames',
      '--name-status',
      '-z',
      main!,
      head!,
    ]);
    const parts = out.split('\0').filter(Boolean);
    const files: ChangedFile[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      const status = parts[i] === 'A' ? 'added' : parts[i] === 'D' ? 'removed' : 'modified';
      files.push({ path: parts[i + 1]!, status });
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  async upsertComment(request: {
    number: number;
    marker: string;
    body: string;
  }): Promise<{ id: number }> {
    return { id: await this.#forge.upsertComment(request.number, request.marker, request.body) };
  }

  addLabels(number: number, labels: readonly string[]): Promise<void> {
    return this.#forge.addLabels(number, labels);
  }

  async addComment(number: number, body: string): Promise<{ id: number }> {
    return { id: await this.#forge.addComment(number, body) };
  }

  async upsertIssue(request: {
    label: string;
    title: string;
    body: string;
  }): Promise<Thread & { previousBody: string }> {
    const { number, previousBody } = await this.#forge.upsertThread(
      (t) => !t.branch && t.labels.includes(request.label),
      {
        title: request.title,
        body: request.body,
        labels: [request.label],
      },
    );
    return { number, url: `${this.directory}#issue-${number}`, previousBody };
  }
}
