import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicationPath, submissionPath } from '../../schemas/data-layout.ts';
import { FileExistsError, type DataStore } from '../store/data-store.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { storeApplication } from './store-application.ts';

/**
 * A store whose first commit lands but answers as if the marker were already there (a lost
 * answer, retried by the store), and whose first read of that marker sees nothing yet (a stale
 * read): what GitHub can do, all at once.
 */
function flaky(store: LocalGitStore): DataStore {
  let commits = 0;
  let reads = 0;
  return Object.assign(Object.create(store) as DataStore, {
    keys: store.keys,
    async commit(...args: Parameters<DataStore['commit']>) {
      const sha = await store.commit(...args);
      if ((commits += 1) === 1) throw new FileExistsError(args[0][0]!.path);
      return sha;
    },
    async readFile(...args: Parameters<DataStore['readFile']>) {
      return (reads += 1) === 1 ? undefined : store.readFile(...args);
    },
  });
}

describe('storing an application whose commit answer was lost', () => {
  it('never destroys the key of a record that landed, even when the marker reads stale', async () => {
    const local = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-store-app-')));
    const ids = ['mentee-aaaaa1', 'mentee-aaaaa2'];
    const outcome = await storeApplication(flaky(local), {
      kind: 'mentee',
      keyHash: 'a'.repeat(64),
      answersHash: 'b'.repeat(64),
      newId: () => ids.shift()!,
      render: async () => ({ file: '{}\n', wrappedKey: 'wrapped' }),
    });
    // The first id landed; the retry found its marker: the same submission, answered once.
    expect(outcome).toMatchObject({ status: 'duplicate', id: 'mentee-aaaaa1' });
    expect(await local.readFile(applicationPath('mentee-aaaaa1'))).toBe('{}\n');
    expect(await local.keys.read('mentee-aaaaa1')).toBe('wrapped');
    // The retry's own key, for an id that never landed, is gone.
    expect(await local.keys.read('mentee-aaaaa2')).toBeUndefined();
    expect(await local.readFile(submissionPath('a'.repeat(64)))).toContain('mentee-aaaaa1');
  });
});
