import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  FileExistsError,
  type BranchOption,
  type ChangedFile,
  type DataStore,
  type FileChange,
  type Thread,
} from './data-store.ts';
import { LocalForge } from './local-forge.ts';
import { SerialQueue } from './serial-queue.ts';

const run = promisify(execFile);
const refOf = (branch = 'main') => `refs/heads/${branch}`;
const zero = '0000000000000000000000000000000000000000';

/** Git could not do what was asked; the message says what, the repository is unchanged. */
export class LocalStoreError extends Error {
  override name = 'LocalStoreError';
}

// Commits carry the programme's name, never a person's: the repository's history is read by
// coordinators and must not identify applicants.
const identity = {
  GIT_AUTHOR_NAME: 'Binôme',
  GIT_AUTHOR_EMAIL: 'binome@localhost',
  GIT_COMMITTER_NAME: 'Binôme',
  GIT_COMMITTER_EMAIL: 'binome@localhost',
};

/**
 * The embedded default data repository: a bare Git repository on disk (default `./data`),
 * created on first use. Each commit is built with Git's plumbing in a private index and
 * published by a compare-and-swap of the branch (`git update-ref new old`): a crash at any point
 * leaves the branch either before or after the commit, never half-written, and two processes
 * writing at once cannot lose each other's commits (the loser retries on the new tip).
 */
export class LocalGitStore implements DataStore {
  readonly directory: string;
  readonly #staleLockMs: number;
  readonly #forge: LocalForge;
  #queue = new SerialQueue();
  #ready: Promise<void> | undefined;

  /**
   * @param options.staleLockMs a branch lock older than this was left by a process that died
   *   while publishing a commit; it is removed (Git never holds one for more than milliseconds).
   */
  constructor(directory: string, options: { staleLockMs?: number } = {}) {
    this.directory = resolve(directory);
    this.#staleLockMs = options.staleLockMs ?? 30_000;
    this.#forge = new LocalForge(this.directory);
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

  async #git(
    args: string[],
    options: { input?: string; env?: Record<string, string> } = {},
  ): Promise<string> {
    const env = { ...process.env, ...identity, GIT_TERMINAL_PROMPT: '0', ...options.env };
    if (options.input === undefined) {
      const { stdout } = await run('git', ['-C', this.directory, ...args], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    }
    return new Promise((done, fail) => {
      const child = spawn('git', ['-C', this.directory, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) =>
        code === 0
          ? done(stdout)
          : fail(new LocalStoreError(`git ${args[0]} failed: ${stderr.trim()}`)),
      );
      child.stdin.end(options.input);
    });
  }

  /** Creates the repository (bare, branch `main`) if it does not exist yet. */
  ready(): Promise<void> {
    this.#ready ??= (async () => {
      if (existsSync(join(this.directory, 'HEAD'))) return;
      await mkdir(this.directory, { recursive: true });
      await this.#git(['init', '--quiet', '--bare', '--initial-branch=main']);
      // Like a GitHub repository created with a README: main exists from the start, so that
      // branches can be made from it before the first application arrives.
      const emptyTree = (
        await this.#git(['hash-object', '-t', 'tree', '-w', '--stdin'], { input: '' })
      ).trim();
      const first = (
        await this.#git(['commit-tree', emptyTree, '-F', '-'], {
          input: 'Initialise the data repository',
        })
      ).trim();
      await this.#git(['update-ref', refOf(), first, zero]);
    })();
    return this.#ready;
  }

  async #tip(branch = 'main'): Promise<string | undefined> {
    try {
      return (
        (
          await this.#git(['rev-parse', '--verify', '--quiet', `${refOf(branch)}^{commit}`])
        ).trim() || undefined
      );
    } catch {
      return undefined;
    }
  }

  async readFile(path: string, options: BranchOption = {}): Promise<string | undefined> {
    await this.ready();
    const tip = await this.#tip(options.branch);
    if (!tip) return undefined;
    try {
      return await this.#git(['cat-file', 'blob', `${tip}:${path}`]);
    } catch {
      return undefined;
    }
  }

  async listFiles(folder: string, options: BranchOption = {}): Promise<string[]> {
    await this.ready();
    const tip = await this.#tip(options.branch);
    if (!tip) return [];
    const out = await this.#git([
      'ls-tree',
      '-r',
      '--name-only',
      '-z',
      tip,
      '--',
      folder.replace(/\/?$/, '/'),
    ]);
    return out.split('\0').filter(Boolean).sort();
  }

  /** Reads many files at once (one `git cat-file --batch`), in the order given. */
  async readFiles(
    paths: readonly string[],
    options: BranchOption = {},
  ): Promise<(string | undefined)[]> {
    await this.ready();
    const tip = await this.#tip(options.branch);
    if (!tip || paths.length === 0) return paths.map(() => undefined);
    const out = Buffer.from(
      await this.#git(['cat-file', '--batch'], {
        input: paths.map((p) => `${tip}:${p}\n`).join(''),
      }),
      'utf8',
    );
    const result: (string | undefined)[] = [];
    let offset = 0;
    for (let i = 0; i < paths.length; i += 1) {
      const end = out.indexOf(10, offset);
      const header = out.subarray(offset, end).toString('utf8');
      offset = end + 1;
      if (header.endsWith(' missing')) {
        result.push(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      result.push(out.subarray(offset, offset + size).toString('utf8'));
      offset += size + 1;
    }
    return result;
  }

  commit(
    files: readonly FileChange[],
    message: string,
    options: BranchOption & { create?: boolean } = {},
  ): Promise<string> {
    return this.#queue.run(async () => {
      await this.ready();
      const branch = options.branch ?? 'main';
      if (branch !== 'main' && !(await this.#tip(branch))) {
        throw new LocalStoreError(
          `There is no branch ${branch} in ${this.directory}: create it with ensureBranch first.`,
        );
      }
      for (let attempt = 1; ; attempt += 1) {
        const parent = await this.#tip(branch);
        const commit = await this.#buildCommit(parent, files, message, options.create ?? false);
        try {
          await this.#git([
            'update-ref',
            '-m',
            'binome: commit',
            refOf(branch),
            commit,
            parent ?? zero,
          ]);
          return commit;
        } catch (error) {
          // Another process moved the branch since we read it (build again on the new tip), or
          // one died holding the branch lock (remove it once it is clearly stale).
          await this.#removeStaleLock(branch);
          if (attempt >= 10) {
            throw new LocalStoreError(
              `Could not update ${refOf(branch)} in ${this.directory} after ${attempt} attempts: ${(error as Error).message}`,
            );
          }
        }
      }
    });
  }

  ensureBranch(branch: string, options: { reset?: boolean } = {}): Promise<void> {
    return this.#queue.run(async () => {
      await this.ready();
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

  /** The comments of an issue or pull request (for the tests and the local demo). */
  comments(number: number): Promise<{ id: number; body: string }[]> {
    return this.#forge.comments(number);
  }

  async #buildCommit(
    parent: string | undefined,
    files: readonly FileChange[],
    message: string,
    create: boolean,
  ) {
    const scratch = await mkdtemp(join(tmpdir(), 'binome-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      // Independent steps run side by side: the repository's tree into a private index, each
      // file's blob, and (for new files) the check that none exists yet.
      const [, blobs, existing] = await Promise.all([
        parent ? this.#git(['read-tree', parent], { env }) : Promise.resolve(''),
        Promise.all(
          files.map(async (file) =>
            (await this.#git(['hash-object', '-w', '--stdin'], { input: file.content })).trim(),
          ),
        ),
        create && parent
          ? this.#git(['ls-tree', '--name-only', '-z', parent, '--', ...files.map((f) => f.path)])
          : Promise.resolve(''),
      ]);
      const clash = existing.split('\0').find(Boolean);
      if (clash) throw new FileExistsError(clash);
      const entries = files.map((file, i) => `100644 ${blobs[i]}\t${file.path}\n`).join('');
      await this.#git(['update-index', '--add', '--index-info'], { env, input: entries });
      const tree = (await this.#git(['write-tree'], { env })).trim();
      const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'];
      return (await this.#git(args, { input: message })).trim();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}
