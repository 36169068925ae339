import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCommit, encodeTree, looseObject, parseTree } from './git-objects.ts';

const repo = mkdtempSync(join(tmpdir(), 'binome-objects-'));
execFileSync('git', ['init', '--quiet', '--bare', repo]);
const git = (args: string[], input?: string | Buffer): Buffer =>
  execFileSync('git', ['-C', repo, ...args], input === undefined ? {} : { input });

describe('Git objects written by our own code', () => {
  it('have the ids Git gives them', () => {
    const blob = looseObject('blob', Buffer.from('{"é":1}\n'));
    expect(blob.sha).toBe(git(['hash-object', '--stdin'], '{"é":1}\n').toString().trim());
    const entries = [
      { mode: '100644', name: 'b.json', sha: blob.sha },
      { mode: '40000', name: 'b', sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904' },
      { mode: '100644', name: 'a-b', sha: blob.sha },
    ];
    const tree = looseObject('tree', encodeTree(entries));
    git(['hash-object', '-w', '--stdin'], '{"é":1}\n');
    git(['hash-object', '-w', '-t', 'tree', '--stdin'], '');
    const made = git(
      ['mktree'],
      `100644 blob ${blob.sha}\tb.json\n040000 tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\tb\n100644 blob ${blob.sha}\ta-b\n`,
    );
    expect(tree.sha).toBe(made.toString().trim());
    expect(parseTree(encodeTree(entries)).map((e) => e.name)).toEqual(['a-b', 'b.json', 'b']); // « b.json » < « b/ »
  });

  it('write commits Git reads back', () => {
    const body = encodeCommit({
      tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      parents: [],
      person: 'Binôme <binome@localhost>',
      seconds: 1795000000,
      message: 'Add application mentee-aaaaaa',
    });
    const sha = git(['hash-object', '-w', '-t', 'commit', '--stdin'], body).toString().trim();
    expect(looseObject('commit', body).sha).toBe(sha);
    expect(git(['log', '-1', '--format=%s|%an', sha]).toString().trim()).toBe(
      'Add application mentee-aaaaaa|Binôme',
    );
  });
});
