import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { watchStandIn } from '../helpers/github-harness.ts';
import { GitHubStandIn } from './github-stand-in.ts';

// Binary files (a PDF report) through the stand-in: git/create-blob, a tree naming that blob, the
// contents API writing and reading bytes. Bytes go in and come out exactly, and a blob's sha is
// the one Git gives the same bytes.

const auth = { authorization: 'token test', 'content-type': 'application/json' };
const api = 'https://api.github.com/repos/clavim/mentorat-donnees';

/** Every byte value, then sequences that are not UTF-8. */
const binary = Buffer.from([
  ...Array.from({ length: 256 }, (_, i) => i),
  ...[0xff, 0xfe, 0x00, 0xc3, 0x28, 0xed, 0xa0, 0x80],
]);

const gitSha = (bytes: Uint8Array) =>
  execFileSync('git', ['hash-object', '--stdin'], { input: bytes, encoding: 'utf8' }).trim();

async function call(standIn: GitHubStandIn, method: string, path: string, body?: unknown) {
  const response = await standIn.fetch(`${api}${path}`, {
    method,
    headers: auth,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/** The bytes of a file as the contents API gives them (base64). */
async function readBack(standIn: GitHubStandIn, path: string) {
  const { status, json } = await call(standIn, 'GET', `/contents/${path}?ref=main`);
  expect(status).toBe(200);
  const file = json as { content: string; encoding: string; sha: string; size: number };
  expect(file.encoding).toBe('base64');
  return { ...file, bytes: Buffer.from(file.content, 'base64') };
}

/** A stand-in whose successful answers to one operation are replaced, to see the check bite. */
class WrongAnswerStandIn extends GitHubStandIn {
  readonly #operationId: string;
  readonly #answer: (body: unknown) => unknown;
  constructor(operationId: string, answer: (body: unknown) => unknown) {
    super();
    this.#operationId = operationId;
    this.#answer = answer;
  }
  protected override beforeCheck(operationId: string, body: unknown): unknown {
    return operationId === this.#operationId ? this.#answer(body) : body;
  }
}

describe('the stand-in’s blobs', () => {
  it('creates a blob from base64 or UTF-8 (201, url and sha), with Git’s sha of its bytes', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const made = await call(standIn, 'POST', '/git/blobs', {
      content: binary.toString('base64'),
      encoding: 'base64',
    });
    expect(made.status).toBe(201);
    const sha = gitSha(binary);
    expect(made.json).toEqual({ url: `${api}/git/blobs/${sha}`, sha });
    expect(made.headers.get('location')).toBe(`${api}/git/blobs/${sha}`);
    expect(standIn.git.blobs.get(sha)?.equals(binary)).toBe(true);
    // `encoding` defaults to utf-8: the text's UTF-8 bytes.
    const text = await call(standIn, 'POST', '/git/blobs', { content: 'Créé\n' });
    expect(text.status).toBe(201);
    expect((text.json as { sha: string }).sha).toBe(gitSha(Buffer.from('Créé\n')));
    const explicit = await call(standIn, 'POST', '/git/blobs', {
      content: 'Créé\n',
      encoding: 'utf-8',
    });
    expect(explicit.json).toEqual(text.json);
  });

  it('commits a blob named by its sha in a tree, and serves its bytes through the contents API', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const { json } = await call(standIn, 'POST', '/git/blobs', {
      content: binary.toString('base64'),
      encoding: 'base64',
    });
    const blob = (json as { sha: string }).sha;
    const main = standIn.git.resolve('main')!;
    const tree = await call(standIn, 'POST', '/git/trees', {
      base_tree: main.tree,
      tree: [
        { path: 'reports/r.pdf', mode: '100644', type: 'blob', sha: blob },
        { path: 'reports/r.md', mode: '100644', type: 'blob', content: 'é\n' },
      ],
    });
    expect(tree.status).toBe(201);
    const commit = await call(standIn, 'POST', '/git/commits', {
      message: 'Report',
      tree: (tree.json as { sha: string }).sha,
      parents: [main.sha],
    });
    await call(standIn, 'PATCH', '/git/refs/heads/main', {
      sha: (commit.json as { sha: string }).sha,
    });
    const pdf = await readBack(standIn, 'reports/r.pdf');
    expect(pdf.bytes.equals(binary)).toBe(true);
    expect(pdf).toMatchObject({ sha: blob, size: binary.length });
    expect(standIn.fileBytes('reports/r.pdf')?.equals(binary)).toBe(true);
    expect(standIn.file('reports/r.md')).toBe('é\n');
  });

  it('writes bytes through the contents API as they were sent, not through UTF-8 text', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const put = await call(standIn, 'PUT', '/contents/reports/r.pdf', {
      message: 'Report',
      content: binary.toString('base64'),
    });
    expect(put.status).toBe(201);
    expect((put.json as { content: { sha: string; size: number } }).content).toMatchObject({
      sha: gitSha(binary),
      size: binary.length,
    });
    expect((await readBack(standIn, 'reports/r.pdf')).bytes.equals(binary)).toBe(true);
  });

  it('refuses a tree naming a blob it does not have (422), as GitHub does', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const missing = gitSha(binary);
    const response = await call(standIn, 'POST', '/git/trees', {
      base_tree: standIn.git.resolve('main')!.tree,
      tree: [{ path: 'reports/r.pdf', mode: '100644', type: 'blob', sha: missing }],
    });
    expect(response.status).toBe(422);
    expect((response.json as { message: string }).message).toBe(
      `tree.sha ${missing} is not a valid blob`,
    );
  });

  it('records an encoding it does not model, and a blob without content, as violations', async () => {
    const standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    const latin1 = await call(standIn, 'POST', '/git/blobs', { content: 'x', encoding: 'latin1' });
    expect(latin1.status).toBe(400);
    const empty = await call(standIn, 'POST', '/git/blobs', { encoding: 'base64' });
    expect(empty.status).toBe(400);
    expect(standIn.violations).toHaveLength(2);
    expect(standIn.violations[0]).toMatch(/git\/create-blob: encoding latin1/);
    expect(standIn.violations[1]).toMatch(/git\/create-blob request body: .*content/);
    expect(standIn.git.blobs.size).toBe(0);
  });

  it('records a blob answer that lacks its sha', async () => {
    const standIn = watchStandIn(
      new WrongAnswerStandIn('git/create-blob', (body) => ({ url: (body as { url: string }).url })),
      { violationsExpected: true },
    );
    const response = await call(standIn, 'POST', '/git/blobs', { content: 'x' });
    expect(response.status).toBe(400);
    expect(standIn.violations[0]).toMatch(
      /^git\/create-blob 201 response: .*must have required property 'sha'/,
    );
  });
});
