import { describe, expect, it } from 'vitest';
import { listen } from '../../scripts/http/listen.ts';
import { GitHubStandIn } from './github-stand-in.ts';

const auth = { authorization: 'token test', 'content-type': 'application/json' };

describe('the GitHub stand-in', () => {
  it('records a call it does not implement as a violation', async () => {
    const standIn = new GitHubStandIn();
    const response = await standIn.fetch(
      'https://api.github.com/repos/clavim/mentorat-donnees/branches',
      { headers: auth },
    );
    expect(response.status).toBe(404);
    expect(standIn.violations).toEqual([
      'Not implemented by the stand-in (and not in the subset): GET /repos/clavim/mentorat-donnees/branches',
    ]);
  });

  it('records a request that breaks GitHub’s description, and answers 422', async () => {
    const standIn = new GitHubStandIn();
    const response = await standIn.fetch(
      'https://api.github.com/repos/clavim/mentorat-donnees/issues',
      {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ body: 'no title' }),
      },
    );
    expect(response.status).toBe(422);
    expect(standIn.violations[0]).toMatch(/issues\/create request body: .*title/);
  });

  it('refuses requests without credentials, as GitHub does', async () => {
    const standIn = new GitHubStandIn();
    const response = await standIn.fetch(
      'https://api.github.com/repos/clavim/mentorat-donnees/git/ref/heads/main',
    );
    expect(response.status).toBe(401);
  });

  it('serves on 127.0.0.1 too', async () => {
    const standIn = new GitHubStandIn();
    const { server, url } = await listen(standIn.handle);
    try {
      const response = await fetch(
        new URL('/repos/clavim/mentorat-donnees/git/ref/heads/main', url),
        { headers: auth },
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as { object: { sha: string } }).object.sha).toMatch(
        /^[0-9a-f]{40}$/,
      );
      expect(standIn.violations).toEqual([]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
