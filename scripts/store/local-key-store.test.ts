import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalKeyStore } from './local-key-store.ts';

describe('the embedded default’s key files', () => {
  it('destroys with a key the temporary copies a killed process left behind', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'binome-keys-'));
    const keys = new LocalKeyStore(directory);
    await keys.create('mentee-aaaaa1', 'wrapped key');
    await keys.create('mentee-aaaaa2', 'another');
    // What a process killed between writing and renaming leaves.
    await writeFile(join(directory, 'binome-keys', 'mentee-aaaaa1.age.0123456789ab.tmp'), 'copy');
    expect(await keys.destroy('mentee-aaaaa1')).toBe(true);
    expect((await readdir(join(directory, 'binome-keys'))).sort()).toEqual(['mentee-aaaaa2.age']);
  });

  it('never brings back a key a concurrent erasure destroyed', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'binome-keys-'));
    const keys = new LocalKeyStore(directory);
    for (let round = 0; round < 30; round += 1) {
      const id = `mentee-${String(round).padStart(6, '0')}`;
      await keys.create(id, 'old');
      const [replaced, destroyed] = await Promise.all([keys.replace(id, 'new'), keys.destroy(id)]);
      expect(destroyed).toBe(true);
      expect(typeof replaced).toBe('boolean');
      expect(await keys.read(id)).toBeUndefined();
    }
  });
});
