import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** An entry of a Git tree: `100644` for a file, `40000` for a folder. */
export interface TreeEntry {
  mode: string;
  name: string;
  /** 40 hexadecimal digits. */
  sha: string;
}

/** A Git object as stored loose: its id and its zlib-compressed bytes. */
export function looseObject(
  type: 'blob' | 'tree' | 'commit',
  body: Buffer,
): { sha: string; compressed: Buffer } {
  const full = Buffer.concat([Buffer.from(`${type} ${body.byteLength}\0`), body]);
  return { sha: createHash('sha1').update(full).digest('hex'), compressed: deflateSync(full) };
}

// Git orders a tree's entries by name, comparing a folder as if its name ended with « / ».
const sortKey = (entry: TreeEntry) =>
  Buffer.from(entry.mode === '40000' ? `${entry.name}/` : entry.name);

/** The body of a tree object, entries in Git's order. */
export function encodeTree(entries: readonly TreeEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  return Buffer.concat(
    sorted.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
  );
}

/** The entries of a tree object's body. */
export function parseTree(body: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < body.byteLength) {
    const space = body.indexOf(0x20, offset);
    const nul = body.indexOf(0, space);
    entries.push({
      mode: body.subarray(offset, space).toString('latin1'),
      name: body.subarray(space + 1, nul).toString('utf8'),
      sha: body.subarray(nul + 1, nul + 21).toString('hex'),
    });
    offset = nul + 21;
  }
  return entries;
}

/** The body of a commit object, as `git commit-tree` writes it. */
export function encodeCommit(commit: {
  tree: string;
  parents: readonly string[];
  person: string;
  seconds: number;
  message: string;
}): Buffer {
  const stamp = `${commit.person} ${commit.seconds} +0000`;
  const lines = [
    `tree ${commit.tree}`,
    ...commit.parents.map((p) => `parent ${p}`),
    `author ${stamp}`,
    `committer ${stamp}`,
    '',
    commit.message.endsWith('\n') ? commit.message : `${commit.message}\n`,
  ];
  return Buffer.from(lines.join('\n'));
}

/** Parses the output of `git cat-file --batch` for the requests given, in order. */
export function parseBatch(output: Buffer, count: number): (Buffer | undefined)[] {
  const results: (Buffer | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < count; i += 1) {
    const end = output.indexOf(10, offset);
    const header = output.subarray(offset, end).toString('utf8');
    offset = end + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      results.push(undefined);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    results.push(output.subarray(offset, offset + size));
    offset += size + 1;
  }
  return results;
}
