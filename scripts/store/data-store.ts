/**
 * A file to write in one commit: a path inside the data repository and its content, text
 * (written as UTF-8) or bytes (written as they are, e.g. a PDF report).
 */
export interface FileChange {
  path: string;
  content: string | Uint8Array;
}

/** A file change known to hold text (setup files, records), whose content can be read as such. */
export type TextFileChange = FileChange & { content: string };

/** The bytes a file change writes: text as UTF-8, bytes unchanged. */
export const bytesOf = (content: FileChange['content']): Uint8Array =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content;

/** Raised when a commit meant to add a file finds it already there. Nothing was written. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists in the data repository; nothing was written.`);
    this.path = path;
  }
}

/**
 * The data repository refused a request as malformed: our bug, not a conflict or an outage.
 * Nothing was written; retrying would fail the same way.
 */
export class RejectedRequestError extends Error {
  override name = 'RejectedRequestError';
}

/**
 * Raised when a file changed since the caller read it (a commit made with `unchanged`): another
 * writer got there first. Nothing was written; read again, then decide again.
 */
export class StaleFileError extends Error {
  override name = 'StaleFileError';
  readonly path: string;
  constructor(path: string) {
    super(`${path} changed since it was read; nothing was written.`);
    this.path = path;
  }
}

/**
 * The data repository could not say what permission a login has (GitHub refused the question, e.g.
 * 403 « Resource not accessible by integration », or failed). The caller must refuse what that
 * person asked for: a permission is never guessed.
 */
export class PermissionUnknownError extends Error {
  override name = 'PermissionUnknownError';
  readonly login: string;
  readonly status: number | undefined;
  constructor(login: string, status: number | undefined, options?: ErrorOptions) {
    super(
      `Could not learn the permission of ${login} on the data repository` +
        `${status === undefined ? '' : ` (status ${status})`}; treat it as none.`,
      options,
    );
    this.login = login;
    this.status = status;
  }
}

/** Raised when a branch cannot be merged into another without a conflict. Nothing was written. */
export class MergeConflictError extends Error {
  override name = 'MergeConflictError';
  readonly head: string;
  readonly base: string;
  constructor({ head, base }: Merge) {
    super(`${head} conflicts with ${base}; nothing was merged.`);
    this.head = head;
    this.base = base;
  }
}

/** What `mergeBranch` merges: `head` into `base`. */
export interface Merge {
  head: string;
  base: string;
}

/** A branch name alone means « into main ». */
export const mergeOf = (what: string | Merge): Merge =>
  typeof what === 'string' ? { head: what, base: 'main' } : what;

/** Raised when a record that already has a data key is given another. Nothing was written. */
export class KeyExistsError extends Error {
  override name = 'KeyExistsError';
  readonly id: string;
  constructor(id: string) {
    super(`The record ${id} already has a data key; nothing was written.`);
    this.id = id;
  }
}

/**
 * Where each record's data key lives, apart from the records: the key that opens a record's
 * identity, itself encrypted to the programme's recipients (scripts/privacy/). Records stay in
 * Git history for ever; a key here can be destroyed, and then that record's identity can never
 * be read again, in any commit. Never in a branch: on GitHub one ref per key
 * (`refs/binome-keys/<id>`), deleted on erasure; on the embedded default one file per key,
 * beside the local repository's objects (`<data>/binome-keys/<id>.age`), never committed.
 */
export interface KeyStore {
  /** Stores record `id`'s wrapped data key; `KeyExistsError` when it has one already. */
  create(id: string, wrapped: string): Promise<void>;
  /** Record `id`'s wrapped data key, or undefined when it has none (never had, or destroyed). */
  read(id: string): Promise<string | undefined>;
  /** Replaces record `id`'s wrapped key (key rotation); false, with nothing written, when it has none. */
  replace(id: string, wrapped: string): Promise<boolean>;
  /** Destroys record `id`'s key; says whether there was one. */
  destroy(id: string): Promise<boolean>;
  /** The ids of the records that have a key, sorted. */
  list(): Promise<string[]>;
}

/** A pull request or an issue of the data repository. */
export interface Thread {
  number: number;
  url: string;
}

/** What a pull request changes, file by file. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed';
}

export interface BranchOption {
  /** The branch to read or write; `main` when absent. */
  branch?: string;
}

export interface CommitOptions extends BranchOption {
  create?: boolean;
  /**
   * Read-modify-write without losing another writer's change: each of these paths (written,
   * removed, or neither: a file the change depends on) must still hold this text (undefined:
   * still absent), or the commit fails with `StaleFileError` and writes nothing.
   */
  unchanged?: ReadonlyMap<string, string | undefined>;
  /**
   * Files to delete in the same commit; a path that is not there (or is a folder) is ignored, and
   * a folder left empty disappears, as Git keeps no empty folders.
   */
  remove?: readonly string[];
}

/** A pull request of the data repository, as it stands now. */
export interface PullRequest {
  number: number;
  /** The branch it proposes to merge into main. */
  branch: string;
  state: 'open' | 'closed';
  /** Whether its changes reached main (a merged pull request is also closed). */
  merged: boolean;
}

/**
 * A login's role on the data repository, from the highest down; `none` for someone who is not a
 * collaborator.
 */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/**
 * Refuses a commit that both writes and removes one path: which one wins would be an accident of
 * the back end, so it is the caller's bug. Thrown before anything is read or written.
 */
export function checkCommitRequest(files: readonly FileChange[], options: CommitOptions): void {
  const removed = new Set(options.remove ?? []);
  const both = files.find((f) => removed.has(f.path));
  if (both)
    throw new Error(`${both.path} is both written and removed in one commit: a bug in the caller.`);
}

/**
 * The programme's data repository, whatever holds it: a local Git repository (the embedded
 * default) or a private GitHub repository. Both implementations pass the same contract tests
 * (tests/store/data-store-contract.test.ts). Paths are always relative and generated by our code,
 * never taken from user input; titles, bodies and messages hold ids, never personal data.
 */
export interface DataStore {
  /** The records' data keys, kept where they can be destroyed. */
  readonly keys: KeyStore;
  /**
   * Makes the repository usable (the local one is created on first use; GitHub's is checked to
   * be reachable) and says where it is, for people: a folder or `owner/name`.
   */
  ready(): Promise<{ location: string }>;
  /**
   * The text of a file, decoded as UTF-8, or undefined when there is none. For text files only: a
   * binary file (bytes committed as a `Uint8Array`) does not survive the decoding.
   */
  readFile(path: string, options?: BranchOption): Promise<string | undefined>;
  /**
   * The texts of several files at once, in the order given (undefined where there is none); text
   * files only, as `readFile`.
   */
  readFiles(paths: readonly string[], options?: BranchOption): Promise<(string | undefined)[]>;
  /** The paths of the files under `folder`, sorted. */
  listFiles(folder: string, options?: BranchOption): Promise<string[]>;
  /**
   * Writes `files` and deletes `options.remove` in one commit, and returns the commit id (`files`
   * may be empty when something is removed; a path in both is refused). With `{ create: true }`,
   * fails with `FileExistsError` if any of `files` exists already, naming the first one in the
   * order given, and writes nothing.
   */
  commit(files: readonly FileChange[], message: string, options?: CommitOptions): Promise<string>;
  /**
   * Creates `branch` from main if it does not exist; with `reset`, moves it back onto main. The
   * name may hold slashes (`binomes/2026-2027`).
   */
  ensureBranch(branch: string, options?: { reset?: boolean }): Promise<void>;
  /** Opens a pull request from `branch` into main, or updates the open one's title and body. */
  upsertPullRequest(request: { branch: string; title: string; body: string }): Promise<Thread>;
  /**
   * Pull request #number as it stands (open, closed, merged), or undefined when #number is an
   * issue or does not exist: GitHub answers both with one 404, so neither back end tells them
   * apart.
   */
  pullRequest(number: number): Promise<PullRequest | undefined>;
  /** The files a pull request changes compared with main. */
  pullRequestFiles(number: number): Promise<ChangedFile[]>;
  /**
   * Merges `head` into `base` (a branch name alone: into main); `merged` is false when `base`
   * already had all of it. `commit` is `base`'s commit afterwards. A merge commit (with
   * `message`) is made when `base` cannot simply move forward to `head`, where the local
   * repository fast-forwards and GitHub still makes one. Once merged into main, the open pull
   * request of `head` is merged and closed. A conflict raises `MergeConflictError`, with nothing
   * written.
   */
  mergeBranch(what: string | Merge, message: string): Promise<{ merged: boolean; commit: string }>;
  /**
   * What `login` may do on the data repository, to decide whether a command a person typed in a
   * comment may run. `none` when they are not a collaborator (or not a user); any other failure
   * to find out raises `PermissionUnknownError`, so that the caller fails closed. The local
   * repository answers `admin`: it belongs to the person at the terminal.
   */
  permissionOf(login: string): Promise<Permission>;
  /**
   * Comments once on an issue or pull request, then updates that same comment: it is found by
   * `marker`, an HTML comment kept at the top of its body.
   */
  upsertComment(request: { number: number; marker: string; body: string }): Promise<{ id: number }>;
  addLabels(number: number, labels: readonly string[]): Promise<void>;
  /** A new comment, each time: GitHub e-mails it to the people who watch the issue. */
  addComment(number: number, body: string): Promise<{ id: number }>;
  /**
   * Opens an issue carrying `label`, or updates the open one that carries it; says what its body
   * was before (empty for a new issue), so that a caller can tell what is new.
   */
  upsertIssue(request: {
    label: string;
    title: string;
    body: string;
  }): Promise<Thread & { previousBody: string }>;
}

/** The hidden marker that identifies a comment Binôme keeps up to date. */
export function markerComment(marker: string): string {
  return `<!-- binome:${marker} -->`;
}
