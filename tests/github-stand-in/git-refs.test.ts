import { describe, expect, it } from 'vitest';
import { watchStandIn } from '../helpers/github-harness.ts';
import { GitHubStandIn } from './github-stand-in.ts';

// The ref operations the data keys use (scripts/store/github-key-store.ts): refs outside
// `heads/`, created, moved by force, listed by prefix and deleted, as GitHub answers them.

const auth = { authorization: 'token test', 'content-type': 'application/json' };
const api = 'https://api.github.com/repos/clavim/mentorat-donnees';

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

async function call(standIn: GitHubStandIn, method: string, path: string, body?: unknown) {
  const response = await standIn.fetch(`${api}${path}`, {
    method,
    headers: auth,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: (text ? JSON.parse(text) : undefined) as unknown };
}

/** A commit without parents whose tree holds one file, as a data key is stored. */
function orphan(standIn: GitHubStandIn, content: string): string {
  const tree = standIn.git.writeTree(new Map([['data-key.age', standIn.git.writeBlob(content)]]));
  return standIn.git.writeCommit({ tree, parents: [], message: 'Data key' });
}

const refNames = (json: unknown) => (json as { ref: string }[]).map((r) => r.ref);

describe('the stand-in’s refs outside branches', () => {
  it('creates, reads and force-moves refs/binome-keys/…, and refuses a name with too few parts', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const [first, second] = [orphan(standIn, 'one\n'), orphan(standIn, 'two\n')];
    const created = await call(standIn, 'POST', '/git/refs', {
      ref: 'refs/binome-keys/mentee-abc123',
      sha: first,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ ref: 'refs/binome-keys/mentee-abc123' });
    const read = await call(standIn, 'GET', '/git/ref/binome-keys/mentee-abc123');
    expect(read.json).toMatchObject({ object: { sha: first, type: 'commit' } });
    // Two orphans: not a fast-forward, so only a forced update moves the ref.
    const refused = await call(standIn, 'PATCH', '/git/refs/binome-keys/mentee-abc123', {
      sha: second,
      force: false,
    });
    expect([refused.status, (refused.json as { message: string }).message]).toEqual([
      422,
      'Update is not a fast forward',
    ]);
    const forced = await call(standIn, 'PATCH', '/git/refs/binome-keys/mentee-abc123', {
      sha: second,
      force: true,
    });
    expect(forced.status).toBe(200);
    expect(standIn.git.refs.get('binome-keys/mentee-abc123')).toBe(second);
    const tooShort = await call(standIn, 'POST', '/git/refs', {
      ref: 'refs/binome-keys',
      sha: first,
    });
    expect([tooShort.status, (tooShort.json as { message: string }).message]).toEqual([
      422,
      'Reference name must contain at least three slash-separated components.',
    ]);
  });

  it('deletes a ref with 204 and no body, keeps its objects, and answers 422 for a missing one', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const key = orphan(standIn, 'wrapped\n');
    standIn.git.refs.set('binome-keys/mentee-abc123', key);
    const deleted = await call(standIn, 'DELETE', '/git/refs/binome-keys/mentee-abc123');
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await call(standIn, 'GET', '/git/ref/binome-keys/mentee-abc123')).status).toBe(404);
    const again = await call(standIn, 'DELETE', '/git/refs/binome-keys/mentee-abc123');
    expect([again.status, (again.json as { message: string }).message]).toEqual([
      422,
      'Reference does not exist',
    ]);
    // As on GitHub, the unreachable commit and its file are still served by sha.
    expect((await call(standIn, 'GET', `/git/commits/${key}`)).status).toBe(200);
    const file = await call(standIn, 'GET', `/contents/data-key.age?ref=${key}`);
    const content = (file.json as { content: string }).content;
    expect(Buffer.from(content, 'base64').toString('utf8')).toBe('wrapped\n');
  });

  it('lists the refs that start with the name given, in any namespace, sorted; none is []', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const key = orphan(standIn, 'k\n');
    for (const ref of [
      'binome-keys/mentor-zzzzzz',
      'binome-keys/mentee-bbbbbb',
      'binome-keys-old/mentee-aaaaaa',
      'binome-keys/mentee-aaaaaa',
      'heads/binome-keys/mentee-cccccc',
    ])
      standIn.git.refs.set(ref, key);
    const listed = await call(standIn, 'GET', '/git/matching-refs/binome-keys/');
    expect(listed.status).toBe(200);
    expect(refNames(listed.json)).toEqual([
      'refs/binome-keys/mentee-aaaaaa',
      'refs/binome-keys/mentee-bbbbbb',
      'refs/binome-keys/mentor-zzzzzz',
    ]);
    expect(refNames((await call(standIn, 'GET', '/git/matching-refs/heads/')).json)).toEqual([
      'refs/heads/binome-keys/mentee-cccccc',
      'refs/heads/main',
    ]);
    const none = await call(standIn, 'GET', '/git/matching-refs/tags/');
    expect([none.status, none.json]).toEqual([200, []]);
  });

  it('records the deletion of a branch, which it does not model, as a violation', async () => {
    const standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    const response = await call(standIn, 'DELETE', '/git/refs/heads/main');
    expect(response.status).toBe(400);
    expect(standIn.violations).toEqual([
      'git/delete-ref heads/main: deleting a branch is not modelled by the stand-in.',
    ]);
    expect(standIn.git.refs.has('heads/main')).toBe(true);
  });
});

describe('the checks on the ref operations bite', () => {
  it('records a body sent to a delete, which takes none', async () => {
    const standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    standIn.git.refs.set('binome-keys/mentee-abc123', orphan(standIn, 'k\n'));
    const response = await call(standIn, 'DELETE', '/git/refs/binome-keys/mentee-abc123', {
      sha: 'x',
    });
    expect(response.status).toBe(400);
    expect(standIn.violations).toEqual(['git/delete-ref: takes no body.']);
    expect(standIn.git.refs.has('binome-keys/mentee-abc123')).toBe(true);
  });

  it('records a misspelt field in a ref creation', async () => {
    const standIn = watchStandIn(new GitHubStandIn(), { violationsExpected: true });
    const response = await call(standIn, 'POST', '/git/refs', {
      ref: 'refs/binome-keys/mentee-abc123',
      sah: orphan(standIn, 'k\n'),
    });
    expect(response.status).toBe(400);
    expect(standIn.violations[0]).toMatch(/^git\/create-ref request body: .*sha/);
    expect(standIn.git.refs.has('binome-keys/mentee-abc123')).toBe(false);
  });

  it('records a delete answered with a body, where GitHub sends none', async () => {
    const standIn = watchStandIn(
      new WrongAnswerStandIn('git/delete-ref', () => ({ message: 'Deleted' })),
      { violationsExpected: true },
    );
    standIn.git.refs.set('binome-keys/mentee-abc123', orphan(standIn, 'k\n'));
    const response = await call(standIn, 'DELETE', '/git/refs/binome-keys/mentee-abc123');
    expect(response.status).toBe(400);
    expect(standIn.violations).toEqual(['git/delete-ref 204 response: GitHub sends no body.']);
  });

  it('records a matching-refs answer whose refs lack their object, or that is not an array', async () => {
    const dropObject = (body: unknown) =>
      (body as Record<string, unknown>[]).map(({ object: _object, ...rest }) => rest);
    const standIn = watchStandIn(new WrongAnswerStandIn('git/list-matching-refs', dropObject), {
      violationsExpected: true,
    });
    expect((await call(standIn, 'GET', '/git/matching-refs/heads/')).status).toBe(400);
    expect(standIn.violations[0]).toMatch(
      /^git\/list-matching-refs 200 response: .*must have required property 'object'/,
    );
    const single = watchStandIn(
      new WrongAnswerStandIn('git/list-matching-refs', (body) => (body as unknown[])[0]),
      { violationsExpected: true },
    );
    expect((await call(single, 'GET', '/git/matching-refs/heads/')).status).toBe(400);
    expect(single.violations[0]).toMatch(/^git\/list-matching-refs 200 response: .*must be array/);
  });
});
