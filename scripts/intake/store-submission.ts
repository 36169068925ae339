import { challengePath, submissionPath } from '../../schemas/data-layout.ts';
import { parseJson } from '../../schemas/parse-json.ts';
import {
  FileExistsError,
  KeyExistsError,
  StaleFileError,
  type DataStore,
  type FileChange,
} from '../store/data-store.ts';

export type StoreOutcome =
  | { status: 'stored'; id: string }
  /** The same submission was stored before (a retry): its first id. */
  | { status: 'duplicate'; id: string; sameAnswers: boolean }
  /** The proof of work already served another submission. */
  | { status: 'replayed' }
  /** The placement's `once` file was there: what may happen once has happened. */
  | { status: 'taken' };

/** A marker the intake wrote could not be read: someone edited it by hand. Nothing was written. */
export class UnreadableMarkerError extends Error {
  override name = 'UnreadableMarkerError';
}

/** Where one attempt puts a submission, and what its commit depends on. */
export interface Placement {
  /**
   * What the markers name: an application's id, or what tells a follow-up's attempts apart.
   * Never a person, nor anything that links a marker to one.
   */
  id: string;
  /** The record's file (a new file: the commit refuses to overwrite it). */
  record: FileChange;
  /** The commit message: ids only. */
  message: string;
  /** The wrapped data key of a sealed identity, stored under `id` before the record. */
  wrappedKey?: string;
  /** Files the decision to store was made on, and the text they must still hold (`unchanged`). */
  unchanged?: ReadonlyMap<string, string | undefined>;
  /**
   * A marker of what may happen only once (a participant's bilan), added by the same commit: the
   * repository itself refuses a second one, however many are sent at the same moment.
   */
  once?: string;
}

const marker = (id: string, answers?: string) =>
  JSON.stringify({ schemaVersion: 1, id, ...(answers ? { answers } : {}) }) + '\n';

interface Marker {
  id: string;
  answers?: string;
}

async function readMarker(store: DataStore, path: string): Promise<Marker | undefined> {
  const text = await store.readFile(path);
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  const value = (parsed.ok ? parsed.value : undefined) as Partial<Marker> | null | undefined;
  if (typeof value?.id !== 'string')
    throw new UnreadableMarkerError(`${path} is not a marker the intake wrote.`);
  return { id: value.id, ...(typeof value.answers === 'string' ? { answers: value.answers } : {}) };
}

function duplicateOf(first: Marker, answersHash: string): StoreOutcome {
  return {
    status: 'duplicate',
    id: first.id,
    // Markers written before the answers were hashed say nothing: take them as the same.
    sameAnswers: first.answers === undefined || first.answers === answersHash,
  };
}

/**
 * Stores a submission (an application, a follow-up) in one commit that also adds two small
 * markers: one named after the submission's idempotency key, one after its proof of work. The
 * commit adds files that must not exist yet, so the data repository itself refuses a second
 * submission with the same key (a retry: it gets the first id) or the same proof of work (a
 * replay), across restarts and across instances, with a constant number of requests and no scan
 * of the repository. `place` gives each attempt its record; a record's path already taken draws
 * another placement (up to 5). A file of `unchanged` that changed meanwhile ends in
 * `StaleFileError`, unless `placeAgain` says that placement alone was the problem.
 */
export async function storeSubmission(
  store: DataStore,
  submission: {
    keyHash: string;
    /** A digest of the answers, so that a retry with other answers is told apart. */
    answersHash: string;
    /** SHA-256 of the proof of work's signature, when one was verified. */
    challengeHash?: string;
    place: (attempt: number) => Promise<Placement>;
    placeAgain?: (stale: StaleFileError, placement: Placement) => boolean;
  },
): Promise<StoreOutcome> {
  // No read first: the commit itself says whether the key or the proof was used before (and
  // whether the id was an erased person's), and most submissions are new.
  const keyPath = submissionPath(submission.keyHash);
  const challenge = submission.challengeHash ? challengePath(submission.challengeHash) : undefined;
  for (let attempt = 1; ; attempt += 1) {
    const placement = await submission.place(attempt);
    const { id, wrappedKey } = placement;
    // The key before the record, so that no stored record ever lacks its key: a key whose
    // commit then fails is harmless (it opens nothing anyone holds) and is removed below when
    // the commit certainly wrote nothing.
    if (wrappedKey !== undefined) {
      try {
        await store.keys.create(id, wrappedKey);
      } catch (error) {
        if (!(error instanceof KeyExistsError)) throw error;
        // The id is taken: by this very submission sent before (a retry), or by another one.
        const first = await readMarker(store, keyPath);
        if (first) return duplicateOf(first, submission.answersHash);
        if (attempt >= 5) throw error;
        continue;
      }
    }
    const forgetKey = async () => {
      if (wrappedKey !== undefined) await store.keys.destroy(id);
    };
    // Markers first: a store names the first file it finds already there, and a retry or a
    // replay must be told apart from a record path that happens to be taken.
    const files: FileChange[] = [
      { path: keyPath, content: marker(id, submission.answersHash) },
      ...(challenge ? [{ path: challenge, content: marker(id) }] : []),
      placement.record,
      ...(placement.once ? [{ path: placement.once, content: marker(id) }] : []),
    ];
    try {
      await store.commit(files, placement.message, {
        create: true,
        ...(placement.unchanged ? { unchanged: placement.unchanged } : {}),
      });
      return { status: 'stored', id };
    } catch (error) {
      if (error instanceof StaleFileError) {
        await forgetKey();
        if (!submission.placeAgain?.(error, placement) || attempt >= 5) throw error;
        continue;
      }
      if (!(error instanceof FileExistsError)) throw error;
      const first = error.path === keyPath ? await readMarker(store, keyPath) : undefined;
      // Our own commit, landed though its answer was lost and the store tried again: the key
      // is this record's, and must stay.
      if (first?.id === id) return { status: 'stored', id };
      // The marker is there but could not be read yet (a stale read): it may be ours, so the key
      // stays (a key that opens nothing stored harms no one) and the next attempt reads again.
      if (error.path === keyPath && !first) {
        if (attempt >= 5) throw error;
        continue;
      }
      await forgetKey();
      if (first) return duplicateOf(first, submission.answersHash);
      if (error.path === challenge) return { status: 'replayed' };
      if (error.path === placement.once) return { status: 'taken' };
      // Another record took the same path (an application drew the same id): place again.
      if (attempt >= 5) throw error;
    }
  }
}
