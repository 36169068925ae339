import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';

const branch = 'binomes/2026-2027';

async function fresh() {
  const store = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-local-pairing-')));
  await store.ready();
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', store.directory, ...args], { encoding: 'utf8' }).trim();
  return { store, git };
}

describe('the local back end for pairing', () => {
  it('drops the folders a removal leaves empty, as Git keeps none', async () => {
    const { store, git } = await fresh();
    await store.commit(
      [
        { path: 'pairs/2026/pair-aaaaaa.json', content: 'a\n' },
        { path: 'notes/x.json', content: 'x\n' },
      ],
      'Seed',
    );
    await store.commit([], 'Remove', { remove: ['pairs/2026/pair-aaaaaa.json'] });
    expect(git('ls-tree', '-r', '-t', '--name-only', 'main').split('\n')).toEqual([
      'notes',
      'notes/x.json',
    ]);
    expect(git('fsck', '--strict', '--no-dangling')).toBe('');
  });

  it('fast-forwards main when it has nothing of its own, else makes a two-parent merge commit', async () => {
    const { store, git } = await fresh();
    await store.ensureBranch(branch);
    await store.commit([{ path: 'pairs/pair-aaaaaa.json', content: 'a\n' }], 'Propose', {
      branch,
    });
    const forward = await store.mergeBranch(branch, 'Merge');
    expect(forward.commit).toBe(git('rev-parse', branch));
    await store.commit([{ path: 'pairs/pair-bbbbbb.json', content: 'b\n' }], 'More', { branch });
    await store.commit([{ path: 'notes/x.json', content: 'x\n' }], 'Meanwhile, on main');
    const { commit } = await store.mergeBranch(branch, 'Merge the pairs of 2026-2027');
    expect(git('rev-list', '--parents', '-n', '1', 'main').split(' ')).toEqual([
      commit,
      expect.stringMatching(/^[0-9a-f]{40}$/),
      git('rev-parse', branch),
    ]);
    expect(git('log', '-1', '--format=%s%n%an', 'main')).toBe(
      'Merge the pairs of 2026-2027\nBinôme',
    );
  });

  it('reads a forge.json written before pull requests could be merged', async () => {
    const { store } = await fresh();
    await store.ensureBranch(branch);
    const { number } = await store.upsertPullRequest({ branch, title: 'Binômes', body: '' });
    const file = join(store.directory, 'forge.json');
    const forge = JSON.parse(await readFile(file, 'utf8')) as { threads: { merged?: boolean }[] };
    for (const thread of forge.threads) delete thread.merged;
    await writeFile(file, JSON.stringify(forge));
    expect(await store.pullRequest(number)).toEqual({
      number,
      branch,
      state: 'open',
      merged: false,
    });
  });
});
