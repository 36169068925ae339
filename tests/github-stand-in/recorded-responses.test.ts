import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchStandIn } from '../helpers/github-harness.ts';
import { GitHubStandIn } from './github-stand-in.ts';
import { matchOperation, responseSchema, spec } from './openapi-contract.ts';

// The stand-in is checked against GitHub's description, but a description can be loose (few
// required fields) or wrong. @octokit/fixtures holds answers recorded from the real API: for every
// operation both cover, the stand-in answers an equivalent request, and each field GitHub sent
// that its description documents must be there, with the same JSON type, at every level.

interface Recorded {
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: unknown;
}

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};

const scenarios = join(
  dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json')),
  'scenarios/api.github.com',
);

/** Every recorded JSON success whose method and path are an operation of our subset. */
const covered = readdirSync(scenarios)
  .sort()
  .flatMap((scenario) => {
    const recorded = JSON.parse(
      readFileSync(join(scenarios, scenario, 'normalized-fixture.json'), 'utf8'),
    ) as Recorded[];
    return recorded.flatMap((r) => {
      const matched = matchOperation(r.method, new URL(r.path, 'https://api.github.com').pathname);
      const isJson = r.response !== null && typeof r.response === 'object';
      if (!matched || !isJson || r.status >= 300) return [];
      return [{ scenario, operationId: matched.operation.operationId, matched, recorded: r }];
    });
  });

const auth = { authorization: 'token test', 'content-type': 'application/json' };

async function call(standIn: GitHubStandIn, method: string, path: string, body?: unknown) {
  const response = await standIn.fetch(`https://api.github.com${path}`, {
    method: method.toUpperCase(),
    headers: auth,
    ...(body === undefined || body === '' ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The recorded path on the stand-in's repository. */
const onStandIn = (standIn: GitHubStandIn, path: string) =>
  path.replace(/^\/repos\/[^/]+\/[^/]+/, `/repos/${standIn.owner}/${standIn.repo}`);

/**
 * For each covered operation: the state GitHub's repository was in (seeded into the stand-in)
 * and the recorded request, with shas of the recorded repository replaced by the stand-in's.
 */
const equivalents: Record<
  string,
  (standIn: GitHubStandIn, recorded: Recorded) => Promise<{ body?: unknown }>
> = {
  'repos/get-content': async (standIn, recorded) => {
    const files = new Map<string, string>();
    for (const entry of recorded.response as { path: string; type: string }[])
      files.set(entry.type === 'dir' ? `${entry.path}/file.txt` : entry.path, 'recorded\n');
    standIn.git.commitFiles('main', files, 'Seed');
    return {};
  },
  'repos/create-or-update-file-contents': async (_, recorded) => ({ body: recorded.body }),
  'git/create-ref': async (standIn, recorded) => ({
    body: { ...(recorded.body as object), sha: standIn.git.refs.get('heads/main') },
  }),
  'git/update-ref': async (standIn, recorded) => {
    const ref = recorded.path.split('/git/refs/')[1]!;
    standIn.git.refs.set(ref, standIn.git.refs.get('heads/main')!);
    const next = standIn.git.commitFiles('main', new Map([['a.txt', 'a\n']]), 'Next');
    return { body: { ...(recorded.body as object), sha: next } };
  },
  'issues/create': async (_, recorded) => ({ body: recorded.body }),
  'issues/add-labels': async (standIn, recorded) => {
    await call(standIn, 'post', onStandIn(standIn, '/repos/o/r/issues'), { title: 'Recorded' });
    return { body: recorded.body };
  },
  'issues/list-for-repo': async (standIn, recorded) => {
    for (const issue of (recorded.response as { title: string }[]).toReversed())
      await call(standIn, 'post', onStandIn(standIn, '/repos/o/r/issues'), { title: issue.title });
    return {};
  },
};

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(spec.components.schemas[schema.$ref.split('/').pop()!] as Schema);
}

/** The documented properties of an object, across `allOf` parts and `anyOf`/`oneOf` branches. */
function propertiesOf(input: Schema | undefined): Record<string, Schema> {
  if (!input) return {};
  const schema = resolve(input);
  const parts = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return Object.assign({}, ...parts.map(propertiesOf), schema.properties ?? {}) as Record<
    string,
    Schema
  >;
}

function itemsOf(input: Schema | undefined): Schema | undefined {
  if (!input) return undefined;
  const schema = resolve(input);
  if (schema.items) return schema.items;
  for (const branch of [
    ...(schema.allOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
  ]) {
    const items = itemsOf(branch);
    if (items) return items;
  }
  return undefined;
}

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Where the stand-in's answer differs from GitHub's recorded one, field by field. */
function differences(
  recorded: unknown,
  actual: unknown,
  schema: Schema | undefined,
  at = '$',
): string[] {
  const expected = kindOf(recorded);
  const got = kindOf(actual);
  if (expected !== got) return [`${at}: GitHub sent ${expected}, the stand-in ${got}`];
  if (Array.isArray(recorded)) {
    const items = actual as unknown[];
    if (!recorded.length) return [];
    if (!items.length) return [`${at}: GitHub sent items, the stand-in none`];
    return differences(recorded[0], items[0], itemsOf(schema), `${at}[0]`);
  }
  if (expected !== 'object') return [];
  const documented = propertiesOf(schema);
  const mine = actual as Record<string, unknown>;
  return Object.entries(recorded as Record<string, unknown>).flatMap(([key, value]) => {
    if (!documented[key]) return [];
    if (!(key in mine)) return [`${at}.${key}: GitHub sent it, the stand-in did not`];
    return differences(value, mine[key], documented[key], `${at}.${key}`);
  });
}

describe('the stand-in compared with answers recorded from GitHub (@octokit/fixtures)', () => {
  it('covers some of the operations Binôme uses', () => {
    expect(covered.map((c) => c.operationId)).not.toEqual([]);
  });

  it('finds a missing field or a wrong type', () => {
    const schema = { $ref: '#/components/schemas/label' };
    const recorded = { id: 1, name: 'a', description: null, undocumented: 1 };
    expect(differences(recorded, { id: 1, name: 'a', description: null }, schema)).toEqual([]);
    expect(differences(recorded, { id: '1', description: null }, schema)).toEqual([
      '$.id: GitHub sent number, the stand-in string',
      '$.name: GitHub sent it, the stand-in did not',
    ]);
    expect(differences([recorded], [], { type: 'array', items: schema })).toEqual([
      '$: GitHub sent items, the stand-in none',
    ]);
  });

  it.each(covered)(
    '$operationId ($scenario) answers with the fields and types GitHub sent',
    async ({ operationId, matched, recorded }) => {
      const equivalent = equivalents[operationId];
      if (!equivalent) throw new Error(`Write the request equivalent to ${operationId} here.`);
      const standIn = watchStandIn(new GitHubStandIn());
      const { body } = await equivalent(standIn, recorded);
      const answer = await call(standIn, recorded.method, onStandIn(standIn, recorded.path), body);
      expect(answer.status).toBe(recorded.status);
      const schema = responseSchema(matched.operation, recorded.status) as Schema | undefined;
      expect(differences(recorded.response, answer.body, schema)).toEqual([]);
    },
  );
});
