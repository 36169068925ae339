import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dataKeys } from '../../schemas/data-layout.ts';
import { createOctokit } from '../../scripts/store/create-octokit.ts';
import { KeyExistsError } from '../../scripts/store/data-store.ts';
import { GitHubKeyStore } from '../../scripts/store/github-key-store.ts';
import { GitHubRequestRejectedError } from '../../scripts/store/github-store.ts';
import { gitHubHarness, watchStandIn } from '../helpers/github-harness.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { backends } from './backends.ts';

// Wrapped keys are age's armoured text in real use; any text will do here (synthetic, with one
// non-ASCII character to show it comes back as it went in).
const wrapped = (n: number) =>
  `-----BEGIN AGE ENCRYPTED FILE-----\nclé-${n}\n-----END AGE ENCRYPTED FILE-----\n`;

describe.each(Object.keys(backends))('the key store contract: %s', (backend) => {
  const make = backends[backend]!;

  it('reads back the text a key was created with; a record without one has none', async () => {
    const { keys } = await make();
    await keys.create('mentee-aaaaaa', wrapped(1));
    expect(await keys.read('mentee-aaaaaa')).toBe(wrapped(1));
    expect(await keys.read('mentee-bbbbbb')).toBeUndefined();
  });

  it('refuses a second key for one record and keeps the first', async () => {
    const { keys } = await make();
    await keys.create('mentor-aaaaaa', wrapped(1));
    await expect(keys.create('mentor-aaaaaa', wrapped(2))).rejects.toMatchObject({
      name: 'KeyExistsError',
      id: 'mentor-aaaaaa',
    });
    await expect(keys.create('mentor-aaaaaa', wrapped(3))).rejects.toBeInstanceOf(KeyExistsError);
    expect(await keys.read('mentor-aaaaaa')).toBe(wrapped(1));
  });

  it('replaces an existing key, and only an existing one', async () => {
    const { keys } = await make();
    await keys.create('mentee-aaaaaa', wrapped(1));
    expect(await keys.replace('mentee-aaaaaa', wrapped(2))).toBe(true);
    expect(await keys.read('mentee-aaaaaa')).toBe(wrapped(2));
    expect(await keys.replace('mentee-bbbbbb', wrapped(3))).toBe(false);
    expect(await keys.read('mentee-bbbbbb')).toBeUndefined();
    expect(await keys.list()).toEqual(['mentee-aaaaaa']);
  });

  it('destroys a key once: then it reads as none, and a second destroy says there was none', async () => {
    const { keys } = await make();
    await keys.create('mentee-aaaaaa', wrapped(1));
    expect(await keys.destroy('mentee-aaaaaa')).toBe(true);
    expect(await keys.read('mentee-aaaaaa')).toBeUndefined();
    expect(await keys.destroy('mentee-aaaaaa')).toBe(false);
    expect(await keys.replace('mentee-aaaaaa', wrapped(2))).toBe(false);
    // Destroyed is not « taken »: the id could be given a key again.
    await keys.create('mentee-aaaaaa', wrapped(3));
    expect(await keys.read('mentee-aaaaaa')).toBe(wrapped(3));
  });

  it('lists the records that have a key, sorted, without the destroyed ones', async () => {
    const { keys } = await make();
    expect(await keys.list()).toEqual([]);
    for (const id of ['mentor-zzzzzz', 'mentee-bbbbbb', 'mentor-aaaaaa', 'mentee-aaaaaa'])
      await keys.create(id, wrapped(1));
    await keys.destroy('mentor-aaaaaa');
    expect(await keys.list()).toEqual(['mentee-aaaaaa', 'mentee-bbbbbb', 'mentor-zzzzzz']);
  });

  it('keeps keys out of every branch: no file, and no commit on main', async () => {
    const store = await make();
    await store.ready();
    const seed = await store.commit(
      [{ path: 'applications/mentees/mentee-aaaaaa.json', content: '{}\n' }],
      'Add mentee-aaaaaa',
    );
    await store.ensureBranch('avant-les-cles');
    await store.keys.create('mentee-aaaaaa', wrapped(1));
    await store.keys.create('mentee-bbbbbb', wrapped(2));
    await store.keys.replace('mentee-aaaaaa', wrapped(3));
    await store.keys.destroy('mentee-bbbbbb');
    for (const branch of ['main', 'avant-les-cles']) {
      expect(await store.listFiles('', { branch })).toEqual([
        'applications/mentees/mentee-aaaaaa.json',
      ]);
      expect(
        await store.readFiles([dataKeys.blobName, dataKeys.file('mentee-aaaaaa')], { branch }),
      ).toEqual([undefined, undefined]);
    }
    // The branch made from main before the keys already holds all of main: main did not move.
    expect(await store.mergeBranch({ head: 'main', base: 'avant-les-cles' }, 'Check')).toEqual({
      merged: false,
      commit: seed,
    });
  });

  it('refuses an id that is not a record’s (RangeError) before writing anything', async () => {
    const store = await make();
    const { keys } = store;
    for (const id of ['../x', 'mentee-abc123/../../x', 'MENTEE-ABC123', '']) {
      await expect(keys.create(id, wrapped(1))).rejects.toBeInstanceOf(RangeError);
      await expect(keys.read(id)).rejects.toBeInstanceOf(RangeError);
      await expect(keys.replace(id, wrapped(1))).rejects.toBeInstanceOf(RangeError);
      await expect(keys.destroy(id)).rejects.toBeInstanceOf(RangeError);
    }
    expect(await keys.list()).toEqual([]);
    expect(await store.listFiles('')).toEqual([]);
  });
});

describe('the GitHub key store, on the stand-in', () => {
  it('stores each key as one orphan commit, pointed to by refs/binome-keys/<id> alone', async () => {
    const { store, standIn } = gitHubHarness();
    await store.keys.create('mentee-abc123', wrapped(1));
    const sha = standIn.git.refs.get('binome-keys/mentee-abc123')!;
    const commit = standIn.git.commits.get(sha)!;
    expect(commit).toMatchObject({ parents: [], message: 'Data key' });
    expect([...standIn.git.trees.get(commit.tree)!.keys()]).toEqual([dataKeys.blobName]);
    expect([...standIn.git.refs.keys()].sort()).toEqual([
      'binome-keys/mentee-abc123',
      'heads/main',
    ]);
    // A replacement is another orphan: the old key is reachable from nothing.
    await store.keys.replace('mentee-abc123', wrapped(2));
    const next = standIn.git.commits.get(standIn.git.refs.get('binome-keys/mentee-abc123')!)!;
    expect(next.parents).toEqual([]);
    expect(next.sha).not.toBe(sha);
  });

  it('leaves a destroyed key’s commit in GitHub’s objects, unreachable', async () => {
    const { store, standIn } = gitHubHarness();
    await store.keys.create('mentee-abc123', wrapped(1));
    const sha = standIn.git.refs.get('binome-keys/mentee-abc123')!;
    expect(await store.keys.destroy('mentee-abc123')).toBe(true);
    expect(standIn.git.refs.has('binome-keys/mentee-abc123')).toBe(false);
    // GitHub keeps unreachable objects until it collects garbage, and serves them to whoever
    // asks by sha: deleting the ref hides the key, it does not wipe it. The README's section on
    // erasure explains what remains and why it is harmless; the stand-in keeps them likewise.
    const tree = standIn.git.trees.get(standIn.git.commits.get(sha)!.tree)!;
    expect(standIn.git.blobs.get(tree.get(dataKeys.blobName)!)?.toString('utf8')).toBe(wrapped(1));
  });

  it('sends nothing for an invalid id', async () => {
    const { store, standIn } = gitHubHarness();
    await expect(store.keys.create('../x', wrapped(1))).rejects.toBeInstanceOf(RangeError);
    await expect(store.keys.destroy('../x')).rejects.toBeInstanceOf(RangeError);
    expect(standIn.requests).toEqual([]);
  });

  it('takes a ref its own retried request created as created, not as another key', async () => {
    // GitHub creates the ref, then the answer is lost (502): Octokit retries, and GitHub says
    // « Reference already exists » about our own commit.
    class LostAnswerStandIn extends GitHubStandIn {
      #lost = false;
      override readonly fetch = async (input: string | URL | Request, init?: RequestInit) => {
        const request = new Request(input, init);
        const response = await this.handle(request);
        if (this.#lost || request.method !== 'POST' || !request.url.endsWith('/git/refs'))
          return response;
        this.#lost = true;
        return new Response(JSON.stringify({ message: 'Bad Gateway' }), { status: 502 });
      };
    }
    const { store, standIn } = gitHubHarness(new LostAnswerStandIn());
    await store.keys.create('mentee-abc123', wrapped(1));
    expect(await store.keys.read('mentee-abc123')).toBe(wrapped(1));
    expect(standIn.requests.filter((r) => r.path.endsWith('/git/refs'))).toHaveLength(2);
  });

  it('puts no key text in the error of a failed write', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({ method: 'POST', path: /\/git\/trees$/, status: 500, times: 4 });
    const error: unknown = await store.keys.create('mentee-abc123', wrapped(1)).catch((e) => e);
    expect(error).toMatchObject({ status: 500 });
    const everything = inspect(error, { depth: 10, showHidden: true });
    expect(everything).not.toContain('clé-1');
    expect(everything).not.toContain(Buffer.from(wrapped(1)).toString('base64').slice(0, 24));
    expect(await store.keys.list()).toEqual([]);
  });

  it('reports an unexpected 422 on a delete as our bug, not as « no key »', async () => {
    const { store, standIn } = gitHubHarness();
    await store.keys.create('mentee-abc123', wrapped(1));
    standIn.inject({ method: 'DELETE', status: 422 });
    await expect(store.keys.destroy('mentee-abc123')).rejects.toBeInstanceOf(
      GitHubRequestRejectedError,
    );
    expect(await store.keys.read('mentee-abc123')).toBe(wrapped(1));
  });

  it('does not take a repository it cannot see (404) for one without the key', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const octokit = createOctokit({
      credentials: { kind: 'token', token: 'github_pat_test_0000' },
      fetch: standIn.fetch,
      log: () => {},
    });
    const keys = new GitHubKeyStore(octokit, { owner: standIn.owner, repo: 'autre-depot' });
    await expect(keys.destroy('mentee-abc123')).rejects.toMatchObject({ status: 404 });
    await expect(keys.list()).rejects.toMatchObject({ status: 404 });
  });
});
