import { describe, expect, it } from 'vitest';
import { listen } from '../../scripts/http/listen.ts';
import { gitHubHarness, watchStandIn } from '../helpers/github-harness.ts';
import { GitHubStandIn, violationPrefix } from './github-stand-in.ts';

const auth = { authorization: 'token test', 'content-type': 'application/json' };
const api = 'https://api.github.com/repos/clavim/mentorat-donnees';

/** A stand-in that drops one field from every answer of one operation, to see the check bite. */
class BrokenStandIn extends GitHubStandIn {
  readonly #operationId: string;
  readonly #field: string;
  constructor(operationId: string, field: string) {
    super();
    this.#operationId = operationId;
    this.#field = field;
  }
  protected override beforeCheck(operationId: string, body: unknown): unknown {
    if (operationId !== this.#operationId || !body || typeof body !== 'object') return body;
    const broken: Record<string, unknown> = { ...body };
    delete broken[this.#field];
    return broken;
  }
}

async function messageOf(response: Response): Promise<string> {
  return ((await response.json()) as { message: string }).message;
}

describe('the GitHub stand-in', () => {
  it('records a call it does not implement as a violation, and answers 400', async () => {
    const standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    const response = await standIn.fetch(`${api}/branches`, { headers: auth });
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toMatch(new RegExp(`^${violationPrefix}`));
    expect(standIn.violations).toEqual([
      'Not implemented by the stand-in (and not in the subset): GET /repos/clavim/mentorat-donnees/branches',
    ]);
  });

  it('records a request body that misses a required field, and answers 400, not 422', async () => {
    const standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    const response = await standIn.fetch(`${api}/issues`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'no title' }),
    });
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toMatch(/^Binôme stand-in: contract violation: /);
    expect(standIn.violations).toHaveLength(1);
    expect(standIn.violations[0]).toMatch(/issues\/create request body: .*title/);
    expect(standIn.issues).toEqual([]);
  });

  it('records a misspelt field in a request body (request bodies are closed)', async () => {
    const standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    const response = await standIn.fetch(`${api}/contents/screening/mentee-aaaaaa.json`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ message: 'Screen', content: 'e30K', brnach: 'main' }),
    });
    expect(response.status).toBe(400);
    expect(standIn.violations).toHaveLength(1);
    expect(standIn.violations[0]).toMatch(
      /repos\/create-or-update-file-contents request body: .*additional properties/,
    );
    expect(standIn.file('screening/mentee-aaaaaa.json')).toBeUndefined();
  });

  it('records a response that lacks a field GitHub’s description requires, and answers 400', async () => {
    const standIn = watchStandIn(new BrokenStandIn('issues/create', 'number'), {
      violationsExpected: true,
    });
    const response = await standIn.fetch(`${api}/issues`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Candidatures à examiner' }),
    });
    expect(response.status).toBe(400);
    expect(standIn.violations).toHaveLength(1);
    expect(standIn.violations[0]).toMatch(
      /^issues\/create 201 response: .*must have required property 'number'/,
    );
  });

  it('answers a violation with a status the store gives no meaning to', async () => {
    // A file read whose answer breaks the description must not read as « no such file » (404).
    const harness = gitHubHarness(new BrokenStandIn('repos/get-content', 'sha'), {
      violationsExpected: true,
    });
    await harness.store.commit([{ path: 'pairs/keep.json', content: '{}\n' }], 'Seed');
    await expect(harness.store.readFile('pairs/keep.json')).rejects.toMatchObject({ status: 400 });
    expect(harness.standIn.violations[0]).toMatch(/^repos\/get-content 200 response: /);
  });

  it.fails('fails, through the harness, a test whose stand-in saw a violation', async () => {
    const { standIn } = gitHubHarness();
    await standIn.fetch(`${api}/branches`, { headers: auth });
  });

  it.fails('fails a test that expected a violation and saw none', async () => {
    const { store } = gitHubHarness(undefined, { violationsExpected: true });
    await store.listFiles('applications');
  });

  it('refuses to delete a file that is not in the tree (422), as GitHub’s description says', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const main = standIn.git.resolve('main')!;
    const response = await standIn.fetch(`${api}/git/trees`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        base_tree: main.tree,
        tree: [{ path: 'pairs/pair-aaaaaa.json', mode: '100644', type: 'blob', sha: null }],
      }),
    });
    expect(response.status).toBe(422);
    expect(await messageOf(response)).toBe('GitRPC::BadObjectState');
  });

  it('marks a pull request merged when its commits are pushed into its base, not when its head is reset onto it', async () => {
    const { store, standIn } = gitHubHarness();
    for (const name of ['binomes/a', 'binomes/b']) {
      await store.ensureBranch(name);
      await store.commit([{ path: `${name}.json`, content: '1\n' }], 'Propose', { branch: name });
      await store.upsertPullRequest({ branch: name, title: name, body: '' });
    }
    await store.ensureBranch('binomes/b', { reset: true });
    const head = standIn.git.refs.get('heads/binomes/a')!;
    const response = await standIn.fetch(`${api}/git/refs/heads/main`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ sha: head, force: false }),
    });
    expect(response.status).toBe(200);
    expect(standIn.issues.map((i) => [i.state, i.pull?.merged?.sha])).toEqual([
      ['closed', head],
      ['open', undefined],
    ]);
  });

  it('offers no website merge of a pull request that conflicts or is not open', async () => {
    const { store, standIn } = gitHubHarness();
    await store.ensureBranch('binomes/a');
    await store.commit([{ path: 'a.json', content: 'ours\n' }], 'Ours', { branch: 'binomes/a' });
    const { number } = await store.upsertPullRequest({ branch: 'binomes/a', title: 'A', body: '' });
    await store.commit([{ path: 'a.json', content: 'theirs\n' }], 'Theirs');
    expect(() => standIn.mergePullRequest(number)).toThrow(/conflicts/);
    await store.commit([{ path: 'a.json', content: 'ours\n' }], 'Agree');
    standIn.mergePullRequest(number);
    expect(() => standIn.mergePullRequest(number)).toThrow(/not an open pull request/);
  });

  it('refuses requests without credentials, as GitHub does', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const response = await standIn.fetch(`${api}/git/ref/heads/main`);
    expect(response.status).toBe(401);
  });

  it('serves on 127.0.0.1 too', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
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
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
