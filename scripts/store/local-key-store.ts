import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dataKeys, isApplicationId } from '../../schemas/data-layout.ts';
import { KeyExistsError, type KeyStore } from './data-store.ts';

/** A key lock older than this was left by a process that died: taken over. */
const staleLockMs = 10_000;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Overwrites a file with zeros, then deletes it; false when there was none. */
async function shred(path: string): Promise<boolean> {
  try {
    // Overwritten before it is unlinked: on a plain disk the old bytes do not linger in the
    // file's blocks (a journaling or copy-on-write file system may still keep a copy).
    const { size } = await stat(path);
    const file = await open(path, 'r+');
    try {
      await file.write(Buffer.alloc(size), 0, size, 0);
      await file.sync();
    } finally {
      await file.close();
    }
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The embedded default's data keys: one file per record in `<data>/binome-keys/`, beside the
 * bare repository's objects and never committed, so `git clone data` copies none of them and
 * destroying one is deleting a file. Each write goes through a temporary file, so a key file is
 * either whole or absent, and `create` links it into place, which fails if the name is taken:
 * two processes creating the same key cannot both succeed. `replace` and `destroy` hold the
 * key's lock, so a rotation cannot bring back a key an erasure destroyed; and a temporary file a
 * killed process left behind is shredded with the key it belongs to.
 */
export class LocalKeyStore implements KeyStore {
  readonly #directory: string;

  /** @param directory the data repository's folder (the bare repository). */
  constructor(directory: string) {
    this.#directory = directory;
  }

  #path(id: string): string {
    return join(this.#directory, dataKeys.file(id));
  }

  async #temporary(id: string, wrapped: string): Promise<string> {
    const target = this.#path(id);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(wrapped);
        await file.sync();
      } finally {
        await file.close();
      }
    } catch (error) {
      await shred(temporary);
      throw error;
    }
    return temporary;
  }

  async #locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    const lock = `${this.#path(id)}.lock`;
    await mkdir(dirname(lock), { recursive: true, mode: 0o700 });
    for (let waited = 0; ; waited += 20) {
      try {
        await (await open(lock, 'wx', 0o600)).close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = await stat(lock).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0,
        );
        if (age > staleLockMs) await rm(lock, { force: true });
        else if (waited > 2 * staleLockMs) throw new Error('A data key stays locked.');
        else await new Promise((done) => setTimeout(done, 20));
      }
    }
    try {
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  }

  async create(id: string, wrapped: string): Promise<void> {
    const target = this.#path(id);
    const temporary = await this.#temporary(id, wrapped);
    try {
      await link(temporary, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KeyExistsError(id);
      throw error;
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async read(id: string): Promise<string | undefined> {
    try {
      return await readFile(this.#path(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  replace(id: string, wrapped: string): Promise<boolean> {
    return this.#locked(id, async () => {
      if (!(await exists(this.#path(id)))) return false;
      const temporary = await this.#temporary(id, wrapped);
      try {
        await rename(temporary, this.#path(id));
      } catch (error) {
        await shred(temporary);
        throw error;
      }
      return true;
    });
  }

  destroy(id: string): Promise<boolean> {
    return this.#locked(id, async () => {
      const target = this.#path(id);
      const leftovers = (await readdir(dirname(target)).catch(() => [] as string[]))
        .filter((name) => name.startsWith(`${id}.age.`) && name.endsWith('.tmp'))
        .map((name) => join(dirname(target), name));
      for (const leftover of leftovers) await shred(leftover);
      return shred(target);
    });
  }

  async list(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(join(this.#directory, dataKeys.folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => name.endsWith('.age'))
      .map((name) => name.slice(0, -'.age'.length))
      .filter(isApplicationId)
      .sort();
  }
}
