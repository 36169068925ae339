import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { listen } from '../../scripts/http/listen.ts';
import { serveStatic } from '../../scripts/http/serve-static.ts';

export const distDir = resolve('dist');

/** The built site's HTML files, relative to dist/ (e.g. `contact/index.html`). */
export async function builtPages(): Promise<string[]> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      'dist/ has no built site: run `npm test` (it builds first) or `npx astro build`.',
    );
  }
  const files = await readdir(distDir, { recursive: true });
  return files.filter((f) => f.endsWith('.html')).sort();
}

/** The URL path of a built HTML file: `contact/index.html` -> `/contact/`. */
export function pathOf(file: string): string {
  return '/' + file.replace(/index\.html$/, '');
}

/** Serves dist/ on a free loopback port, as `npm start` does. */
export async function serveBuiltSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url } = await listen(serveStatic(distDir));
  return { url, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
