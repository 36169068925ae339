// Writes tests/github-stand-in/openapi-subset.json: the operations Binôme uses, taken from GitHub's
// published OpenAPI description (npm package @octokit/openapi, about 400 MB unpacked, so it is
// fetched here into a temporary folder rather than installed), with every component they refer
// to, without descriptions or examples, and with request bodies closed to unknown fields. Run it
// again after adding an operation:
//   node scripts/dev/trim-github-openapi.ts [path/to/api.github.com.json]
// Every step is idempotent: given the subset itself as input, it writes the same file back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const openapiVersion = '23.0.2';

/** Every GitHub REST operation the project calls: the stand-in implements exactly these. */
export const operations = [
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['put', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  ['post', '/repos/{owner}/{repo}/git/trees'],
  ['post', '/repos/{owner}/{repo}/git/blobs'],
  ['get', '/repos/{owner}/{repo}/git/commits/{commit_sha}'],
  ['post', '/repos/{owner}/{repo}/git/commits'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['patch', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['delete', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/git/matching-refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['patch', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['post', '/repos/{owner}/{repo}/issues'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['post', '/repos/{owner}/{repo}/merges'],
  ['get', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  ['post', '/app/installations/{installation_id}/access_tokens'],
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function specPath(): string {
  if (process.argv[2]) return process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), 'octokit-openapi-'));
  execFileSync('npm', ['pack', `@octokit/openapi@${openapiVersion}`, '--silent'], {
    cwd: dir,
    stdio: 'inherit',
  });
  execFileSync(
    'tar',
    ['xzf', `octokit-openapi-${openapiVersion}.tgz`, 'package/generated/api.github.com.json'],
    { cwd: dir },
  );
  return join(dir, 'package/generated/api.github.com.json');
}

const dropped = new Set(['description', 'examples', 'example', 'externalDocs', 'x-github', 'tags']);

/** A copy without prose and examples, collecting the `$ref`s it meets. */
function strip(value: Json, refs: Set<string>): Json {
  if (Array.isArray(value)) return value.map((v) => strip(v, refs));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, child] of Object.entries(value)) {
    if (dropped.has(key) && typeof child !== 'object') continue;
    if (key === 'examples' || key === 'example' || key === 'externalDocs' || key === 'x-github')
      continue;
    if (key === '$ref' && typeof child === 'string') refs.add(child);
    out[key] = strip(child, refs);
  }
  return out;
}

/**
 * GitHub's schemas accept any unknown property, so a misspelt field (`brnach` for `branch`) would
 * reach GitHub unnoticed and be ignored there. Every object with declared properties in a request
 * body is closed, down to its nested objects; `$ref`s are left alone, as responses share them.
 */
function closeObjects(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== 'object' || '$ref' in schema) return schema;
  const out: Record<string, Json> = {};
  for (const [key, child] of Object.entries(schema)) {
    // Property names are data, not schemas: only their values are walked.
    out[key] =
      key === 'properties' && child && typeof child === 'object' && !Array.isArray(child)
        ? Object.fromEntries(Object.entries(child).map(([name, s]) => [name, closeObjects(s)]))
        : closeObjects(child);
  }
  if (out['properties'] && !('additionalProperties' in out)) out['additionalProperties'] = false;
  return out;
}

function closeRequestBody(operation: Json): Json {
  const media = (operation as { requestBody?: { content?: Record<string, { schema?: Json }> } })
    .requestBody?.content?.['application/json'];
  if (media?.schema) media.schema = closeObjects(media.schema);
  return operation;
}

const spec = JSON.parse(readFileSync(specPath(), 'utf8')) as {
  openapi: string;
  info: Json;
  paths: Record<string, Record<string, Json>>;
  components: Record<string, Record<string, Json>>;
};
const refs = new Set<string>();
const paths: Record<string, Record<string, Json>> = {};
for (const [method, path] of operations) {
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`GitHub's description has no ${method.toUpperCase()} ${path}.`);
  (paths[path] ??= {})[method] = closeRequestBody(strip(operation, refs));
}
const components: Record<string, Record<string, Json>> = {};
const seen = new Set<string>();
while ([...refs].some((r) => !seen.has(r))) {
  for (const ref of [...refs]) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, , kind, name] = ref.split('/') as [string, string, string, string];
    const component = spec.components[kind]?.[name];
    if (component === undefined) throw new Error(`Unresolved ${ref}.`);
    (components[kind] ??= {})[name] = strip(component, refs);
  }
}
const subset = {
  openapi: spec.openapi,
  info: {
    title: `GitHub REST API, the operations Binôme uses (from @octokit/openapi ${openapiVersion})`,
    version: openapiVersion,
  },
  paths,
  components,
};
const out = 'tests/github-stand-in/openapi-subset.json';
writeFileSync(out, JSON.stringify(subset) + '\n');
console.log(
  `${out}: ${operations.length} operations, ${seen.size} components, ${(JSON.stringify(subset).length / 1024).toFixed(0)} KB.`,
);
