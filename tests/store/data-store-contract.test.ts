import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FileExistsError, StaleFileError } from '../../scripts/store/data-store.ts';
import { backends, backendsUnderTest } from './backends.ts';

/**
 * A binary file no text encoding survives: every byte value, then sequences that are not UTF-8
 * (a byte-order mark reversed, a NUL, a lead byte without its continuation, a lone continuation,
 * an encoded surrogate, a truncated sequence, an overlong one), behind a PDF's first line.
 */
const binary = new Uint8Array([
  ...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  ...Array.from({ length: 256 }, (_, i) => i),
  ...[0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80, 0xed, 0xa0, 0x80, 0xe2, 0x82, 0xc0, 0xaf, 0x0d, 0x0a],
]);

/** Git's own sha of a blob holding `bytes` (asked of Git, not computed by our code). */
const gitSha = (bytes: Uint8Array) =>
  execFileSync('git', ['hash-object', '--stdin'], { input: bytes, encoding: 'utf8' }).trim();

describe.each(Object.keys(backends))('the data store contract: %s', (backend) => {
  const make = backends[backend]!;
  const makeUnderTest = backendsUnderTest[backend]!;

  it('is ready, says where it is, and reads nothing from a new repository', async () => {
    const store = await make();
    const { location } = await store.ready();
    expect(location).toMatch(
      backend === 'local Git' ? /binome-contract-/ : /^clavim\/mentorat-donnees$/,
    );
    expect(await store.listFiles('')).toEqual([]);
    expect(await store.listFiles('applications')).toEqual([]);
    expect(await store.readFile('applications/mentors/mentor-aaaaaa.json')).toBeUndefined();
  });

  it('adds, reads, lists and updates files', async () => {
    const store = await make();
    await store.commit(
      [{ path: 'applications/mentees/mentee-aaaaaa.json', content: '{"a":"é"}\n' }],
      'Add mentee-aaaaaa',
      { create: true },
    );
    await store.commit(
      [
        { path: 'applications/mentors/mentor-bbbbbb.json', content: '{"b":1}\n' },
        { path: 'screening/mentee-aaaaaa.json', content: '{"s":"new"}\n' },
      ],
      'Add two files',
    );
    await store.commit(
      [{ path: 'screening/mentee-aaaaaa.json', content: '{"s":"accepted"}\n' }],
      'Screen mentee-aaaaaa',
    );
    expect(await store.listFiles('applications')).toEqual([
      'applications/mentees/mentee-aaaaaa.json',
      'applications/mentors/mentor-bbbbbb.json',
    ]);
    expect(await store.listFiles('')).toEqual([
      'applications/mentees/mentee-aaaaaa.json',
      'applications/mentors/mentor-bbbbbb.json',
      'screening/mentee-aaaaaa.json',
    ]);
    expect(
      await store.readFiles([
        'screening/mentee-aaaaaa.json',
        'nowhere.json',
        'applications/mentees/mentee-aaaaaa.json',
      ]),
    ).toEqual(['{"s":"accepted"}\n', undefined, '{"a":"é"}\n']);
  });

  it('commits a binary file beside a text file, and keeps its bytes exactly', async () => {
    const { store, stored } = await makeUnderTest();
    const text = 'reports/2026-11/rapport.md';
    const pdf = 'reports/2026-11/rapport.pdf';
    await store.commit(
      [
        { path: text, content: '# Rapport de novembre\n\nCréé le 23 novembre.\n' },
        { path: pdf, content: binary },
      ],
      'Add the November report',
      { create: true },
    );
    const file = await stored(pdf);
    expect(file?.bytes.equals(binary)).toBe(true);
    expect(file?.sha).toBe(gitSha(binary));
    expect(await store.readFile(text)).toBe('# Rapport de novembre\n\nCréé le 23 novembre.\n');
    expect((await stored(text))?.sha).toBe(
      gitSha(Buffer.from('# Rapport de novembre\n\nCréé le 23 novembre.\n')),
    );
    expect(await store.listFiles('reports')).toEqual([text, pdf]);
    // A binary file counts as present like any other: a second creation is refused.
    await expect(
      store.commit(
        [
          { path: 'reports/2026-12/rapport.md', content: 'x\n' },
          { path: pdf, content: binary },
        ],
        'Again',
        { create: true },
      ),
    ).rejects.toBeInstanceOf(FileExistsError);
  });

  it('commits a binary file alone, then replaces it, byte for byte', async () => {
    const { store, stored } = await makeUnderTest();
    const pdf = 'reports/2026-11/rapport.pdf';
    await store.commit([{ path: pdf, content: binary }], 'Add the report', { create: true });
    expect((await stored(pdf))?.bytes.equals(binary)).toBe(true);
    expect((await stored(pdf))?.sha).toBe(gitSha(binary));
    // Bytes given as a view into a larger buffer: only the view is written.
    const larger = new Uint8Array([0x41, ...binary.toReversed(), 0x42]);
    const replaced = larger.subarray(1, larger.length - 1);
    await store.commit([{ path: pdf, content: replaced }], 'Replace the report');
    expect((await stored(pdf))?.bytes.equals(replaced)).toBe(true);
    expect((await stored(pdf))?.sha).toBe(gitSha(replaced));
    expect(await store.listFiles('reports')).toEqual([pdf]);
  });

  it('refuses to create a file twice, and writes nothing', async () => {
    const store = await make();
    await store.commit(
      [{ path: 'applications/mentors/mentor-cccccc.json', content: '1\n' }],
      'Add',
      { create: true },
    );
    await expect(
      store.commit(
        [{ path: 'applications/mentors/mentor-cccccc.json', content: '2\n' }],
        'Add again',
        { create: true },
      ),
    ).rejects.toBeInstanceOf(FileExistsError);
    await expect(
      store.commit(
        [
          { path: 'applications/mentors/mentor-dddddd.json', content: '3\n' },
          { path: 'applications/mentors/mentor-cccccc.json', content: '4\n' },
        ],
        'Add two, one existing',
        { create: true },
      ),
    ).rejects.toBeInstanceOf(FileExistsError);
    // With several files there already, the first one in the order given is named.
    await store.commit([{ path: 'intake/x.json', content: '5\n' }], 'Add a marker');
    await expect(
      store.commit(
        [
          { path: 'applications/mentors/mentor-eeeeee.json', content: '6\n' },
          { path: 'intake/x.json', content: '7\n' },
          { path: 'applications/mentors/mentor-cccccc.json', content: '8\n' },
        ],
        'Add three, two existing',
        { create: true },
      ),
    ).rejects.toMatchObject({ path: 'intake/x.json' });
    expect(await store.readFile('applications/mentors/mentor-cccccc.json')).toBe('1\n');
    expect(await store.listFiles('applications')).toEqual([
      'applications/mentors/mentor-cccccc.json',
    ]);
  });

  it('commits only while a file it does not write is still as read (an erased id stays unused)', async () => {
    const store = await make();
    const guard = 'erasures/mentee-aaaaaa.json';
    const unchanged = new Map([[guard, undefined]]);
    await store.commit(
      [{ path: 'applications/mentees/mentee-aaaaab.json', content: '{}\n' }],
      'A',
      {
        create: true,
        unchanged,
      },
    );
    await store.commit([{ path: guard, content: '{}\n' }], 'Erase');
    const before = await store.listFiles('applications');
    await expect(
      store.commit([{ path: 'applications/mentees/mentee-aaaaaa.json', content: '{}\n' }], 'B', {
        create: true,
        unchanged,
      }),
    ).rejects.toThrow(StaleFileError);
    expect(await store.listFiles('applications')).toEqual(before);
  });

  it('writes a file read before only if nobody changed it since (read-modify-write)', async () => {
    const store = await make();
    const path = 'screening/mentee-aaaaaa.json';
    const many = 'screening/mentee-bbbbbb.json';
    await store.commit([{ path, content: 'first\n' }], 'First');
    // Unchanged since read: written (one file, and several).
    await store.commit([{ path, content: 'second\n' }], 'Second', {
      unchanged: new Map([[path, 'first\n']]),
    });
    await store.commit(
      [
        { path, content: 'third\n' },
        { path: many, content: 'new\n' },
      ],
      'Third',
      {
        unchanged: new Map<string, string | undefined>([
          [path, 'second\n'],
          [many, undefined],
        ]),
      },
    );
    // Changed since read, or appeared since: refused, nothing written.
    for (const [file, seen] of [
      [path, 'second\n'],
      [many, undefined],
    ] as const) {
      for (const files of [
        [{ path: file, content: 'late\n' }],
        [
          { path: file, content: 'late\n' },
          { path: 'screening/mentee-cccccc.json', content: 'x\n' },
        ],
      ])
        await expect(
          store.commit(files, 'Late', { unchanged: new Map([[file, seen]]) }),
        ).rejects.toBeInstanceOf(StaleFileError);
    }
    expect(await store.readFiles([path, many])).toEqual(['third\n', 'new\n']);
    expect(await store.listFiles('screening')).toEqual([path, many]);
  });

  it('keeps concurrent writers from losing each other’s commits', async () => {
    const store = await make();
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        store.commit(
          [{ path: `applications/mentees/mentee-00000${i}.json`, content: `${i}\n` }],
          `Add ${i}`,
          { create: true },
        ),
      ),
    );
    expect(await store.listFiles('applications/mentees')).toHaveLength(6);
  });

  it('works on a branch, proposes it as one pull request, and lists what it changes', async () => {
    const store = await make();
    await store.commit([{ path: 'pairs/keep.json', content: 'old\n' }], 'Seed');
    await store.ensureBranch('binome/pairs-2026-2027');
    await store.commit([{ path: 'pairs/pair-aaaaaa.json', content: '{}\n' }], 'Propose a pair', {
      branch: 'binome/pairs-2026-2027',
      create: true,
    });
    await store.commit([{ path: 'pairs/keep.json', content: 'new\n' }], 'Change', {
      branch: 'binome/pairs-2026-2027',
    });
    expect(await store.readFile('pairs/pair-aaaaaa.json')).toBeUndefined();
    expect(
      await store.readFile('pairs/pair-aaaaaa.json', { branch: 'binome/pairs-2026-2027' }),
    ).toBe('{}\n');

    const first = await store.upsertPullRequest({
      branch: 'binome/pairs-2026-2027',
      title: 'Binômes 2026-2027',
      body: 'v1',
    });
    const again = await store.upsertPullRequest({
      branch: 'binome/pairs-2026-2027',
      title: 'Binômes 2026-2027',
      body: 'v2',
    });
    expect(again.number).toBe(first.number);
    expect(await store.pullRequestFiles(first.number)).toEqual([
      { path: 'pairs/keep.json', status: 'modified' },
      { path: 'pairs/pair-aaaaaa.json', status: 'added' },
    ]);
    await store.ensureBranch('binome/pairs-2026-2027', { reset: true });
    expect(
      await store.readFile('pairs/pair-aaaaaa.json', { branch: 'binome/pairs-2026-2027' }),
    ).toBeUndefined();
  });

  it('comments once, then updates that comment; labels; one issue per label', async () => {
    const store = await make();
    const issue = await store.upsertIssue({
      label: 'binome:digest',
      title: 'Nouvelles candidatures',
      body: 'v1',
    });
    const same = await store.upsertIssue({
      label: 'binome:digest',
      title: 'Nouvelles candidatures (2)',
      body: 'v2',
    });
    expect(same.number).toBe(issue.number);
    const other = await store.upsertIssue({ label: 'binome:other', title: 'Autre', body: '' });
    expect(other.number).not.toBe(issue.number);
    const comment = await store.upsertComment({
      number: issue.number,
      marker: 'validate',
      body: 'Premier passage',
    });
    const updated = await store.upsertComment({
      number: issue.number,
      marker: 'validate',
      body: 'Second passage',
    });
    expect(updated.id).toBe(comment.id);
    await store.upsertComment({ number: issue.number, marker: 'other', body: 'Autre' });
    await store.addLabels(issue.number, ['à-vérifier']);
  });
});
