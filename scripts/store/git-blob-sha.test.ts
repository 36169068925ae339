import { describe, expect, it } from 'vitest';
import { gitBlobSha } from './git-blob-sha.ts';
import { looseObject } from './git-objects.ts';

describe('a file’s Git id with Web Crypto', () => {
  it('is the one Git gives it', async () => {
    for (const text of ['', '{}\n', '\uFEFFClé;« été » 🎉\r\n'])
      expect(await gitBlobSha(text)).toBe(looseObject('blob', Buffer.from(text, 'utf8')).sha);
    // What `git hash-object` prints for an empty file.
    expect(await gitBlobSha('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });
});
