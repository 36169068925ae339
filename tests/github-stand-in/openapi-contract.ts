import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// GitHub's published description of the operations Binôme uses (see scripts/dev/trim-github-openapi.ts).
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: object;
  $ref?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
}
type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    parameters: Record<string, Parameter>;
    responses: Record<string, Operation['responses'][string]>;
    schemas: Record<string, object>;
  };
};

export const spec = JSON.parse(
  readFileSync(new URL('./openapi-subset.json', import.meta.url), 'utf8'),
) as Spec;

/** A request or response that does not match GitHub's description: the test using it fails. */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/**
 * OpenAPI 3.0 says « may be null » with `nullable: true`, which JSON Schema says with a `null`
 * type; GitHub's description uses it beside `$ref`, `anyOf` and `allOf` too, so it is rewritten
 * everywhere before Ajv sees it.
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Record<string, unknown>;
  // GitHub's description uses `oneOf` for branches that overlap (a 409 is « basic-error » or
  // « repository-rule-violation-error », and any error body is both), so real GitHub answers
  // would fail « exactly one »: it is read as `anyOf`, which is what GitHub means.
  const converted = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k === 'oneOf' ? 'anyOf' : k, toJsonSchema(v)]),
  );
  if (nullable !== true) return converted;
  if (
    typeof converted['type'] === 'string' &&
    !converted['$ref'] &&
    !converted['anyOf'] &&
    !converted['allOf'] &&
    !converted['oneOf']
  ) {
    return {
      ...converted,
      type: [converted['type'], 'null'],
      ...(converted['enum'] ? { enum: [...(converted['enum'] as unknown[]), null] } : {}),
    };
  }
  return { anyOf: [converted, { type: 'null' }] };
}

// `strict: false` lets Ajv skip the annotation keywords of OpenAPI it does not know.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
// GitHub's own format for « owner/name ».
ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
ajv.addSchema({ $id: 'github', components: toJsonSchema(spec.components) } as object);

const compiled = new Map<object, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const rewritten = toJsonSchema(
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"github#/components/')),
    ) as object;
    validate = ajv.compile(rewritten);
    compiled.set(schema, validate);
  }
  return validate;
}

function deref<T extends object>(value: T): T {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value;
  const [, , kind, name] = ref.split('/') as [string, string, 'parameters' | 'responses', string];
  return spec.components[kind][name] as T;
}

export interface MatchedOperation {
  operation: Operation;
  template: string;
  params: Record<string, string>;
}

/** The documented operation a request calls, with its path parameters; undefined if none. */
export function matchOperation(method: string, pathname: string): MatchedOperation | undefined {
  for (const [template, methods] of Object.entries(spec.paths)) {
    const operation = methods[method.toLowerCase()];
    if (!operation) continue;
    const names: string[] = [];
    const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      // `path` (file path) and `ref` span several segments in GitHub's API; an empty `path` is
      // the repository's root folder.
      return name === 'path' ? '(.*)' : name === 'ref' ? '(.+)' : '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(pathname);
    if (match) {
      const params = Object.fromEntries(
        names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]),
      );
      return { operation, template, params };
    }
  }
  return undefined;
}

function describe(validate: ValidateFunction): string {
  return ajv.errorsText(validate.errors, { separator: '; ' });
}

/** Checks a request's parameters and JSON body against its operation; throws ContractViolation. */
export function checkRequest(matched: MatchedOperation, url: URL, body: unknown): void {
  const { operation, params } = matched;
  for (const raw of operation.parameters ?? []) {
    const parameter = deref(raw);
    const value =
      parameter.in === 'path'
        ? params[parameter.name]
        : parameter.in === 'query'
          ? url.searchParams.get(parameter.name)
          : undefined;
    if (parameter.in === 'header') continue;
    if (value === undefined || value === null) {
      if (parameter.required)
        throw new ContractViolation(
          `${operation.operationId}: missing ${parameter.in} parameter ${parameter.name}.`,
        );
      continue;
    }
    const schema = parameter.schema as { type?: string };
    const typed =
      schema.type === 'integer' || schema.type === 'number'
        ? Number(value)
        : schema.type === 'boolean'
          ? value === 'true'
          : value;
    const validate = validatorFor(parameter.schema);
    if (!validate(typed))
      throw new ContractViolation(
        `${operation.operationId}: ${parameter.name}=${value}: ${describe(validate)}`,
      );
  }
  const known = new Set(
    (operation.parameters ?? [])
      .map((p) => deref(p))
      .filter((p) => p.in === 'query')
      .map((p) => p.name),
  );
  for (const name of url.searchParams.keys()) {
    if (!known.has(name))
      throw new ContractViolation(
        `${operation.operationId}: undocumented query parameter ${name}.`,
      );
  }
  const requestSchema = operation.requestBody?.content['application/json']?.schema;
  if (requestSchema) {
    if (body === undefined) {
      if (operation.requestBody?.required)
        throw new ContractViolation(`${operation.operationId}: a JSON body is required.`);
      return;
    }
    const validate = validatorFor(requestSchema);
    if (!validate(body))
      throw new ContractViolation(`${operation.operationId} request body: ${describe(validate)}`);
  } else if (body !== undefined) {
    throw new ContractViolation(`${operation.operationId}: takes no body.`);
  }
}

/** The JSON schema GitHub documents for a response of that status, if it documents a body. */
export function responseSchema(operation: Operation, status: number): object | undefined {
  const response = operation.responses[String(status)];
  if (!response) return undefined;
  return deref(response).content?.['application/json']?.schema;
}

/**
 * Checks a response before the stand-in sends it: its status must be one GitHub documents for the
 * operation (or a generic failure every endpoint may give: 401, 403, 429, 5xx, and those given in
 * `alsoGeneric`), and its body must match the documented schema (or be absent, when GitHub
 * documents none).
 */
export function checkResponse(
  operation: Operation,
  status: number,
  body: unknown,
  alsoGeneric: readonly number[] = [],
): void {
  const generic =
    status === 401 ||
    status === 403 ||
    status === 429 ||
    status >= 500 ||
    alsoGeneric.includes(status);
  if (!operation.responses[String(status)] && !generic) {
    throw new ContractViolation(`${operation.operationId}: GitHub does not answer ${status} here.`);
  }
  // A success documented without content (a 204) has no body: a route that builds one is wrong.
  const documented = operation.responses[String(status)];
  if (status < 300 && documented && !deref(documented).content && body !== undefined)
    throw new ContractViolation(
      `${operation.operationId} ${status} response: GitHub sends no body.`,
    );
  const schema =
    responseSchema(operation, status) ??
    (status >= 400 ? spec.components.schemas['basic-error'] : undefined);
  if (!schema) return;
  const validate = validatorFor(schema);
  if (!validate(body))
    throw new ContractViolation(
      `${operation.operationId} ${status} response: ${describe(validate)}`,
    );
}
