import type { DataStore } from './data-store.ts';

/** How many files one step of a long reading covers. */
export const readStep = 64;

/**
 * `store`, whose long readings say how far they are: `readFiles` reads `readStep` files at a
 * time and calls `onProgress(done, total)` after each step. Reading is what makes a command long
 * on GitHub (one request a file: a programme of 2,500 files takes minutes), while on the local
 * repository it takes milliseconds; the caller decides whether to show it.
 */
export function withReadProgress<S extends DataStore>(
  store: S,
  onProgress: (done: number, total: number) => void,
): S {
  const readFiles: DataStore['readFiles'] = async (paths, options) => {
    if (paths.length <= readStep) return store.readFiles(paths, options);
    const texts: (string | undefined)[] = [];
    for (let at = 0; at < paths.length; at += readStep) {
      texts.push(...(await store.readFiles(paths.slice(at, at + readStep), options)));
      onProgress(texts.length, paths.length);
    }
    return texts;
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readFiles') return readFiles;
      const value: unknown = Reflect.get(target, property, receiver);
      // Methods run on the store itself: private fields (#…) are not reachable through a proxy.
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
