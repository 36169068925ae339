import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  FileExistsError,
  StaleFileError,
  type BranchOption,
  type ChangedFile,
  type DataStore,
  type FileChange,
  type Thread,
} from './data-store.ts';
import { LocalForge } from './local-forge.ts';
import { encodeCommit, encodeTree, looseObject, parseBatch, parseTree } from './git-objects.ts';
import { SerialQueue } from './serial-queue.ts';

const run = promisify(execFile);
const refOf = (branch = 'main') => `refs/heads/${branch}`;
const zero = '0000000000000000000000000000000000000000';

/** Git could not do what was asked; the message says what, the repository is unchanged. */
export class LocalStoreError extends Error {
  override name = 'LocalStoreError';
}

/** Other writers kept moving the branch for longer than we wait; nothing was written. */
export class LocalStoreBusyError extends LocalStoreError {
  override name = 'LocalStoreBusyError';
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
  readonly #busyMs: number;
  readonly #forge: LocalForge;
  #queue = new SerialQueue();
  #ready: Promise<void> | undefined;

  /**
   * @param options.staleLockMs a branch lock older than this was left by a process that died
   *   while publishing a commit; it is removed (Git never holds one for more than milliseconds).
   * @param options.busyMs how long a commit keeps trying while other processes (the intake, a
   *   coordinator's commands) keep moving the branch, before it gives up with LocalStoreBusyError.
   */
  constructor(directory: string, options: { staleLockMs?: number; busyMs?: number } = {}) {
    this.directory = resolve(directory);
    this.#staleLockMs = options.staleLockMs ?? 30_000;
    this.#busyMs = options.busyMs ?? 120_000;
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
    const output = await this.#gitBytes(
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
    options: BranchOption & {
      create?: boolean;
      unchanged?: ReadonlyMap<string, string | undefined>;
    } = {},
  ): Promise<string> {
    return this.#queue.run(async () => {
      await this.#init();
      const branch = options.branch ?? 'main';
      if (branch !== 'main' && !(await this.#tip(branch))) {
        throw new LocalStoreError(
          `There is no branch ${branch} in ${this.directory}: create it with ensureBranch first.`,
        );
      }
      const started = Date.now();
      for (let attempt = 1; ; attempt += 1) {
        const parent = await this.#tip(branch);
        const commit = await this.#buildCommit(
          parent,
          files,
          message,
          options.create ?? false,
          options.unchanged,
        );
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

  /** Runs git with `input` on stdin and returns stdout as bytes (for binary objects). */
  #gitBytes(args: string[], input: string): Promise<Buffer> {
    return new Promise((done, fail) => {
      const child = spawn('git', ['-C', this.directory, ...args], {
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) =>
        code === 0
          ? done(Buffer.concat(chunks))
          : fail(new LocalStoreError(`git ${args[0]} failed: ${stderr.trim()}`)),
      );
      child.stdin.end(input);
    });
  }

  /** Writes a loose object (temporary file, then rename: never half-written); returns its id. */
  async #writeObject(type: 'blob' | 'tree' | 'commit', body: Buffer): Promise<string> {
    const { sha, compressed } = looseObject(type, body);
    const folder = join(this.directory, 'objects', sha.slice(0, 2));
    const file = join(folder, sha.slice(2));
    if (existsSync(file)) return sha;
    await mkdir(folder, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, compressed, { mode: 0o444 });
    await rename(temporary, file);
    return sha;
  }

  /**
   * Builds the commit in-process: one `git cat-file --batch` reads the folders the files go
   * into, then blobs, trees and the commit are written as loose objects by our own code
   * (checked against Git's ids in git-objects.test.ts). Two processes per commit instead of
   * eight: starting a process is most of the cost on a small machine.
   */
  async #buildCommit(
    parent: string | undefined,
    files: readonly FileChange[],
    message: string,
    create: boolean,
    unchanged?: ReadonlyMap<string, string | undefined>,
  ): Promise<string> {
    const folders = new Set<string>(['']);
    for (const file of files) {
      const parts = file.path.split('/');
      for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
    }
    const ordered = [...folders];
    const bodies = parent
      ? parseBatch(
          await this.#gitBytes(
            ['cat-file', '--batch'],
            ordered.map((f) => (f ? `${parent}:${f}\n` : `${parent}^{tree}\n`)).join(''),
          ),
          ordered.length,
        )
      : ordered.map(() => undefined);
    const trees = new Map(
      ordered.map((folder, i) => [folder, bodies[i] ? parseTree(bodies[i]!) : []]),
    );
    for (const file of files) {
      const slash = file.path.lastIndexOf('/');
      const folder = slash === -1 ? '' : file.path.slice(0, slash);
      const name = file.path.slice(slash + 1);
      const entries = trees.get(folder)!;
      const index = entries.findIndex((e) => e.name === name);
      if (index !== -1 && create) throw new FileExistsError(file.path);
      if (unchanged?.has(file.path)) {
        const expected = unchanged.get(file.path);
        const expectedSha =
          expected === undefined ? undefined : looseObject('blob', Buffer.from(expected)).sha;
        if ((index === -1 ? undefined : entries[index]!.sha) !== expectedSha)
          throw new StaleFileError(file.path);
      }
      const entry = {
        mode: '100644',
        name,
        sha: await this.#writeObject('blob', Buffer.from(file.content)),
      };
      if (index === -1) entries.push(entry);
      else entries[index] = entry;
    }
    // Deepest folders first, each written into its parent, up to the root.
    for (const folder of ordered
      .filter(Boolean)
      .sort((a, b) => b.split('/').length - a.split('/').length)) {
      const sha = await this.#writeObject('tree', encodeTree(trees.get(folder)!));
      const slash = folder.lastIndexOf('/');
      const parentEntries = trees.get(slash === -1 ? '' : folder.slice(0, slash))!;
      const name = folder.slice(slash + 1);
      const index = parentEntries.findIndex((e) => e.name === name);
      if (index === -1) parentEntries.push({ mode: '40000', name, sha });
      else parentEntries[index] = { mode: '40000', name, sha };
    }
    const tree = await this.#writeObject('tree', encodeTree(trees.get('')!));
    return this.#writeObject(
      'commit',
      encodeCommit({
        tree,
        parents: parent ? [parent] : [],
        person: `${identity.GIT_AUTHOR_NAME} <${identity.GIT_AUTHOR_EMAIL}>`,
        seconds: Math.floor(Date.now() / 1000),
        message,
      }),
    );
  }
}
