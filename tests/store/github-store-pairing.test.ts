import { describe, expect, it } from 'vitest';
import { PermissionUnknownError } from '../../scripts/store/data-store.ts';
import { GitHubStoreError } from '../../scripts/store/github-store.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';

const branch = 'binomes/2026-2027';

/** A stand-in whose permission answers carry a role Binôme does not know. */
class StrangeRoleStandIn extends GitHubStandIn {
  protected override beforeCheck(operationId: string, body: unknown): unknown {
    if (operationId !== 'repos/get-collaborator-permission-level') return body;
    return { ...(body as object), permission: 'superuser', role_name: 'superuser' };
  }
}

/** The stand-in with pairs on main, a cohort branch that changes them, and its pull request. */
async function proposed() {
  const harness = gitHubHarness();
  const { store } = harness;
  await store.commit(
    [
      { path: 'pairs/pair-aaaaaa.json', content: 'a\n' },
      { path: 'pairs/pair-bbbbbb.json', content: 'b\n' },
    ],
    'Seed',
  );
  await store.ensureBranch(branch);
  await store.commit([{ path: 'pairs/pair-cccccc.json', content: 'c\n' }], 'Propose', {
    branch,
    remove: ['pairs/pair-aaaaaa.json'],
  });
  const pull = await store.upsertPullRequest({ branch, title: 'Binômes 2026-2027', body: '' });
  return { ...harness, pull };
}

describe('the GitHub back end for pairing', () => {
  it('reads each role from role_name, and a custom role as its base permission', async () => {
    const { store, standIn } = gitHubHarness();
    for (const role of ['admin', 'maintain', 'write', 'triage', 'read'] as const)
      standIn.setPermission(`user-${role}`, role);
    standIn.setPermission('user-custom', { custom: 'coordinator', base: 'write' });
    const logins = ['admin', 'maintain', 'write', 'triage', 'read', 'custom'].map(
      (r) => `user-${r}`,
    );
    expect(await Promise.all(logins.map((login) => store.permissionOf(login)))).toEqual([
      'admin',
      'maintain',
      'write',
      'triage',
      'read',
      'write',
    ]);
  });

  it('answers none for a user without a role (200 « none ») and for a login that is no user (404)', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.setPermission('ghost', 'not a user');
    expect(await store.permissionOf('passer-by')).toBe('none');
    expect(await store.permissionOf('ghost')).toBe('none');
    const asked = standIn.requests.length;
    expect(await store.permissionOf('')).toBe('none');
    expect(standIn.requests.length).toBe(asked);
  });

  it('fails closed when GitHub refuses the question (403 « Resource not accessible by integration »)', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.setPermission('coordinator', 'admin');
    standIn.forbidPermissionChecks();
    const error: unknown = await store.permissionOf('coordinator').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionUnknownError);
    expect(error).toMatchObject({ login: 'coordinator', status: 403 });
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(
      'github_pat_test_0000',
    );
    expect(standIn.requests.filter((r) => r.path.endsWith('/permission'))).toHaveLength(1);
  });

  it('fails closed when GitHub keeps failing, and on a role it does not know', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({ method: 'GET', path: /\/permission$/, status: 502, times: 10 });
    await expect(store.permissionOf('coordinator')).rejects.toMatchObject({
      name: 'PermissionUnknownError',
      status: 502,
    });
    const strange = gitHubHarness(new StrangeRoleStandIn());
    strange.standIn.setPermission('coordinator', 'admin');
    await expect(strange.store.permissionOf('coordinator')).rejects.toBeInstanceOf(
      PermissionUnknownError,
    );
  });

  it('deletes through the Git data API, sending only the files that are there', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit([{ path: 'pairs/pair-aaaaaa.json', content: 'a\n' }], 'Seed');
    const before = standIn.requests.length;
    await store.commit([{ path: 'pairs/pair-bbbbbb.json', content: 'b\n' }], 'Replace', {
      remove: ['pairs/pair-aaaaaa.json', 'pairs/pair-zzzzzz.json'],
    });
    const made = standIn.requests.slice(before);
    expect(made.filter((r) => r.method === 'PUT')).toEqual([]);
    const trees = made.filter((r) => r.method === 'POST' && r.path.endsWith('/git/trees'));
    expect((trees[0]?.body as { tree: unknown[] }).tree).toEqual([
      { path: 'pairs/pair-bbbbbb.json', mode: '100644', type: 'blob', content: 'b\n' },
      { path: 'pairs/pair-aaaaaa.json', mode: '100644', type: 'blob', sha: null },
    ]);
    expect(standIn.file('pairs/pair-aaaaaa.json')).toBeUndefined();
    // Nothing there to delete: no tree to ask GitHub for, main's own is reused.
    const again = standIn.requests.length;
    await store.commit([], 'Remove again', { remove: ['pairs/pair-aaaaaa.json'] });
    expect(standIn.requests.slice(again).filter((r) => r.path.endsWith('/git/trees'))).toEqual([]);
    expect(standIn.file('pairs/pair-bbbbbb.json')).toBe('b\n');
  });

  it('merges with GitHub’s merges API, which makes a merge commit even when main could move forward', async () => {
    const { store, standIn, pull } = await proposed();
    const { commit } = await store.mergeBranch(branch, 'Merge the pairs of 2026-2027');
    expect(standIn.requests.find((r) => r.path.endsWith('/merges'))?.body).toEqual({
      base: 'main',
      head: branch,
      commit_message: 'Merge the pairs of 2026-2027',
    });
    expect(standIn.git.commits.get(commit)?.parents).toHaveLength(2);
    expect(standIn.git.refs.get('heads/main')).toBe(commit);
    expect(standIn.issues.find((i) => i.number === pull.number)?.pull?.merged?.sha).toBe(commit);
  });

  it('reports a merge of a branch that does not exist', async () => {
    const { store } = gitHubHarness();
    await expect(store.mergeBranch('binomes/nowhere', 'Merge')).rejects.toBeInstanceOf(
      GitHubStoreError,
    );
  });

  it.each(['merge', 'squash'] as const)(
    'sees a pull request a coordinator merged on GitHub’s website (%s), and main with its files',
    async (method) => {
      const { store, standIn, pull } = await proposed();
      standIn.mergePullRequest(pull.number, method);
      expect(await store.pullRequest(pull.number)).toEqual({
        number: pull.number,
        branch,
        state: 'closed',
        merged: true,
      });
      expect(await store.listFiles('pairs')).toEqual([
        'pairs/pair-bbbbbb.json',
        'pairs/pair-cccccc.json',
      ]);
    },
  );
});
