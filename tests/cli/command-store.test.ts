import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandStore, quietMs } from '../../scripts/cli/command-store.ts';
import { readStep } from '../../scripts/store/with-read-progress.ts';

// Issue 16: every long operation shows its progress. A command's reading of the data repository
// (one request a file on GitHub) says how far it is once it has taken more than a moment.

async function aStoreWithFiles(
  clock: { ms: number },
  out: { isTTY?: boolean; write(t: string): void },
) {
  const directory = await mkdtemp(join(tmpdir(), 'binome-command-store-'));
  const store = commandStore({ BINOME_DATA_DIR: directory }, out, () => clock.ms);
  const paths = Array.from({ length: readStep + 10 }, (_, i) => `pairs/p${i}.json`);
  await store.commit(
    paths.map((path) => ({ path, content: '{}\n' })),
    'Add files',
  );
  return { store, paths };
}

describe('a command’s data repository', () => {
  it('says nothing while reading is quick', async () => {
    const clock = { ms: 0 };
    const written: string[] = [];
    const { store, paths } = await aStoreWithFiles(clock, { write: (t) => void written.push(t) });
    clock.ms = quietMs - 1;
    await store.readFiles(paths);
    expect(written).toEqual([]);
  });

  it('then shows a line a step in a log, and one line redrawn in a terminal', async () => {
    const clock = { ms: 0 };
    const log: string[] = [];
    const { store, paths } = await aStoreWithFiles(clock, { write: (t) => void log.push(t) });
    clock.ms = quietMs;
    await store.readFiles(paths);
    expect(log).toEqual([
      `Lecture du dépôt de données\u00a0: ${readStep}/${paths.length} fichiers\n`,
      `Lecture du dépôt de données\u00a0: ${paths.length}/${paths.length} fichiers\n`,
    ]);
    const screen: string[] = [];
    const terminal = await aStoreWithFiles(clock, {
      isTTY: true,
      write: (t) => void screen.push(t),
    });
    clock.ms += quietMs;
    await terminal.store.readFiles(terminal.paths);
    expect(screen.join('')).toBe(
      `\r\u001b[2KLecture du dépôt de données\u00a0: ${readStep}/${paths.length} fichiers` +
        `\r\u001b[2KLecture du dépôt de données\u00a0: ${paths.length}/${paths.length} fichiers\n`,
    );
  });
});
