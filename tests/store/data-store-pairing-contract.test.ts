import { describe, expect, it } from 'vitest';
import {
  MergeConflictError,
  StaleFileError,
  type DataStore,
} from '../../scripts/store/data-store.ts';
import { backends } from './backends.ts';

// What the pairing needs of a data repository (a branch `binomes/<cohort>` proposed as a pull
// request of pairs/ files, edited by coordinators' commands, then merged), on both back ends.
const branch = 'binomes/2026-2027';
const sha = /^[0-9a-f]{40}$/;

/** main with two pairs and a note, and the cohort's branch made from it. */
async function seeded(store: DataStore): Promise<void> {
  await store.commit(
    [
      { path: 'pairs/pair-aaaaaa.json', content: 'a\n' },
      { path: 'pairs/pair-bbbbbb.json', content: 'b\n' },
      { path: 'notes/x.json', content: 'x\n' },
    ],
    'Seed',
  );
  await store.ensureBranch(branch);
}

describe.each(Object.keys(backends))('the data store contract for pairing: %s', (backend) => {
  const make = backends[backend]!;

  it('removes files in the commit that writes others, ignoring paths that are not there', async () => {
    const store = await make();
    await seeded(store);
    await store.commit([{ path: 'pairs/pair-cccccc.json', content: 'c\n' }], 'Replace a by c', {
      // A folder is no file: `notes` stays.
      remove: ['pairs/pair-aaaaaa.json', 'pairs/pair-zzzzzz.json', 'nowhere/at/all.json', 'notes'],
    });
    expect(await store.listFiles('pairs')).toEqual([
      'pairs/pair-bbbbbb.json',
      'pairs/pair-cccccc.json',
    ]);
    // Nothing but removals, down to an empty folder.
    await store.commit([], 'Remove every pair', {
      remove: ['pairs/pair-bbbbbb.json', 'pairs/pair-cccccc.json'],
    });
    expect(await store.listFiles('pairs')).toEqual([]);
    expect(await store.listFiles('')).toEqual(['notes/x.json']);
  });

  it('writes and removes on a branch whose name holds a slash, leaving main alone', async () => {
    const store = await make();
    await seeded(store);
    await store.ensureBranch(branch);
    await store.commit([{ path: 'pairs/pair-cccccc.json', content: 'c\n' }], 'Propose', {
      branch,
      create: true,
      remove: ['pairs/pair-aaaaaa.json'],
    });
    expect(await store.listFiles('pairs', { branch })).toEqual([
      'pairs/pair-bbbbbb.json',
      'pairs/pair-cccccc.json',
    ]);
    expect(await store.listFiles('pairs')).toEqual([
      'pairs/pair-aaaaaa.json',
      'pairs/pair-bbbbbb.json',
    ]);
    await store.ensureBranch(branch, { reset: true });
    expect(await store.readFile('pairs/pair-aaaaaa.json', { branch })).toBe('a\n');
  });

  it('refuses a path both written and removed, before writing anything', async () => {
    const store = await make();
    await seeded(store);
    await expect(
      store.commit([{ path: 'pairs/pair-aaaaaa.json', content: 'new\n' }], 'Both', {
        remove: ['pairs/pair-bbbbbb.json', 'pairs/pair-aaaaaa.json'],
      }),
    ).rejects.toThrow(/pairs\/pair-aaaaaa\.json is both written and removed/);
    expect(await store.readFiles(['pairs/pair-aaaaaa.json', 'pairs/pair-bbbbbb.json'])).toEqual([
      'a\n',
      'b\n',
    ]);
  });

  it('removes a file read before only if nobody changed it since', async () => {
    const store = await make();
    await seeded(store);
    await store.commit([{ path: 'pairs/pair-aaaaaa.json', content: 'edited\n' }], 'Edit');
    for (const files of [[], [{ path: 'notes/y.json', content: 'y\n' }]])
      await expect(
        store.commit(files, 'Remove what was read', {
          remove: ['pairs/pair-aaaaaa.json'],
          unchanged: new Map([['pairs/pair-aaaaaa.json', 'a\n']]),
        }),
      ).rejects.toBeInstanceOf(StaleFileError);
    expect(await store.readFile('pairs/pair-aaaaaa.json')).toBe('edited\n');
    expect(await store.readFile('notes/y.json')).toBeUndefined();
    await store.commit([], 'Remove what was read', {
      remove: ['pairs/pair-aaaaaa.json'],
      unchanged: new Map([['pairs/pair-aaaaaa.json', 'edited\n']]),
    });
    expect(await store.readFile('pairs/pair-aaaaaa.json')).toBeUndefined();
  });

  it('tells a pull request’s state, and an issue or a missing number from a pull request', async () => {
    const store = await make();
    await seeded(store);
    await store.commit([{ path: 'pairs/pair-cccccc.json', content: 'c\n' }], 'Propose', { branch });
    const issue = await store.upsertIssue({ label: 'binome:digest', title: 'Digest', body: '' });
    const pull = await store.upsertPullRequest({ branch, title: 'Binômes', body: '' });
    expect(await store.pullRequest(pull.number)).toEqual({
      number: pull.number,
      branch,
      state: 'open',
      merged: false,
    });
    expect(await store.pullRequest(issue.number)).toBeUndefined();
    expect(await store.pullRequest(999)).toBeUndefined();
  });

  it('merges a branch into main, then closes its pull request as merged', async () => {
    const store = await make();
    await seeded(store);
    await store.commit([{ path: 'pairs/pair-cccccc.json', content: 'c\n' }], 'Propose', {
      branch,
      remove: ['pairs/pair-aaaaaa.json'],
    });
    const pull = await store.upsertPullRequest({ branch, title: 'Binômes', body: '' });
    const first = await store.mergeBranch(branch, 'Merge the pairs of 2026-2027');
    expect(first).toEqual({ merged: true, commit: expect.stringMatching(sha) as string });
    expect(await store.listFiles('pairs')).toEqual([
      'pairs/pair-bbbbbb.json',
      'pairs/pair-cccccc.json',
    ]);
    expect(await store.pullRequest(pull.number)).toMatchObject({ state: 'closed', merged: true });
    // Nothing left to merge: nothing written, main's commit given back.
    expect(await store.mergeBranch(branch, 'Again')).toEqual({
      merged: false,
      commit: first.commit,
    });
  });

  it('merges a branch and a main that both moved on, when they touch different files', async () => {
    const store = await make();
    await seeded(store);
    await store.commit([{ path: 'pairs/pair-cccccc.json', content: 'c\n' }], 'Propose', { branch });
    const pull = await store.upsertPullRequest({ branch, title: 'Binômes', body: '' });
    await store.commit([{ path: 'notes/x.json', content: 'x2\n' }], 'Meanwhile, on main');
    const { merged } = await store.mergeBranch(branch, 'Merge the pairs of 2026-2027');
    expect(merged).toBe(true);
    expect(await store.readFiles(['pairs/pair-cccccc.json', 'notes/x.json'])).toEqual([
      'c\n',
      'x2\n',
    ]);
    expect(await store.pullRequest(pull.number)).toMatchObject({ state: 'closed', merged: true });
  });

  it('refuses a conflicting merge with MergeConflictError, writing nothing', async () => {
    const store = await make();
    await seeded(store);
    await store.commit([{ path: 'pairs/pair-aaaaaa.json', content: 'ours\n' }], 'Edit', {
      branch,
    });
    const pull = await store.upsertPullRequest({ branch, title: 'Binômes', body: '' });
    await store.commit([{ path: 'pairs/pair-aaaaaa.json', content: 'theirs\n' }], 'Edit on main');
    const error: unknown = await store.mergeBranch(branch, 'Merge').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeConflictError);
    expect(error).toMatchObject({ head: branch, base: 'main' });
    expect((error as Error).message).not.toMatch(/ours|theirs/);
    expect(await store.readFile('pairs/pair-aaaaaa.json')).toBe('theirs\n');
    expect(await store.readFile('pairs/pair-aaaaaa.json', { branch })).toBe('ours\n');
    expect(await store.pullRequest(pull.number)).toMatchObject({ state: 'open', merged: false });
  });

  it('merges main into a branch, or a branch into another, leaving its pull request open', async () => {
    const store = await make();
    await seeded(store);
    await store.commit([{ path: 'pairs/pair-cccccc.json', content: 'c\n' }], 'Propose', { branch });
    const pull = await store.upsertPullRequest({ branch, title: 'Binômes', body: '' });
    await store.commit([{ path: 'notes/x.json', content: 'x2\n' }], 'Meanwhile, on main');
    const update = { head: 'main', base: branch };
    expect(await store.mergeBranch(update, 'Bring up to date')).toMatchObject({ merged: true });
    expect(await store.readFile('notes/x.json', { branch })).toBe('x2\n');
    expect(await store.readFile('pairs/pair-cccccc.json')).toBeUndefined();
    expect(await store.mergeBranch(update, 'Again')).toMatchObject({ merged: false });
    // Merged into another branch than main, a pull request is not merged either.
    await store.ensureBranch('binomes/draft');
    const elsewhere = { head: branch, base: 'binomes/draft' };
    expect(await store.mergeBranch(elsewhere, 'Elsewhere')).toMatchObject({ merged: true });
    expect(await store.readFile('pairs/pair-cccccc.json', { branch: 'binomes/draft' })).toBe('c\n');
    expect(await store.pullRequest(pull.number)).toMatchObject({ state: 'open', merged: false });
  });

  it('says what a login may do: the local repository’s user owns it', async () => {
    const store = await make();
    expect(await store.permissionOf('a-coordinator')).toBe(
      backend === 'local Git' ? 'admin' : 'none',
    );
  });
});
