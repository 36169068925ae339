import { describe, expect, it } from 'vitest';
import { FileExistsError } from '../../scripts/store/data-store.ts';
import { GitHubRequestRejectedError } from '../../scripts/store/github-store.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import { GitHubStandIn, shaNotSuppliedMessage } from '../github-stand-in/github-stand-in.ts';

const contents = /\/contents\//;

/** Another writer adds `path` on main just as our multi-file commit is being built. */
class RacingStandIn extends GitHubStandIn {
  readonly #path: string;
  #raced = false;
  constructor(path: string) {
    super();
    this.#path = path;
  }
  protected override beforeCheck(operationId: string, body: unknown): unknown {
    if (operationId === 'git/create-commit' && !this.#raced) {
      this.#raced = true;
      this.git.commitFiles('main', new Map([[this.#path, 'theirs\n']]), 'Another writer');
    }
    return body;
  }
}

describe('the GitHub back end when GitHub fails', () => {
  it('re-reads and retries after a 409 on a stale sha', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit([{ path: 'screening/mentee-aaaaaa.json', content: 'v1\n' }], 'Screen');
    // Another writer changes the file between our read and our write.
    standIn.inject({ method: 'PUT', path: contents, status: 409 });
    await store.commit([{ path: 'screening/mentee-aaaaaa.json', content: 'v2\n' }], 'Screen again');
    expect(standIn.file('screening/mentee-aaaaaa.json')).toBe('v2\n');
    const puts = standIn.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(3);
  });

  it('re-reads and retries an update when the file appeared after it was read', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({ method: 'PUT', path: contents, status: 422, message: shaNotSuppliedMessage });
    await store.commit([{ path: 'screening/mentee-aaaaaa.json', content: 'v1\n' }], 'Screen');
    expect(standIn.file('screening/mentee-aaaaaa.json')).toBe('v1\n');
    expect(standIn.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('reports an existing file (422 « "sha" wasn’t supplied ») as FileExistsError, without retrying', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit(
      [{ path: 'applications/mentors/mentor-aaaaaa.json', content: '1\n' }],
      'Add',
      { create: true },
    );
    await expect(
      store.commit([{ path: 'applications/mentors/mentor-aaaaaa.json', content: '2\n' }], 'Add', {
        create: true,
      }),
    ).rejects.toBeInstanceOf(FileExistsError);
    expect(standIn.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('reports any other 422 on a create as our bug, without retrying or calling it a clash', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({
      method: 'PUT',
      path: contents,
      status: 422,
      message: "Invalid request.\n\nFor 'properties/sha', nil is not a string.",
    });
    const error: unknown = await store
      .commit(
        [{ path: 'applications/mentees/mentee-cccccc.json', content: '{"secret":1}\n' }],
        'Add',
        {
          create: true,
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRequestRejectedError);
    expect(error).toMatchObject({ operation: 'repos.createOrUpdateFileContents', status: 422 });
    expect((error as Error).message).toMatch(/repos\.createOrUpdateFileContents.*422/);
    expect((error as Error).message).not.toMatch(/secret|github_pat/);
    expect(standIn.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('reports a 422 on the Git data API as our bug, without retrying', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({
      method: 'POST',
      path: /\/git\/trees$/,
      status: 422,
      message: 'Invalid tree info',
    });
    await expect(
      store.commit(
        [
          { path: 'pairs/pair-aaaaaa.json', content: '{}\n' },
          { path: 'pairs/pair-bbbbbb.json', content: '{}\n' },
        ],
        'Pairs',
      ),
    ).rejects.toMatchObject({ name: 'GitHubRequestRejectedError', operation: 'git.createTree' });
    expect(standIn.requests.filter((r) => r.path.endsWith('/git/trees'))).toHaveLength(1);
  });

  it('detects a clash in a multi-file create with one read per file, whatever the repository holds', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit(
      Array.from({ length: 20 }, (_, i) => ({
        path: `applications/mentors/mentor-${String(i).padStart(6, '0')}.json`,
        content: `${i}\n`,
      })),
      'Seed',
    );
    const before = standIn.requests.length;
    await expect(
      store.commit(
        [
          { path: 'applications/mentees/mentee-dddddd.json', content: '3\n' },
          { path: 'applications/mentors/mentor-000007.json', content: '4\n' },
        ],
        'Add two, one existing',
        { create: true },
      ),
    ).rejects.toBeInstanceOf(FileExistsError);
    const made = standIn.requests.slice(before);
    expect(made.filter((r) => r.path.includes('/git/trees/'))).toEqual([]);
    expect(made.filter((r) => r.method === 'GET' && contents.test(r.path))).toHaveLength(2);
    expect(made.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(standIn.file('applications/mentors/mentor-000007.json')).toBe('7\n');
  });

  it('sees a file another writer created while a multi-file create was under way', async () => {
    const { store, standIn } = gitHubHarness(new RacingStandIn('pairs/pair-bbbbbb.json'));
    await expect(
      store.commit(
        [
          { path: 'pairs/pair-aaaaaa.json', content: 'ours\n' },
          { path: 'pairs/pair-bbbbbb.json', content: 'ours\n' },
        ],
        'Pairs',
        { create: true },
      ),
    ).rejects.toBeInstanceOf(FileExistsError);
    expect(standIn.file('pairs/pair-bbbbbb.json')).toBe('theirs\n');
    expect(standIn.file('pairs/pair-aaaaaa.json')).toBeUndefined();
    // The fast-forward was refused once, then the clash found from the new head.
    expect(standIn.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('queues its own concurrent multi-file commits, so that none runs out of retries', async () => {
    const { store, standIn } = gitHubHarness();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.commit(
          [
            { path: `applications/mentees/mentee-00000${i.toString(36)}.json`, content: `${i}\n` },
            { path: `intake/submissions/${i}.json`, content: `${i}\n` },
          ],
          `Add ${i}`,
          { create: true },
        ),
      ),
    );
    expect(await store.listFiles('applications/mentees')).toHaveLength(12);
    // No fast-forward was refused: the commits never raced each other.
    expect(standIn.requests.filter((r) => r.method === 'PATCH')).toHaveLength(12);
  });

  it('creates a branch that exists (422) without failing, and resets it only when asked', async () => {
    const { store, standIn } = gitHubHarness();
    await store.ensureBranch('binome/x');
    await store.ensureBranch('binome/x');
    expect(
      standIn.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs')),
    ).toHaveLength(2);
    expect(standIn.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    await store.ensureBranch('binome/x', { reset: true });
    expect(standIn.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('reports a branch creation refused for another reason as our bug', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({
      method: 'POST',
      path: /\/git\/refs$/,
      status: 422,
      message: 'Reference name is invalid',
    });
    await expect(store.ensureBranch('binome/y')).rejects.toMatchObject({
      name: 'GitHubRequestRejectedError',
      operation: 'git.createRef',
    });
  });

  it.each([403, 429] as const)(
    'waits as retry-after says after a %i secondary rate limit, then succeeds',
    async (status) => {
      const { store, standIn, warnings } = gitHubHarness();
      standIn.inject({ method: 'PUT', path: contents, status, retryAfter: 2 });
      const started = performance.now();
      await store.commit(
        [{ path: 'applications/mentees/mentee-bbbbbb.json', content: '{}\n' }],
        'Add',
        { create: true },
      );
      expect(performance.now() - started).toBeGreaterThanOrEqual(10); // 2 s of retry-after at 5 ms a second
      expect(standIn.file('applications/mentees/mentee-bbbbbb.json')).toBe('{}\n');
      expect(warnings.join('\n')).toMatch(/secondary rate limit on PUT .*: retrying in 2 s/);
    },
  );

  it('retries server errors, then gives up with the status after three retries', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({ method: 'GET', path: /\/git\/trees\//, status: 502, times: 2 });
    expect(await store.listFiles('applications')).toEqual([]);
    standIn.inject({ method: 'GET', path: /\/git\/trees\//, status: 500, times: 10 });
    await expect(store.listFiles('applications')).rejects.toMatchObject({ status: 500 });
  });

  it('keeps the token out of errors and logs', async () => {
    const { store, standIn, warnings } = gitHubHarness();
    standIn.inject({ method: 'GET', path: /\/git\/trees\//, status: 503, times: 10 });
    const error = await store.listFiles('x').catch((e: unknown) => e);
    expect(
      JSON.stringify(error, Object.getOwnPropertyNames(error)) + warnings.join(''),
    ).not.toContain('github_pat_test_0000');
  });
});
