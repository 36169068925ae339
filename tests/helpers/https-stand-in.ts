import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../../scripts/dev/browser.ts';

/** What serves GitHub's API: a GitHubStandIn, or anything with its `handle`. */
export interface ApiHandler {
  handle(request: Request): Promise<Response>;
}

export interface ApiGitHubCom {
  port: number;
  /**
   * For Chromium: `https://api.github.com` resolves to this server, and its self-signed
   * certificate, and no other, is trusted.
   */
  chromiumArgs: string[];
  close(): Promise<void>;
}

const run = promisify(execFile);

/** A key and a self-signed certificate for api.github.com, made by openssl in `folder`. */
async function certificate(folder: string): Promise<{ key: Buffer; cert: Buffer }> {
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  // An EC key: generated at once, where RSA takes a noticeable part of a second.
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=api.github.com',
    '-addext',
    'subjectAltName=DNS:api.github.com',
  ]);
  return { key: await readFile(key), cert: await readFile(cert) };
}

/** The base64 SHA-256 of a certificate's public key, as Chromium's SPKI allow-list wants it. */
function spkiHash(cert: Buffer): string {
  const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/** The request as GitHub's API would see it, whatever address the browser really reached. */
async function toRequest(message: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = message.method ?? 'GET';
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(message.url ?? '/', 'https://api.github.com'), {
    method,
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function reply(response: Response, to: ServerResponse): Promise<void> {
  to.writeHead(response.status, Object.fromEntries(response.headers));
  to.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves `api` over HTTPS on a free loopback port, as `https://api.github.com` for a Chromium
 * started with `chromiumArgs`: the browser then makes its real requests, preflights included,
 * through its real network stack and CORS checks — unlike Playwright's `page.route`, which
 * answers preflights itself and would hide a CORS mistake. The certificate and its folder are
 * removed on `close`.
 */
export async function startApiGitHubCom(api: ApiHandler): Promise<ApiGitHubCom> {
  const folder = await mkdtemp(join(tmpdir(), 'binome-api-github-com-'));
  try {
    const { key, cert } = await certificate(folder);
    const server = createServer({ key, cert }, (message, to) => {
      toRequest(message)
        .then((request) => api.handle(request))
        .then((response) => reply(response, to))
        .catch((error: unknown) => {
          // A failure of the stand-in itself: the test sees a 500, and its cause here.
          console.error('api.github.com stand-in:', error);
          if (!to.headersSent) to.writeHead(500);
          to.end();
        });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return {
      port,
      chromiumArgs: [
        // Tried for real with Debian's Chromium 156: both this and `--host-rules` send
        // api.github.com's requests to the port; this one changes name resolution only, so the
        // browser still believes it talks to api.github.com:443 (its Host, its origin).
        `--host-resolver-rules=MAP api.github.com 127.0.0.1:${port}`,
        // Trusts this certificate alone, so the browser context needs no `ignoreHTTPSErrors`
        // (harmless if given) and every other certificate error still shows.
        `--ignore-certificate-errors-spki-list=${spkiHash(cert)}`,
      ],
      close: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Debian's Chromium, with the project's flags, reaching `api` as https://api.github.com. */
export function launchChromiumFor(api: Pick<ApiGitHubCom, 'chromiumArgs'>): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumFlags, ...api.chromiumArgs],
  });
}
