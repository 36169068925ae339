import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPairId } from '../../schemas/data-layout.ts';

/** Where the conventions go: a folder (the local data repository's, or a workflow artifact's). */
export interface ConventionFolder {
  /** Where it is, for the messages. */
  where: string;
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  list(): Promise<string[]>;
  remove(name: string): Promise<void>;
}

/**
 * A folder of conventions on disk: on the embedded default `<data>/conventions`, inside the local
 * data repository's folder beside its Git objects and keys, never committed (like the keys, so
 * that erasure removes them for good); on GitHub, the folder a workflow uploads as its artifact.
 * Files are readable by their owner only: they name people.
 */
export function conventionFolder(path: string): ConventionFolder {
  return {
    where: path,
    async read(name) {
      try {
        return new Uint8Array(await readFile(join(path, name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(name, bytes) {
      await mkdir(path, { recursive: true, mode: 0o700 });
      // Written beside, then renamed over: an interrupted run never leaves half a PDF.
      const partial = join(path, `.${name}.partial`);
      await writeFile(partial, bytes, { mode: 0o600 });
      await rename(partial, join(path, name));
    },
    async list() {
      try {
        return (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
    async remove(name) {
      await rm(join(path, name), { force: true });
      // And what a run killed while writing it may have left.
      await rm(join(path, `.${name}.partial`), { force: true });
    },
  };
}

/** A pair's convention in such a folder: `<pairId>.pdf`. */
export const conventionFileName = (pairId: string) => `${pairId}.pdf`;

/** The pair a file of such a folder is the convention of, if it is one. */
export function pairOfConventionFile(name: string): string | undefined {
  const id = name.endsWith('.pdf') ? name.slice(0, -'.pdf'.length) : '';
  return isPairId(id) ? id : undefined;
}

/** The embedded default's conventions: `<data>/conventions`. */
export const localConventionsPath = (dataDir: string) => join(dataDir, 'conventions');
