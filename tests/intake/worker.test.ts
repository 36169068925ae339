import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';
import { afterEach, describe, expect, it } from 'vitest';
import { formRoutes } from '../../schemas/form-routes.ts';
import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import { deskHeaderPolicy } from '../../schemas/desk-policy.ts';
import { securityHeaders } from '../../scripts/intake/security-headers.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { watchStandIn } from '../helpers/github-harness.ts';
import {
  builtWorker,
  hostSettings,
  standInApi,
  startWorkerHost,
  workerModule,
} from '../helpers/intake-hosts.ts';

type Entries = readonly (readonly [string, string])[];

const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

/** A stand-in served over HTTP, closed after the test. */
async function servedStandIn(standIn = new GitHubStandIn()) {
  watchStandIn(standIn);
  const api = await standInApi(standIn);
  closing.push(api.close);
  return { standIn, env: api.env };
}

async function worker(...args: Parameters<typeof startWorkerHost>) {
  const host = await startWorkerHost(...args);
  closing.push(host.close);
  return host;
}

const send = (url: string, entries: Entries, kind: 'mentor' | 'mentee' = 'mentee') =>
  fetch(`${url}${formRoutes[kind]}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: url,
      accept: 'application/json',
    },
    body: new URLSearchParams(entries.map(([k, v]) => [k, v])).toString(),
  });

async function solvedProof(url: string): Promise<string> {
  const challenge = (await (await fetch(`${url}/api/altcha/challenge`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  await new Promise((done) => setTimeout(done, 1_100));
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('the Worker bundle', () => {
  it('imports nothing of Node’s, and is far below the plans’ size limits', async () => {
    const { script, gzipBytes } = await builtWorker();
    const code = await readFile(script, 'utf8');
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(code).not.toMatch(/\brequire\(["'](?:crypto|fs|buffer|zlib|path)["']\)/);
    // Cloudflare's limit after compression: 3 MB on the free plan, 10 MB on the paid one.
    expect(gzipBytes).toBeLessThan(1024 * 1024);
    // Nothing in it is generated at run time: Workers forbid eval and new Function.
    expect(code).not.toMatch(/\bnew Function\(|\beval\(/);
  });

  it('refuses a replay and answers a retry alike on two instances of the Worker', async () => {
    const { standIn, env } = await servedStandIn();
    const [one, two] = await Promise.all([worker(env), worker(env)]);
    const proof = await solvedProof(one.url);
    const form = [
      ...aMenteeForm(),
      ['altcha', proof],
      ['idempotencyKey', '7d1c0f00-0000-4000-8000-0000000000aa'],
    ] as const;
    const first = await send(one.url, form);
    expect(first.status).toBe(201);
    const { reference } = (await first.json()) as { reference: string };
    const main = standIn.git.resolve('main')!.sha;

    // The same submission sent again to the other instance (a retry after a lost answer).
    const retry = await send(two.url, form);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { reference: string }).reference).toBe(reference);
    // The same proof of work with another application, on the other instance: a replay.
    const replay = await send(two.url, [
      ...aMenteeForm({ 'identity.firstName': 'Autre' }),
      ['altcha', proof],
    ]);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('proof-of-work-replayed');
    expect(standIn.git.resolve('main')!.sha).toBe(main);
  });

  it('signs in to GitHub as an App with Web Crypto, in workerd, and stores the application', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { standIn, env } = await servedStandIn(
      new GitHubStandIn('clavim', 'mentorat-donnees', {
        id: '424242',
        publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        installationId: 77,
      }),
    );
    const host = await worker({
      BINOME_GITHUB_REPOSITORY: env.BINOME_GITHUB_REPOSITORY,
      BINOME_GITHUB_API_URL: env.BINOME_GITHUB_API_URL,
      BINOME_GITHUB_APP_ID: '424242',
      BINOME_GITHUB_INSTALLATION_ID: '77',
      BINOME_GITHUB_APP_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const response = await send(host.url, aMentorForm(), 'mentor');
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    expect(standIn.file(`applications/mentors/${reference}.json`)).toBeDefined();
    expect(standIn.requests[0]?.path).toBe('/app/installations/77/access_tokens');
    expect(host.logs.join('\n')).not.toContain('PRIVATE KEY');
  });

  it('without its secret, answers 503 in French, stores nothing and logs which variable', async () => {
    const { standIn, env } = await servedStandIn();
    const logs: string[] = [];
    const miniflare = new Miniflare(
      convertV4MiniflareOptions({
        host: '127.0.0.1',
        port: 0,
        ...(await workerModule(undefined, { ...env, BINOME_INTAKE_SECRET: 'trop-court' })),
        handleStructuredLogs: ({ message }) => logs.push(message),
      }),
    );
    closing.push(() => miniflare.dispose());
    const url = (await miniflare.ready).origin;
    const before = standIn.git.resolve('main')?.sha;
    // The form's script reads JSON; a browser without JavaScript gets a page.
    const response = await send(url, aMenteeForm());
    expect(response.status).toBe(503);
    for (const [name, value] of Object.entries(securityHeaders))
      expect(response.headers.get(name)).toBe(value);
    expect(((await response.json()) as { message: string }).message).toBe(
      'Le service d’envoi des formulaires est momentanément indisponible\u00a0: rien n’a été enregistré. Réessayez plus tard.',
    );
    const page = await fetch(`${url}${formRoutes.mentee}`, { method: 'POST' });
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('momentanément indisponible');
    expect(standIn.git.resolve('main')?.sha).toBe(before);
    expect(logs.join('\n')).toContain('BINOME_INTAKE_SECRET must be set');
    expect(logs.join('\n')).not.toContain('trop-court');
  });
});

describe('the Worker’s site', () => {
  it('serves the pages with the security headers, and a missing page the site’s 404 page', async () => {
    const { env } = await servedStandIn();
    const host = await worker(env);
    const home = await fetch(`${host.url}/devenir-mentor/`);
    expect(home.status).toBe(200);
    for (const [name, value] of Object.entries(securityHeaders))
      expect(home.headers.get(name), name).toBe(value);
    const missing = await fetch(`${host.url}/cette-page-n-existe-pas/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await missing.text()).toContain('Page introuvable');
    for (const [name, value] of Object.entries(securityHeaders))
      expect(missing.headers.get(name), name).toBe(value);
    // The coordinators' desk: its own policy instead of the site's (a second one would be
    // enforced too, and forbid GitHub's API), its script and fonts served.
    const desk = await fetch(`${host.url}/coordination/`);
    expect(desk.status).toBe(200);
    expect(desk.headers.get('content-security-policy')).toBe(deskHeaderPolicy);
    expect((await fetch(`${host.url}/coordination/bureau.js`)).status).toBe(200);
  });

  it('answers on the settings’ address before the deployment’s', async () => {
    const { env } = await servedStandIn();
    const settings = hostSettings();
    settings.site.url = 'https://mentorat.example.org';
    const host = await worker(
      { ...env, BINOME_PUBLIC_URL: 'https://ailleurs.example.org' },
      { settings },
    );
    const from = (origin: string) =>
      fetch(`${host.url}${formRoutes.mentee}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          origin,
        },
        body: new URLSearchParams(aMenteeForm().map(([k, v]) => [k, v])).toString(),
      });
    expect((await from('https://ailleurs.example.org')).status).toBe(403);
    const response = await from('https://mentorat.example.org');
    expect(response.status).toBe(201);
    expect(((await response.json()) as { receiptUrl: string }).receiptUrl).toMatch(
      /^https:\/\/mentorat\.example\.org\/api\/candidatures\/recu\?reference=mentee-/,
    );
  });
});

describe('the Worker’s rate limits', () => {
  const tight = hostSettings();
  tight.intake.rateLimit.challengesPerHour = 3;

  /** Two Workers of one account: separate isolates, the same Durable Object namespace. */
  async function twoWorkersSharingBudgets(env: Record<string, string>) {
    const common = await workerModule(tight, env);
    const miniflare = new Miniflare(
      convertV4MiniflareOptions({
        host: '127.0.0.1',
        port: 0,
        workers: [
          { ...common, name: 'a', durableObjects: { CLIENT_BUDGETS: 'ClientBudgetObject' } },
          {
            ...common,
            name: 'b',
            durableObjects: {
              CLIENT_BUDGETS: { className: 'ClientBudgetObject', scriptName: 'a' },
            },
          },
        ],
      }),
    );
    closing.push(() => miniflare.dispose());
    const [a, b] = await Promise.all([miniflare.getWorker('a'), miniflare.getWorker('b')]);
    type Fetcher = { fetch(url: string, init?: RequestInit): Promise<Response> };
    const challenge = (fetcher: unknown) =>
      (fetcher as Fetcher).fetch('http://intake.test/api/altcha/challenge', {
        headers: { 'cf-connecting-ip': '203.0.113.9' },
      });
    return { a, b, challenge };
  }

  it('are kept in a Durable Object: every instance counts against one budget', async () => {
    const { env } = await servedStandIn();
    const { a, b, challenge } = await twoWorkersSharingBudgets(env);
    const statuses = [];
    for (const fetcher of [a, b, a, b]) {
      const response = await challenge(fetcher);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(3000);
        expect(((await response.json()) as { message: string }).message).toContain(
          'Beaucoup de candidatures ont été envoyées depuis votre connexion',
        );
      } else await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('without a Durable Object, still hold in each instance’s memory', async () => {
    const { env } = await servedStandIn();
    const host = await worker(env, { settings: tight, budgets: false });
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await fetch(`${host.url}/api/altcha/challenge`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
