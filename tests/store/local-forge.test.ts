import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalForge, LocalForgeError } from '../../scripts/store/local-forge.ts';

const folder = () => mkdtemp(join(tmpdir(), 'binome-forge-'));

describe('the local forge (issues, pull requests and comments of the embedded default)', () => {
  it('keeps every change when several writers comment at once', async () => {
    const dir = await folder();
    const { number } = await new LocalForge(dir).upsertThread(() => false, {
      title: 'Binômes proposés',
      body: '',
      labels: [],
      branch: 'binomes/2026-2027',
    });
    // Separate instances, as separate processes would be: only the lock file orders them.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => new LocalForge(dir).addComment(number, `réponse ${i}`)),
    );
    const state = JSON.parse(await readFile(join(dir, 'forge.json'), 'utf8')) as {
      comments: { id: number; body: string }[];
    };
    expect(state.comments.map((c) => c.body).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `réponse ${i}`).sort(),
    );
    expect(new Set(state.comments.map((c) => c.id)).size).toBe(30);
  });

  it('never starts again from nothing over a damaged file', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'forge.json'), '{ "threads": [');
    await expect(
      new LocalForge(dir).upsertThread(() => false, { title: 't', body: '', labels: [] }),
    ).rejects.toThrow(LocalForgeError);
    expect(await readFile(join(dir, 'forge.json'), 'utf8')).toBe('{ "threads": [');
  });

  it('removes a lock left by a process that died', async () => {
    const dir = await folder();
    const lock = join(dir, 'forge.json.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    const { number } = await new LocalForge(dir).upsertThread(() => false, {
      title: 't',
      body: '',
      labels: [],
    });
    expect(number).toBe(1);
  });
});
