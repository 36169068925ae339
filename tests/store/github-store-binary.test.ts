import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../scripts/store/data-store.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';

// How the GitHub back end sends a binary file (a PDF report): alone, base64 through the contents
// API; beside other files, as a blob of its own (a tree's inline content is UTF-8 text only).
// The byte-for-byte contract on both back ends is in data-store-contract.test.ts.

const pdf = (seed: number) =>
  new Uint8Array([seed, ...Array.from({ length: 256 }, (_, i) => i), 0xff, 0xfe, 0x00, 0xc3, 0x28]);

const texts: FileChange[] = [
  { path: 'reports/2026-11/rapport.md', content: '# Novembre\n' },
  { path: 'reports/2026-11/chiffres.json', content: '{"binômes":12}\n' },
];

type Sent = { method: string; path: string; body: unknown };
const writes = (requests: readonly Sent[]) =>
  requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.split('?')[0]}`);

/** Another writer moves main just as our multi-file commit is being made. */
class RacingStandIn extends GitHubStandIn {
  #raced = false;
  protected override beforeCheck(operationId: string, body: unknown): unknown {
    if (operationId === 'git/create-commit' && !this.#raced) {
      this.#raced = true;
      this.git.commitFiles('main', new Map([['other.json', '{}\n']]), 'Another writer');
    }
    return body;
  }
}

describe('the GitHub back end with binary files', () => {
  it('adds one blob request per binary file to a multi-file commit, and none for text', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit(texts, 'Text only');
    const textOnly = standIn.requests.length;
    expect(standIn.requests.filter((r) => r.path.endsWith('/git/blobs'))).toEqual([]);

    const before = standIn.requests.length;
    const binaries = [1, 2, 3].map((i) => ({
      path: `reports/2026-12/annexe-${i}.pdf`,
      content: pdf(i),
    }));
    await store.commit(
      [...texts.map((f) => ({ ...f, path: f.path.replace('11', '12') })), ...binaries],
      'Text and three PDFs',
    );
    const made = standIn.requests.slice(before);
    expect(made).toHaveLength(textOnly + binaries.length);
    const base = '/repos/clavim/mentorat-donnees';
    expect(writes(made)).toEqual([
      ...binaries.map(() => `POST ${base}/git/blobs`),
      `POST ${base}/git/trees`,
      `POST ${base}/git/commits`,
      `PATCH ${base}/git/refs/heads%2Fmain`,
    ]);
    // Each blob carries its bytes in base64; the tree names it by sha, and keeps text inline.
    const blobs = made.filter((r) => r.path.endsWith('/git/blobs'));
    expect(blobs.map((r) => r.body)).toEqual(
      binaries.map((f) => ({
        content: Buffer.from(f.content).toString('base64'),
        encoding: 'base64',
      })),
    );
    const tree = made.find((r) => r.path.endsWith('/git/trees'))!.body as {
      tree: { path: string; content?: string; sha?: string }[];
    };
    expect(tree.tree.map((e) => Object.keys(e).sort())).toEqual([
      ['content', 'mode', 'path', 'type'],
      ['content', 'mode', 'path', 'type'],
      ...binaries.map(() => ['mode', 'path', 'sha', 'type']),
    ]);
    for (const file of binaries)
      expect(standIn.fileBytes(file.path)?.equals(file.content)).toBe(true);
  });

  it('sends a binary file alone in one contents request, base64 of its bytes', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit([{ path: 'reports/2026-11/rapport.pdf', content: pdf(0) }], 'Report', {
      create: true,
    });
    expect(standIn.requests.map((r) => r.method)).toEqual(['PUT']);
    expect((standIn.requests[0]!.body as { content: string }).content).toBe(
      Buffer.from(pdf(0)).toString('base64'),
    );
    expect(standIn.fileBytes('reports/2026-11/rapport.pdf')?.equals(pdf(0))).toBe(true);
  });

  it('uploads each blob once when the commit is retried after another writer moved the branch', async () => {
    const { store, standIn } = gitHubHarness(new RacingStandIn());
    await store.commit(
      [...texts, { path: 'reports/2026-11/rapport.pdf', content: pdf(7) }],
      'Report',
    );
    expect(standIn.requests.filter((r) => r.path.endsWith('/git/blobs'))).toHaveLength(1);
    expect(standIn.requests.filter((r) => r.path.endsWith('/git/trees'))).toHaveLength(2);
    expect(standIn.fileBytes('reports/2026-11/rapport.pdf')?.equals(pdf(7))).toBe(true);
    expect(standIn.file('other.json')).toBe('{}\n');
  });

  it('reports a refused blob as our bug, and makes no tree, no commit', async () => {
    const { store, standIn } = gitHubHarness();
    standIn.inject({ method: 'POST', path: /\/git\/blobs$/, status: 422 });
    await expect(
      store.commit([...texts, { path: 'reports/2026-11/rapport.pdf', content: pdf(0) }], 'Report'),
    ).rejects.toMatchObject({ name: 'GitHubRequestRejectedError', operation: 'git.createBlob' });
    expect(writes(standIn.requests)).toEqual(['POST /repos/clavim/mentorat-donnees/git/blobs']);
    expect(standIn.file(texts[0]!.path)).toBeUndefined();
  });
});
