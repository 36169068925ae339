import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageSecurityHeaders, securityHeadersFor } from '../intake/security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

async function fileAt(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // Not there: the caller answers 404.
  }
  return undefined;
}

/**
 * A `Request -> Response` handler serving the built site from `root` (GET and HEAD), with the
 * site's own 404 page, directory redirects (`/contact` -> `/contact/`) and, on every answer, the
 * security headers (HSTS when `origin`, the site's own address, is HTTPS).
 */
export function serveStatic(
  root: string,
  origin = 'http://127.0.0.1',
): (request: Request) => Promise<Response> {
  const top = normalize(root + sep);
  const security = securityHeadersFor(origin);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Méthode non autorisée.', {
        status: 405,
        headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', ...security },
      });
    }
    const url = new URL(request.url);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/\u0000';
    }
    const target = normalize(join(top, pathname));
    const inside = target.startsWith(top) || target + sep === top;
    const found = inside && !pathname.includes('\u0000') ? await fileAt(target) : undefined;
    if (
      found &&
      !pathname.endsWith('/') &&
      found.endsWith(`${sep}index.html`) &&
      !pathname.endsWith('.html')
    ) {
      return new Response(null, {
        status: 308,
        // One leading slash only: `//host/…` would send the browser to another site.
        headers: { location: `/${url.pathname.replace(/^\/+/, '')}/${url.search}`, ...security },
      });
    }
    const status = found ? 200 : 404;
    const file = found ?? (await fileAt(join(top, '404.html')));
    const raw = file ? await readFile(file) : Buffer.from('Page introuvable.');
    const type = file
      ? (contentTypes[extname(file)] ?? 'application/octet-stream')
      : 'text/plain; charset=utf-8';
    // Compress text as a static host would (GitHub Pages does), so sizes measured here are real.
    const gzip =
      /^(text\/|application\/(json|xml)|image\/svg)/.test(type) &&
      /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
    const body = gzip ? gzipSync(raw) : raw;
    const headers: Record<string, string> = {
      'content-type': type,
      'content-length': String(body.byteLength),
      vary: 'accept-encoding',
      ...(found ? pageSecurityHeaders(origin, url.pathname) : security),
    };
    if (gzip) headers['content-encoding'] = 'gzip';
    return new Response(request.method === 'HEAD' ? null : body, { status, headers });
  };
}
