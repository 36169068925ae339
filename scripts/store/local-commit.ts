import { FileExistsError, StaleFileError, bytesOf, type FileChange } from './data-store.ts';
import { encodeTree, looseObject, parseBatch, parseTree, type TreeEntry } from './git-objects.ts';
import type { LocalGit } from './local-git.ts';

const folderOf = (path: string) => {
  const slash = path.lastIndexOf('/');
  return { folder: slash === -1 ? '' : path.slice(0, slash), name: path.slice(slash + 1) };
};

/**
 * Builds a commit on `parent` in-process: one `git cat-file --batch` reads the folders the
 * changed paths are in, then blobs, trees and the commit are written as loose objects by our own
 * code (checked against Git's ids in git-objects.test.ts). Two processes per commit instead of
 * eight: starting a process is most of the cost on a small machine.
 */
export async function buildCommit(
  git: LocalGit,
  parent: string | undefined,
  change: {
    files: readonly FileChange[];
    remove: readonly string[];
    message: string;
    create: boolean;
    unchanged?: ReadonlyMap<string, string | undefined> | undefined;
  },
): Promise<string> {
  const { files, remove, unchanged } = change;
  const folders = new Set<string>(['']);
  for (const path of [...files.map((f) => f.path), ...remove]) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
  }
  // Folders of paths that must be unchanged but are not written are read, never rewritten.
  const written = new Set(folders);
  for (const path of unchanged?.keys() ?? []) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
  }
  const ordered = [...folders];
  const bodies = parent
    ? parseBatch(
        await git.bytes(
          ['cat-file', '--batch'],
          ordered.map((f) => (f ? `${parent}:${f}\n` : `${parent}^{tree}\n`)).join(''),
        ),
        ordered.length,
      )
    : ordered.map(() => undefined);
  const trees = new Map<string, TreeEntry[]>(
    ordered.map((folder, i) => [folder, bodies[i] ? parseTree(bodies[i]!) : []]),
  );
  /** Where `path` sits: its folder's entries, and its index there (-1: absent). */
  const locate = (path: string) => {
    const { folder, name } = folderOf(path);
    const entries = trees.get(folder)!;
    return { entries, index: entries.findIndex((e) => e.name === name), name };
  };
  const checkUnchanged = (path: string, current: string | undefined) => {
    if (!unchanged?.has(path)) return;
    const expected = unchanged.get(path);
    const expectedSha =
      expected === undefined ? undefined : looseObject('blob', Buffer.from(expected)).sha;
    if (current !== expectedSha) throw new StaleFileError(path);
  };
  for (const file of files) {
    const { entries, index, name } = locate(file.path);
    if (index !== -1 && change.create) throw new FileExistsError(file.path);
    checkUnchanged(file.path, entries[index]?.sha);
    const entry = {
      mode: '100644',
      name,
      // Text as UTF-8, bytes (a PDF) as they are.
      sha: await git.writeObject('blob', Buffer.from(bytesOf(file.content))),
    };
    if (index === -1) entries.push(entry);
    else entries[index] = entry;
  }
  for (const path of remove) {
    const { entries, index } = locate(path);
    checkUnchanged(path, entries[index]?.sha);
    // Only a file is removed: a folder's name here is ignored, as a path that is not there.
    if (index !== -1 && entries[index]!.mode !== '40000') entries.splice(index, 1);
  }
  const changed = new Set([...files.map((f) => f.path), ...remove]);
  for (const path of unchanged?.keys() ?? []) {
    if (changed.has(path)) continue;
    const { entries, index } = locate(path);
    checkUnchanged(path, entries[index]?.sha);
  }
  // Deepest folders first, each written into its parent, up to the root; a folder left empty is
  // dropped from its parent, as Git keeps no empty folders.
  for (const folder of ordered
    .filter((folder) => folder && written.has(folder))
    .sort((a, b) => b.split('/').length - a.split('/').length)) {
    const entries = trees.get(folder)!;
    const { folder: up, name } = folderOf(folder);
    const parentEntries = trees.get(up)!;
    const index = parentEntries.findIndex((e) => e.name === name);
    if (!entries.length) {
      if (index !== -1) parentEntries.splice(index, 1);
      continue;
    }
    const entry = { mode: '40000', name, sha: await git.writeObject('tree', encodeTree(entries)) };
    if (index === -1) parentEntries.push(entry);
    else parentEntries[index] = entry;
  }
  const tree = await git.writeObject('tree', encodeTree(trees.get('')!));
  return git.writeCommit(tree, parent ? [parent] : [], change.message);
}
