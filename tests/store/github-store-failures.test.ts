import { afterEach, describe, expect, it } from 'vitest';
import { FileExistsError } from '../../scripts/store/data-store.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';

let harness: ReturnType<typeof gitHubHarness>;
afterEach(() => expect(harness.standIn.violations).toEqual([]));

const contents = /\/contents\//;

describe('the GitHub back end when GitHub fails', () => {
  it('re-reads and retries after a 409 on a stale sha', async () => {
    harness = gitHubHarness();
    const { store, standIn } = harness;
    await store.commit([{ path: 'screening/mentee-aaaaaa.json', content: 'v1\n' }], 'Screen');
    // Another writer changes the file between our read and our write.
    standIn.inject({ method: 'PUT', path: contents, status: 409 });
    await store.commit([{ path: 'screening/mentee-aaaaaa.json', content: 'v2\n' }], 'Screen again');
    expect(standIn.file('screening/mentee-aaaaaa.json')).toBe('v2\n');
    const puts = standIn.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(3);
  });

  it('reports an existing file (422) as FileExistsError, without retrying', async () => {
    harness = gitHubHarness();
    const { store, standIn } = harness;
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

  it('creates a branch that exists (422) without failing, and resets it only when asked', async () => {
    harness = gitHubHarness();
    const { store, standIn } = harness;
    await store.ensureBranch('binome/x');
    await store.ensureBranch('binome/x');
    expect(
      standIn.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs')),
    ).toHaveLength(2);
  });

  it.each([403, 429] as const)(
    'waits as retry-after says after a %i secondary rate limit, then succeeds',
    async (status) => {
      harness = gitHubHarness();
      const { store, standIn, warnings } = harness;
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
    harness = gitHubHarness();
    const { store, standIn } = harness;
    standIn.inject({ method: 'GET', path: /\/git\/trees\//, status: 502, times: 2 });
    expect(await store.listFiles('applications')).toEqual([]);
    standIn.inject({ method: 'GET', path: /\/git\/trees\//, status: 500, times: 10 });
    await expect(store.listFiles('applications')).rejects.toMatchObject({ status: 500 });
  });

  it('keeps the token out of errors and logs', async () => {
    harness = gitHubHarness();
    const { store, standIn, warnings } = harness;
    standIn.inject({ method: 'GET', path: /\/git\/trees\//, status: 503, times: 10 });
    const error = await store.listFiles('x').catch((e: unknown) => e);
    expect(
      JSON.stringify(error, Object.getOwnPropertyNames(error)) + warnings.join(''),
    ).not.toContain('github_pat_test_0000');
  });
});
