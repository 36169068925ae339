import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalGitStore } from './local-git-store.ts';
import { readStep, withReadProgress } from './with-read-progress.ts';

describe('withReadProgress', () => {
  it('reads the same texts in the same order, a step at a time, and says how far it is', async () => {
    const store = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-progress-')));
    const steps: [number, number][] = [];
    const watched = withReadProgress(store, (done, total) => steps.push([done, total]));
    const paths = Array.from(
      { length: 2 * readStep + 22 },
      (_, i) => `notes/${String(i).padStart(3, '0')}.txt`,
    );
    // Writes go through the wrapper to the store itself (its private fields included).
    await watched.commit(
      paths.map((path, i) => ({ path, content: `texte ${i}\n` })),
      'Add notes',
    );
    const asked = [...paths.slice(5), 'notes/absent.txt', ...paths.slice(0, 5)];
    expect(await watched.readFiles(asked)).toEqual(await store.readFiles(asked));
    expect(steps).toEqual([
      [readStep, asked.length],
      [2 * readStep, asked.length],
      [asked.length, asked.length],
    ]);
    steps.length = 0;
    await watched.readFiles(paths.slice(0, readStep));
    expect(steps, 'a short reading says nothing').toEqual([]);
    expect(await watched.listFiles('notes')).toEqual(paths);
  });
});
