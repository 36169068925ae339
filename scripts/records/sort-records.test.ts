import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalGitStore } from '../store/local-git-store.ts';
import { readRecords } from '../store/read-records.ts';
import { sortRecords } from './sort-records.ts';

describe('the record reader', () => {
  it('takes a file of 100,000 « [ » as one unreadable file, without throwing', () => {
    const records = sortRecords(
      new Map([['applications/mentees/mentee-deepaa.json', '['.repeat(100_000)]]),
    );
    expect(records.unreadable.map((u) => u.path)).toEqual([
      'applications/mentees/mentee-deepaa.json',
    ]);
    expect(records.unreadable[0]!.reason).toMatch(/^ce fichier n’est pas du JSON valide/);
  });

  it('reads each file as itself, even beside a name holding a line break (local store)', async () => {
    const store = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-records-')));
    await store.commit(
      [
        { path: 'applications/mentees/a\nb.json', content: '{}' },
        { path: 'applications/mentees/mentee-zzzzzz.json', content: '{ "broken": ' },
        { path: 'screening/mentee-zzzzzz.json', content: '[]' },
      ],
      'Odd names',
    );
    const records = await readRecords(store);
    expect(records.unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['applications/mentees/a\nb.json', 'ce fichier est introuvable'],
      [
        'applications/mentees/mentee-zzzzzz.json',
        'ce fichier n’est pas du JSON valide : il s’arrête avant la fin (ligne 1, colonne 13)',
      ],
      ['screening/mentee-zzzzzz.json', 'le fichier entier doit être un ensemble de champs'],
    ]);
  });
});
