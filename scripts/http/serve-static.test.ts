import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './serve-static.ts';

let handle: (request: Request) => Promise<Response>;
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'binome-static-'));
  await mkdir(join(root, 'contact'));
  await writeFile(join(root, 'index.html'), '<h1>Accueil</h1>');
  await writeFile(join(root, 'contact', 'index.html'), '<h1>Contact</h1>');
  await writeFile(join(root, '404.html'), '<h1>Page introuvable</h1>');
  await writeFile(join(tmpdir(), 'secret.txt'), 'secret');
  handle = serveStatic(root);
});

const get = (path: string, method = 'GET') =>
  handle(new Request(`http://localhost${path}`, { method }));

describe('serveStatic', () => {
  it('serves index.html of a folder, with security headers', async () => {
    const response = await get('/contact/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toBe('<h1>Contact</h1>');
  });

  it('redirects a folder without its trailing slash', async () => {
    const response = await get('/contact?x=1');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/contact/?x=1');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never redirects to another site (a path that starts with two slashes)', async () => {
    const response = await handle(new Request('http://localhost/.//evil.example/..%2fcontact'));
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toMatch(/^\/[^/]/);
  });

  it('answers the site’s 404 page for anything unknown', async () => {
    const response = await get('/nulle-part/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page introuvable');
  });

  it('never leaves its folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('secret');
    }
  });

  it('compresses text for clients that accept gzip', async () => {
    const response = await handle(
      new Request('http://localhost/contact/', { headers: { 'accept-encoding': 'gzip, br' } }),
    );
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
    expect(new TextDecoder().decode(gunzipSync(body))).toBe('<h1>Contact</h1>');
  });

  it('refuses other methods and answers HEAD without a body', async () => {
    const post = await get('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(post.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(post.headers.get('referrer-policy')).toBe('same-origin');
    expect(post.headers.get('strict-transport-security')).toBeNull();
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('adds HSTS to every answer when the site is served over HTTPS', async () => {
    const secure = serveStatic(root, 'https://mentorat.example');
    for (const [path, method] of [
      ['/contact/', 'GET'],
      ['/contact', 'GET'],
      ['/', 'POST'],
    ] as const) {
      const response = await secure(new Request(`https://mentorat.example${path}`, { method }));
      expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=/);
    }
  });
});
