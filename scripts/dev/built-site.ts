import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSettings } from '../../schemas/read-settings.ts';
import { defaultKeyFile, ensureLocalKeyPair } from '../privacy/local-key-pair.ts';
import { serveLocalApp, type LocalAppOptions } from '../http/create-local-app.ts';
import { LocalGitStore } from '../store/local-git-store.ts';

export const distDir = resolve('dist');

/** The built site's HTML files, relative to dist/ (e.g. `contact/index.html`). */
export async function builtPages(): Promise<string[]> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      'dist/ has no built site: run `npm test` (it builds first) or `npm run build`.',
    );
  }
  const files = await readdir(distDir, { recursive: true });
  return files.filter((f) => f.endsWith('.html')).sort();
}

/** The URL path of a built HTML file: `contact/index.html` -> `/contact/`. */
export function pathOf(file: string): string {
  return '/' + file.replace(/index\.html$/, '');
}

/**
 * Serves dist/ and the intake on a free loopback port, exactly as `npm start` does, with a
 * fresh local data repository of its own.
 */
export async function serveBuiltSite(
  options: Partial<Omit<LocalAppOptions, 'origin' | 'extraOrigins'>> = {},
) {
  await builtPages();
  const store =
    options.store ?? new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-site-data-')));
  // Like `npm start`: identities sealed to a key pair of the data folder's own.
  const recipients =
    options.recipients ??
    (store instanceof LocalGitStore
      ? [(await ensureLocalKeyPair(defaultKeyFile(store.directory))).recipient]
      : undefined);
  const { server, url } = await serveLocalApp({
    root: distDir,
    store,
    settings: readSettings(await readFile('content/programme.yaml', 'utf8')),
    log: () => {},
    ...(recipients ? { recipients } : {}),
    ...options,
  });
  return { url, store, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
