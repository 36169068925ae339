import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FileExistsError, type DataStore, type FileChange } from './data-store.ts';
import { SerialQueue } from './serial-queue.ts';

const run = promisify(execFile);
const branch = 'refs/heads/main';
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
  #queue = new SerialQueue();
  #ready: Promise<void> | undefined;

  /**
   * @param options.staleLockMs a branch lock older than this was left by a process that died
   *   while publishing a commit; it is removed (Git never holds one for more than milliseconds).
   */
  constructor(directory: string, options: { staleLockMs?: number } = {}) {
    this.directory = resolve(directory);
    this.#staleLockMs = options.staleLockMs ?? 30_000;
  }

  async #removeStaleLock(): Promise<void> {
    const lock = join(this.directory, 'refs', 'heads', 'main.lock');
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
    })();
    return this.#ready;
  }

  async #tip(): Promise<string | undefined> {
    try {
      return (
        (await this.#git(['rev-parse', '--verify', '--quiet', `${branch}^{commit}`])).trim() ||
        undefined
      );
    } catch {
      return undefined;
    }
  }

  async readFile(path: string): Promise<string | undefined> {
    await this.ready();
    const tip = await this.#tip();
    if (!tip) return undefined;
    try {
      return await this.#git(['cat-file', 'blob', `${tip}:${path}`]);
    } catch {
      return undefined;
    }
  }

  async listFiles(folder: string): Promise<string[]> {
    await this.ready();
    const tip = await this.#tip();
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
  async readFiles(paths: readonly string[]): Promise<(string | undefined)[]> {
    await this.ready();
    const tip = await this.#tip();
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
    options: { create?: boolean } = {},
  ): Promise<string> {
    return this.#queue.run(async () => {
      await this.ready();
      for (let attempt = 1; ; attempt += 1) {
        const parent = await this.#tip();
        const commit = await this.#buildCommit(parent, files, message, options.create ?? false);
        try {
          await this.#git(['update-ref', '-m', 'binome: commit', branch, commit, parent ?? zero]);
          return commit;
        } catch (error) {
          // Another process moved the branch since we read it (build again on the new tip), or
          // one died holding the branch lock (remove it once it is clearly stale).
          await this.#removeStaleLock();
          if (attempt >= 10) {
            throw new LocalStoreError(
              `Could not update ${branch} in ${this.directory} after ${attempt} attempts: ${(error as Error).message}`,
            );
          }
        }
      }
    });
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
