import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { markerComment } from './data-store.ts';

interface LocalThread {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  /** For a pull request: the branch it proposes. */
  branch?: string;
  /** For a pull request: true once merged; absent (false) before, as in older forge.json files. */
  merged?: boolean;
}

/** The local forge's file is damaged or stays locked: nothing was written. */
export class LocalForgeError extends Error {
  override name = 'LocalForgeError';
}

const staleMs = 30_000;
const busyMs = 60_000;

interface ForgeState {
  next: number;
  threads: LocalThread[];
  comments: { id: number; number: number; body: string }[];
}

/**
 * What GitHub keeps beside a repository (issues, pull requests, comments, labels), kept for the
 * local data repository in `forge.json` inside the bare repository folder, so that the scripts
 * that open a pull request or comment on one work the same on both back ends. Written whole to a
 * temporary file then renamed: a crash leaves the old state or the new one.
 */
export class LocalForge {
  readonly #file: string;

  constructor(repositoryDirectory: string) {
    this.#file = join(repositoryDirectory, 'forge.json');
  }

  async #read(): Promise<ForgeState> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { next: 1, threads: [], comments: [] };
      throw error;
    }
    try {
      return JSON.parse(text) as ForgeState;
    } catch {
      // Never start again from nothing over a damaged file: that would lose every thread.
      throw new LocalForgeError(`${this.#file} is not valid JSON; it was left as it is.`);
    }
  }

  /**
   * Reads, changes and writes the state under an exclusive lock file, so that two processes
   * (two coordinators' commands, a command and the match job) never lose each other's change.
   * A lock older than `staleMs` was left by a process that died: it is removed.
   */
  async #update<T>(change: (state: ForgeState) => T): Promise<T> {
    const lock = `${this.#file}.lock`;
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      try {
        const handle = await open(lock, 'wx');
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age =
          Date.now() -
          (await stat(lock).then(
            (s) => s.mtimeMs,
            () => Date.now(),
          ));
        if (age > staleMs) await rm(lock, { force: true });
        else if (Date.now() - started > busyMs)
          throw new LocalForgeError(`${lock} stayed locked for ${busyMs} ms; nothing was written.`);
        else await new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** attempt)));
      }
    }
    try {
      const state = await this.#read();
      const result = change(state);
      await this.#write(state);
      return result;
    } finally {
      await rm(lock, { force: true });
    }
  }

  async #write(state: ForgeState): Promise<void> {
    const temporary = `${this.#file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify(state, null, 2) + '\n');
    await rename(temporary, this.#file);
  }

  /** The thread `number`, or an error naming it. */
  async thread(number: number): Promise<LocalThread> {
    const thread = (await this.#read()).threads.find((t) => t.number === number);
    if (!thread)
      throw new Error(`There is no issue or pull request #${number} in the local data repository.`);
    return thread;
  }

  /** Thread `number` if it exists, else undefined. */
  async find(number: number): Promise<LocalThread | undefined> {
    return (await this.#read()).threads.find((t) => t.number === number);
  }

  /** Marks the open pull request of `branch`, if there is one, as merged and closed. */
  async markMerged(branch: string): Promise<void> {
    await this.#update((state) => {
      const pull = state.threads.find((t) => t.state === 'open' && t.branch === branch);
      if (pull) Object.assign(pull, { state: 'closed', merged: true });
    });
  }

  /** Creates or updates an open thread; returns its number and its body before the update. */
  async upsertThread(
    find: (t: LocalThread) => boolean,
    fields: Omit<LocalThread, 'number' | 'state' | 'merged'>,
  ): Promise<{ number: number; previousBody: string }> {
    return this.#update((state) => {
      const existing = state.threads.find((t) => t.state === 'open' && find(t));
      const previousBody = existing?.body ?? '';
      if (existing) Object.assign(existing, { title: fields.title, body: fields.body });
      else state.threads.push({ ...fields, number: state.next, state: 'open' });
      const number = existing?.number ?? state.next++;
      return { number, previousBody };
    });
  }

  async addComment(number: number, body: string): Promise<number> {
    return this.#update((state) => {
      if (!state.threads.some((t) => t.number === number))
        throw new Error(
          `There is no issue or pull request #${number} in the local data repository.`,
        );
      state.comments.push({ id: state.comments.length + 1, number, body });
      return state.comments.length;
    });
  }

  async upsertComment(number: number, marker: string, body: string): Promise<number> {
    return this.#update((state) => {
      if (!state.threads.some((t) => t.number === number))
        throw new Error(
          `There is no issue or pull request #${number} in the local data repository.`,
        );
      const tag = markerComment(marker);
      const text = `${tag}\n${body}`;
      const existing = state.comments.find((c) => c.number === number && c.body.startsWith(tag));
      if (existing) existing.body = text;
      else state.comments.push({ id: state.comments.length + 1, number, body: text });
      return existing?.id ?? state.comments.length;
    });
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    await this.#update((state) => {
      const thread = state.threads.find((t) => t.number === number);
      if (!thread)
        throw new Error(
          `There is no issue or pull request #${number} in the local data repository.`,
        );
      for (const label of labels) if (!thread.labels.includes(label)) thread.labels.push(label);
    });
  }
}
