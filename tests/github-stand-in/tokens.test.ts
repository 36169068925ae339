import { describe, expect, it } from 'vitest';
import { watchStandIn } from '../helpers/github-harness.ts';
import { GitHubStandIn } from './github-stand-in.ts';
import { RateLimits } from './rate-limits.ts';

const api = 'https://api.github.com/repos/clavim/mentorat-donnees';

/** A request with `token`, answered in-process: its status, its JSON body and its headers. */
async function call(
  standIn: GitHubStandIn,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  const response = await standIn.fetch(`${api}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await response.json()) as Record<string, unknown> & { message?: string };
  return { status: response.status, body, headers: response.headers };
}

/** A stand-in with issue #1 and pull request #2, opened by Binôme's App. */
async function withThreads() {
  const standIn = watchStandIn(new GitHubStandIn());
  standIn.addToken('ghs_app', { login: 'binome-app[bot]' });
  await call(standIn, 'ghs_app', '/issues', { method: 'POST', body: { title: 'Issue' } });
  await call(standIn, 'ghs_app', '/git/refs', {
    method: 'POST',
    body: { ref: 'refs/heads/binomes/a', sha: standIn.git.resolve('main')!.sha },
  });
  const pull = await call(standIn, 'ghs_app', '/pulls', {
    method: 'POST',
    body: { title: 'Binôme A', head: 'binomes/a', base: 'main' },
  });
  expect(pull.status).toBe(201);
  return standIn;
}

describe('tokens with an owner and rights', () => {
  it('accepts any token as Binôme’s bot while none was added, as before', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const made = await call(standIn, 'anything', '/issues', {
      method: 'POST',
      body: { title: 'Candidatures' },
    });
    expect(made.status).toBe(201);
    expect(made.body['user']).toMatchObject({ login: 'binome-bot[bot]', type: 'Bot' });
    expect(standIn.issues[0]).not.toHaveProperty('author');
    expect(made.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  it('names the token’s owner as the author of what it creates, and of a closing', async () => {
    const standIn = await withThreads();
    standIn.addToken('github_pat_camille', { login: 'camille-coord' });
    const comment = await call(standIn, 'github_pat_camille', '/issues/1/comments', {
      method: 'POST',
      body: { body: 'Vu.' },
    });
    expect(comment.body['user']).toMatchObject({ login: 'camille-coord', type: 'User' });
    const closed = await call(standIn, 'github_pat_camille', '/issues/1', {
      method: 'PATCH',
      body: { state: 'closed' },
    });
    expect(closed.body['user']).toMatchObject({ login: 'binome-app[bot]', type: 'Bot' });
    expect(closed.body['closed_by']).toMatchObject({ login: 'camille-coord' });
  });

  it('refuses an expired token, and any unknown one once tokens were added, 401', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    standIn.addToken('github_pat_old', { login: 'camille-coord', expired: true });
    for (const token of ['github_pat_old', 'github_pat_other']) {
      const refused = await call(standIn, token, '/issues');
      expect(refused.status).toBe(401);
      expect(refused.body.message).toBe('Bad credentials');
    }
  });

  it('hides a repository the token was not given behind a 404, as GitHub does', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    standIn.addToken('github_pat_elsewhere', {
      login: 'camille-coord',
      repositories: ['clavim/site'],
    });
    const hidden = await call(standIn, 'github_pat_elsewhere', '/issues');
    expect(hidden.status).toBe(404);
    expect(hidden.body.message).toBe('Not Found');
  });

  it('checks the target: commenting on a pull request needs pull_requests, on an issue issues', async () => {
    const standIn = await withThreads();
    standIn.addToken('github_pat_issues', {
      login: 'camille-coord',
      rights: { issues: 'write', pull_requests: 'read' },
    });
    const onIssue = await call(standIn, 'github_pat_issues', '/issues/1/comments', {
      method: 'POST',
      body: { body: 'Oui.' },
    });
    expect(onIssue.status).toBe(201);
    const onPull = await call(standIn, 'github_pat_issues', '/issues/2/comments', {
      method: 'POST',
      body: { body: 'Oui.' },
    });
    expect(onPull.status).toBe(403);
    expect(onPull.body.message).toBe('Resource not accessible by personal access token');
    expect(onPull.headers.get('x-accepted-github-permissions')).toBe(
      'issues=write; pull_requests=write',
    );
    expect((await call(standIn, 'github_pat_issues', '/git/ref/heads/main')).status).toBe(403);
  });

  it('words a refusal to a GitHub App’s token as GitHub does (« by integration »)', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    standIn.addToken('ghs_reader', { login: 'binome-app[bot]', rights: { contents: 'read' } });
    expect((await call(standIn, 'ghs_reader', '/git/ref/heads/main')).status).toBe(200);
    const refused = await call(standIn, 'ghs_reader', '/issues', {
      method: 'POST',
      body: { title: 'x' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Resource not accessible by integration');
  });
});

describe('primary rate limits', () => {
  it('refuses every caller past an exhausted limit, 403 with remaining 0, until cleared', async () => {
    const standIn = await withThreads();
    standIn.addToken('github_pat_camille', { login: 'camille-coord' });
    standIn.exhaustRateLimit(60);
    const user = await call(standIn, 'github_pat_camille', '/issues');
    expect(user.status).toBe(403);
    expect(user.body.message).toMatch(
      /^API rate limit exceeded for user ID \d+\. If you reach out to GitHub Support for help, please include the request ID [0-9A-F:]+ and timestamp \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$/,
    );
    expect(user.headers.get('x-ratelimit-remaining')).toBe('0');
    const app = await call(standIn, 'ghs_app', '/issues');
    expect(app.body.message).toMatch(/^API rate limit exceeded for installation ID \d+\. /);
    standIn.clearRateLimit();
    expect((await call(standIn, 'github_pat_camille', '/issues')).status).toBe(200);
  });

  it('leaves the primary limit as it is on a secondary limit (remaining not 0)', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    standIn.inject({ status: 403, retryAfter: 2 });
    const limited = await call(standIn, 'any', '/issues');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  it('counts an hour per caller, refuses past the limit, and starts afresh after the reset', () => {
    let now = Date.UTC(2026, 10, 23, 10);
    const limits = new RateLimits(() => now);
    const spent = [1, 2, 3, 4].map(() => limits.spend('camille', 3));
    expect(spent.map((s) => [s.exceeded, s.headers['x-ratelimit-remaining']])).toEqual([
      [false, '2'],
      [false, '1'],
      [false, '0'],
      [true, '0'],
    ]);
    expect(spent[3]!.headers['x-ratelimit-used']).toBe('4');
    expect(limits.spend('dominique', 3).exceeded).toBe(false);
    now += 3600_000;
    expect(limits.spend('camille', 3).headers['x-ratelimit-remaining']).toBe('2');
  });
});
