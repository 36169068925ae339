import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** A file for people (a follow-up sheet, an invitation): a relative path and its text. */
export interface Deliverable {
  path: string;
  content: string;
}

/**
 * Where what a coordinator must hand over goes: never into a comment, a log or a commit (a
 * follow-up code is a secret). Returns, in French, where to find it.
 */
export type Delivery = (files: readonly Deliverable[]) => Promise<string>;

/**
 * Writes the files under `root`: the embedded default's data folder on a terminal, or a folder
 * the comment-command job uploads as its artifact (`where` then says how to download it).
 */
export function folderDelivery(
  root: string,
  where?: (paths: readonly string[]) => string,
): Delivery {
  return async (files) => {
    const written: string[] = [];
    for (const file of files) {
      // Our own paths, never a person's words; still, nothing is written outside the folder.
      const target = join(root, file.path);
      if (relative(root, target).startsWith('..'))
        throw new RangeError('Outside the delivery folder.');
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, { mode: 0o600 });
      written.push(target);
    }
    return where ? where(written) : written.join(', ');
  };
}
