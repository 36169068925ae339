import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConventionFolder } from './run-conventions.ts';

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

/** The embedded default's conventions: `<data>/conventions`. */
export const localConventionsPath = (dataDir: string) => join(dataDir, 'conventions');
