import { readFile, rename, writeFile } from 'node:fs/promises';
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
    try {
      return JSON.parse(await readFile(this.#file, 'utf8')) as ForgeState;
    } catch {
      return { next: 1, threads: [], comments: [] };
    }
  }

  async #write(state: ForgeState): Promise<void> {
    const temporary = `${this.#file}.${process.pid}.tmp`;
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
    const state = await this.#read();
    const pull = state.threads.find((t) => t.state === 'open' && t.branch === branch);
    if (!pull) return;
    Object.assign(pull, { state: 'closed', merged: true });
    await this.#write(state);
  }

  /** Creates or updates an open thread; returns its number and its body before the update. */
  async upsertThread(
    find: (t: LocalThread) => boolean,
    fields: Omit<LocalThread, 'number' | 'state' | 'merged'>,
  ): Promise<{ number: number; previousBody: string }> {
    const state = await this.#read();
    const existing = state.threads.find((t) => t.state === 'open' && find(t));
    const previousBody = existing?.body ?? '';
    if (existing) Object.assign(existing, { title: fields.title, body: fields.body });
    else state.threads.push({ ...fields, number: state.next, state: 'open' });
    const number = existing?.number ?? state.next++;
    await this.#write(state);
    return { number, previousBody };
  }

  async addComment(number: number, body: string): Promise<number> {
    const state = await this.#read();
    if (!state.threads.some((t) => t.number === number)) {
      throw new Error(`There is no issue or pull request #${number} in the local data repository.`);
    }
    state.comments.push({ id: state.comments.length + 1, number, body });
    await this.#write(state);
    return state.comments.length;
  }

  async upsertComment(number: number, marker: string, body: string): Promise<number> {
    const state = await this.#read();
    await this.thread(number);
    const tag = markerComment(marker);
    const text = `${tag}\n${body}`;
    const existing = state.comments.find((c) => c.number === number && c.body.startsWith(tag));
    if (existing) existing.body = text;
    else state.comments.push({ id: state.comments.length + 1, number, body: text });
    await this.#write(state);
    return existing?.id ?? state.comments.length;
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    const state = await this.#read();
    const thread = state.threads.find((t) => t.number === number);
    if (!thread)
      throw new Error(`There is no issue or pull request #${number} in the local data repository.`);
    for (const label of labels) if (!thread.labels.includes(label)) thread.labels.push(label);
    await this.#write(state);
  }
}
