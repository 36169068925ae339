import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodeCommit, looseObject } from './git-objects.ts';

const run = promisify(execFile);
export const refOf = (branch = 'main') => `refs/heads/${branch}`;
export const zero = '0000000000000000000000000000000000000000';

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
export const identity = {
  GIT_AUTHOR_NAME: 'Binôme',
  GIT_AUTHOR_EMAIL: 'binome@localhost',
  GIT_COMMITTER_NAME: 'Binôme',
  GIT_COMMITTER_EMAIL: 'binome@localhost',
};

/** Git's plumbing on one bare repository, and the objects our own code writes into it. */
export class LocalGit {
  readonly directory: string;
  readonly #clock: () => Date;

  /** @param clock the time commits are dated with (the demo's simulated calendar). */
  constructor(directory: string, clock: () => Date = () => new Date()) {
    this.directory = directory;
    this.#clock = clock;
  }

  async run(
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

  /** Runs git with `input` on stdin and returns stdout as bytes (for binary objects). */
  bytes(args: string[], input: string): Promise<Buffer> {
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

  /** Git exits 1 to say « no » (not an ancestor, a conflict): any other failure is one. */
  async #answers(args: string[]): Promise<string | undefined> {
    try {
      return await this.run(args);
    } catch (error) {
      if ((error as { code?: unknown }).code === 1) return undefined;
      throw error;
    }
  }

  async tip(branch = 'main'): Promise<string | undefined> {
    try {
      return (
        (
          await this.run(['rev-parse', '--verify', '--quiet', `${refOf(branch)}^{commit}`])
        ).trim() || undefined
      );
    } catch {
      return undefined;
    }
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (
      (await this.#answers(['merge-base', '--is-ancestor', ancestor, descendant])) !== undefined
    );
  }

  /**
   * The tree of a three-way merge of two commits (from their merge base), or undefined when they
   * conflict. Git writes the merged trees and blobs, but no commit and no ref: a conflict leaves
   * only unreachable objects, which `git gc` removes.
   */
  async mergeTree(ours: string, theirs: string): Promise<string | undefined> {
    const out = await this.#answers(['merge-tree', '--write-tree', '--no-messages', ours, theirs]);
    return out?.split('\n')[0]?.trim();
  }

  /** Writes a loose object (temporary file, then rename: never half-written); returns its id. */
  async writeObject(type: 'blob' | 'tree' | 'commit', body: Buffer): Promise<string> {
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

  writeCommit(tree: string, parents: readonly string[], message: string): Promise<string> {
    return this.writeObject(
      'commit',
      encodeCommit({
        tree,
        parents,
        person: `${identity.GIT_AUTHOR_NAME} <${identity.GIT_AUTHOR_EMAIL}>`,
        seconds: Math.floor(this.#clock().getTime() / 1000),
        message,
      }),
    );
  }
}
