import { createHash } from 'node:crypto';

/** A flat tree: file path -> blob sha. */
export type Tree = ReadonlyMap<string, string>;

export interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  date: string;
}

const sha1 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

/**
 * The Git side of the stand-in: blobs, trees, commits and refs in memory, with Git's own rules
 * (a ref moves by fast-forward unless forced; a blob's sha is Git's). A blob holds bytes, as Git
 * does: text is stored as its UTF-8, a binary file (a PDF) exactly as sent.
 */
export class FakeRepository {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, Tree>();
  readonly commits = new Map<string, Commit>();
  readonly refs = new Map<string, string>();
  #clock = 0;

  constructor() {
    const tree = this.writeTree(new Map());
    this.refs.set('heads/main', this.writeCommit({ tree, parents: [], message: 'Initial commit' }));
  }

  /** Stores a blob (text as UTF-8, bytes as they are, copied) and returns Git's sha1 of it. */
  writeBlob(content: string | Uint8Array): string {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const sha = sha1(`blob ${bytes.byteLength}\0`, bytes);
    this.blobs.set(sha, bytes);
    return sha;
  }

  writeTree(entries: Tree): string {
    const sorted = [...entries].sort(([a], [b]) => a.localeCompare(b));
    const sha = sha1(`tree ${JSON.stringify(sorted)}`);
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  writeCommit(commit: Omit<Commit, 'sha' | 'date'>): string {
    const date = new Date(Date.UTC(2026, 10, 23, 10, 0, this.#clock++))
      .toISOString()
      .replace('.000', '');
    const sha = sha1(`commit ${JSON.stringify({ ...commit, date })}`);
    this.commits.set(sha, { ...commit, sha, date });
    return sha;
  }

  /** The commit a branch name, `heads/<branch>` or commit sha designates. */
  resolve(ref: string): Commit | undefined {
    const sha = this.refs.get(ref) ?? this.refs.get(`heads/${ref}`) ?? ref;
    return this.commits.get(sha);
  }

  treeOf(ref: string): Tree | undefined {
    const commit = this.resolve(ref);
    return commit ? this.trees.get(commit.tree) : (this.trees.get(ref) ?? undefined);
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    const queue = [descendant];
    const seen = new Set<string>();
    while (queue.length) {
      const sha = queue.shift()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  /** The nearest commit both descend from, walking back from `b` (enough for a stand-in). */
  mergeBase(a: string, b: string): string | undefined {
    // The best common ancestor, as Git picks it: one that no other common ancestor descends
    // from (after a branch was brought up to date with main, the first common ancestor met
    // walking back is not always the nearest one).
    const common: string[] = [];
    const queue = [b];
    const seen = new Set<string>();
    while (queue.length) {
      const sha = queue.shift()!;
      if (seen.has(sha)) continue;
      seen.add(sha);
      if (this.isAncestor(sha, a)) common.push(sha);
      else queue.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return common.find((c) => !common.some((d) => d !== c && this.isAncestor(c, d)));
  }

  /**
   * The tree of a three-way merge of two commits, file by file from their merge base, or
   * undefined when both changed one file differently (or one changed it, the other removed it).
   */
  mergeTrees(ours: string, theirs: string): string | undefined {
    const base = this.mergeBase(ours, theirs);
    const [b, o, t] = [base, ours, theirs].map((sha) =>
      sha ? (this.treeOf(sha) ?? new Map<string, string>()) : new Map<string, string>(),
    ) as [Tree, Tree, Tree];
    const merged = new Map<string, string>();
    for (const path of new Set([...o.keys(), ...t.keys(), ...b.keys()])) {
      const [was, mine, yours] = [b.get(path), o.get(path), t.get(path)];
      const kept = mine === yours || yours === was ? mine : mine === was ? yours : null;
      if (kept === null) return undefined;
      if (kept !== undefined) merged.set(path, kept);
    }
    return this.writeTree(merged);
  }

  /**
   * A new commit on `branch` writing `files` (text, bytes, or null to delete); returns its sha.
   */
  commitFiles(
    branch: string,
    files: ReadonlyMap<string, string | Uint8Array | null>,
    message: string,
  ): string {
    const parent = this.resolve(branch)!;
    const entries = new Map(this.trees.get(parent.tree));
    for (const [path, content] of files) {
      if (content === null) entries.delete(path);
      else entries.set(path, this.writeBlob(content));
    }
    const sha = this.writeCommit({ tree: this.writeTree(entries), parents: [parent.sha], message });
    this.refs.set(`heads/${branch}`, sha);
    return sha;
  }
}
