import type { Server } from 'node:http';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../scripts/http/listen.ts';
import { watchStandIn } from '../helpers/github-harness.ts';
import {
  launchChromiumFor,
  startApiGitHubCom,
  type ApiGitHubCom,
} from '../helpers/https-stand-in.ts';
import { answerCorsHeaders, preflightCorsHeaders } from './cors.ts';
import { GitHubStandIn } from './github-stand-in.ts';

// A coordinators' page calls api.github.com from the browser with a fine-grained token. These
// tests put the stand-in behind a real https://api.github.com for Debian's Chromium (no
// `page.route`, which answers preflights itself): what passes here passes CORS for real.

const comments = 'https://api.github.com/repos/clavim/mentorat-donnees/issues/1/comments';
const coordinatorToken = 'github_pat_11COORDINATOR0camille';
const readerToken = 'github_pat_11READER0dominique';
const botToken = 'ghs_binomeAppInstallationToken';

/** What a page's fetch gave: the status, body and headers JavaScript can read, or its error. */
type Outcome<Headers> =
  | { status: number; body: { message?: string } & Record<string, unknown>; headers: Headers }
  | { error: string };

/** A stand-in whose CORS headers a test changes, to show the browser refusing the result. */
class CorsBrokenStandIn extends GitHubStandIn {
  readonly #change: (preflight: boolean, headers: Record<string, string>) => void;
  constructor(change: (preflight: boolean, headers: Record<string, string>) => void) {
    super();
    this.#change = change;
  }
  protected override corsHeaders(preflight: boolean): Readonly<Record<string, string>> {
    const headers = { ...super.corsHeaders(preflight) };
    this.#change(preflight, headers);
    return headers;
  }
}

let standIn: GitHubStandIn = new GitHubStandIn();
let api: ApiGitHubCom;
let browser: Browser;
let pageServer: Server;
let pageUrl: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // One server and one browser for the file; each test brings its own stand-in behind them.
  api = await startApiGitHubCom({ handle: (request) => standIn.handle(request) });
  const page = await listen(
    async () =>
      new Response('<!doctype html><html lang="fr"><title>Coordination</title></html>', {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }),
  );
  pageServer = page.server;
  pageUrl = page.url;
  browser = await launchChromiumFor(api);
});

afterAll(async () => {
  await browser?.close();
  pageServer?.closeAllConnections();
  pageServer?.close();
  await api?.close();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A fresh stand-in for this test, its answers checked against GitHub's description. */
function use<T extends GitHubStandIn>(fresh: T): T {
  standIn = watchStandIn(fresh);
  return fresh;
}

/**
 * A fresh browser context (so a fresh preflight cache: Chromium reuses a preflight's answer for
 * its max-age, capped at two hours) and a page served from http://127.0.0.1, as the
 * coordinators' page.
 */
async function openPage() {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(pageUrl);
  return page;
}

/** Calls GitHub from the page, exactly as the coordinators' page does. */
async function fetchFromPage(
  token: string,
  init: { method?: string; body?: unknown; url?: string } = {},
): Promise<Outcome<Headers>> {
  const page = await openPage();
  const seen = await page.evaluate(
    async ({ url, method, token, body }): Promise<Outcome<[string, string][]>> => {
      try {
        const response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
          // Only what CORS lets JavaScript see: the safelisted headers and the exposed ones.
          headers: [...response.headers],
        };
      } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
      }
    },
    { url: init.url ?? comments, method: init.method ?? 'GET', token, body: init.body },
  );
  return 'error' in seen ? seen : { ...seen, headers: new Headers(seen.headers) };
}

function answered(outcome: Outcome<Headers>) {
  if ('error' in outcome) throw new Error(`The page's fetch failed: ${outcome.error}`);
  return outcome;
}

/** A stand-in with issue #1 opened by Binôme's App, a coordinator's and a reader's tokens. */
async function withIssue<T extends GitHubStandIn>(fresh: T): Promise<T> {
  use(fresh);
  fresh.addToken(botToken, { login: 'binome-app[bot]' });
  fresh.addToken(coordinatorToken, {
    login: 'camille-coord',
    rights: { contents: 'read', issues: 'write', pull_requests: 'write' },
  });
  fresh.addToken(readerToken, { login: 'dominique-lit', rights: { issues: 'read' } });
  const opened = await fresh.fetch('https://api.github.com/repos/clavim/mentorat-donnees/issues', {
    method: 'POST',
    headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Binôme à valider' }),
  });
  expect(opened.status).toBe(201);
  return fresh;
}

describe('the GitHub stand-in as api.github.com for a page in Chromium', () => {
  it('takes a coordinator’s comment through a real preflight, then a GET, and tells the rate limit', async () => {
    await withIssue(new GitHubStandIn());
    const posted = answered(
      await fetchFromPage(coordinatorToken, { method: 'POST', body: { body: 'Validé.' } }),
    );
    expect(posted.status).toBe(201);
    expect(posted.body['user']).toMatchObject({ login: 'camille-coord', type: 'User' });
    expect(standIn.preflights).toEqual([
      {
        path: '/repos/clavim/mentorat-donnees/issues/1/comments',
        origin: pageUrl.replace(/\/$/, ''),
        method: 'POST',
        headers: 'authorization,content-type,x-github-api-version',
      },
    ]);
    expect(standIn.requests.map((r) => r.method)).toEqual(['POST', 'POST']);

    // Binôme's App answers, in-process: a test tells the two apart by `user.type`.
    await standIn.fetch(comments, {
      method: 'POST',
      headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Binôme enregistré.' }),
    });

    const read = answered(await fetchFromPage(coordinatorToken));
    expect(read.status).toBe(200);
    expect(
      (read.body as unknown as { user: { login: string; type: string } }[]).map((c) => c.user),
    ).toMatchObject([
      { login: 'camille-coord', type: 'User' },
      { login: 'binome-app[bot]', type: 'Bot' },
    ]);
    // The GET had its own preflight: each fetch here opens a context with an empty cache.
    expect(standIn.preflights.map((p) => p.method)).toEqual(['POST', 'GET']);
    // Only the coordinator's own requests count against their hour; the App has its own.
    expect(read.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(Number(posted.headers.get('x-ratelimit-remaining'))).toBe(4999);
    expect(read.headers.get('x-ratelimit-remaining')).toBe('4998');
    expect(read.headers.get('x-ratelimit-used')).toBe('2');
    expect(read.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(read.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(read.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
    // Not exposed by GitHub: the browser hides it from JavaScript.
    expect(read.headers.get('x-accepted-github-permissions')).toBeNull();
    expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers a token it does not know 401 « Bad credentials », readable by the page', async () => {
    await withIssue(new GitHubStandIn());
    const outcome = answered(await fetchFromPage('github_pat_11UNKNOWN0token'));
    expect(outcome.status).toBe(401);
    expect(outcome.body.message).toBe('Bad credentials');
    expect(outcome.headers.get('x-ratelimit-limit')).toBe('60');
  });

  it('answers a token without issues write 403, as GitHub answers a fine-grained token', async () => {
    await withIssue(new GitHubStandIn());
    const refused = answered(
      await fetchFromPage(readerToken, { method: 'POST', body: { body: 'Je valide.' } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Resource not accessible by personal access token');
    expect(standIn.comments).toEqual([]);
    expect(answered(await fetchFromPage(readerToken)).status).toBe(200);
  });

  it('lets the page read a spent rate limit: 403, remaining 0, and when it resets', async () => {
    await withIssue(new GitHubStandIn());
    standIn.exhaustRateLimit(600);
    const limited = answered(await fetchFromPage(coordinatorToken));
    expect(limited.status).toBe(403);
    expect(limited.body.message).toMatch(/^API rate limit exceeded for user ID \d+\. /);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset - Date.now() / 1000).toBeGreaterThan(590);
    expect(reset - Date.now() / 1000).toBeLessThanOrEqual(601);
    standIn.clearRateLimit();
    expect(answered(await fetchFromPage(coordinatorToken)).status).toBe(200);
  });
});

describe('the browser refuses what GitHub would not allow (the check bites)', () => {
  it('fails the fetch when no CORS header is sent: the request never leaves the preflight', async () => {
    await withIssue(
      new CorsBrokenStandIn((_, headers) => {
        for (const name of Object.keys(headers)) delete headers[name];
      }),
    );
    const outcome = await fetchFromPage(coordinatorToken, { method: 'POST', body: { body: 'x' } });
    expect(outcome).toEqual({ error: 'TypeError: Failed to fetch' });
    expect(standIn.preflights).toHaveLength(1);
    expect(standIn.comments).toEqual([]);
  });

  it('fails the fetch when only the answer lacks Access-Control-Allow-Origin, though GitHub acted', async () => {
    await withIssue(
      new CorsBrokenStandIn((preflight, headers) => {
        if (!preflight) delete headers['access-control-allow-origin'];
      }),
    );
    const outcome = await fetchFromPage(coordinatorToken, { method: 'POST', body: { body: 'x' } });
    expect(outcome).toEqual({ error: 'TypeError: Failed to fetch' });
    // The comment was made: a page that retries on this error would post it twice.
    expect(standIn.comments).toHaveLength(1);
  });

  it('fails the fetch when the preflight does not allow X-GitHub-Api-Version', async () => {
    await withIssue(
      new CorsBrokenStandIn((preflight, headers) => {
        if (preflight)
          headers['access-control-allow-headers'] = headers['access-control-allow-headers']!.split(
            ', ',
          )
            .filter((name) => name !== 'X-GitHub-Api-Version')
            .join(', ');
      }),
    );
    expect(await fetchFromPage(coordinatorToken)).toEqual({ error: 'TypeError: Failed to fetch' });
  });

  it('hides x-ratelimit-remaining from the page when it is not exposed', async () => {
    await withIssue(
      new CorsBrokenStandIn((_, headers) => {
        headers['access-control-expose-headers'] = 'ETag, Link';
      }),
    );
    const outcome = answered(await fetchFromPage(coordinatorToken));
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('x-ratelimit-remaining')).toBeNull();
  });

  it('sends GitHub’s CORS headers on every answer, and GitHub’s preflight answer', async () => {
    // A call the stand-in does not implement, on purpose: its answer too must reach the page.
    standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    const violation = await standIn.handle(
      new Request('https://api.github.com/repos/clavim/mentorat-donnees/branches'),
    );
    expect(violation.status).toBe(400);
    expect(violation.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await standIn.handle(new Request(comments, { method: 'OPTIONS' }));
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toEqual(preflightCorsHeaders);
    expect(answerCorsHeaders['access-control-expose-headers']).toMatch(
      /X-RateLimit-Remaining.*X-RateLimit-Reset/,
    );
    expect(standIn.requests).toHaveLength(1);
  });
});
