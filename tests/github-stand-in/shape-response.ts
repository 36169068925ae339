import { responseSchema, spec } from './openapi-contract.ts';
import type { MatchedOperation } from './openapi-contract.ts';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  minLength?: number;
};

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(spec.components.schemas[schema.$ref.split('/').pop()!] as Schema);
}

/**
 * The smallest value GitHub's schema accepts: every required field filled with a plain value of
 * its type (null where allowed). The stand-in then lays its real values over it, so that its
 * responses carry everything GitHub's do, and the contract check still judges the result.
 */
export function minimalInstance(input: Schema, real?: unknown, depth = 0): unknown {
  const schema = resolve(input);
  if (depth > 12) return null;
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((s) => minimalInstance(s, real, depth + 1)));
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return minimalInstance(chooseBranch(branches, real), real, depth + 1);
  if (schema.nullable && (real === undefined || real === null)) return null;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date-time') return '2026-11-23T10:00:00Z';
      if (schema.format === 'uri' || schema.format === 'uri-template')
        return 'https://api.github.com/';
      if (schema.format === 'email') return 'noreply@github.com';
      return 'x'.repeat(schema.minLength ?? 0);
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return [];
    default: {
      const out: Record<string, unknown> = {};
      const given = real && typeof real === 'object' ? (real as Record<string, unknown>) : {};
      const names = new Set([
        ...(schema.required ?? []),
        ...Object.keys(given).filter((k) => schema.properties?.[k]),
      ]);
      for (const name of names) {
        const value = minimalInstance(schema.properties?.[name] ?? {}, given[name], depth + 1);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
  }
}

/** The branch of an `anyOf`/`oneOf` that fits the real value: same kind, same `type` field. */
function chooseBranch(branches: Schema[], real: unknown): Schema {
  const resolved = branches.map(resolve);
  const kind = Array.isArray(real) ? 'array' : real === null ? 'null' : typeof real;
  const sameKind = resolved.filter(
    (b) => (b.type ?? 'object') === kind || (kind === 'object' && !b.type),
  );
  const tag =
    real && typeof real === 'object' ? (real as Record<string, unknown>)['type'] : undefined;
  const tagged = sameKind.find(
    (b) => tag !== undefined && b.properties?.['type']?.enum?.includes(tag),
  );
  return tagged ?? sameKind[0] ?? resolved[0]!;
}

/** Lays `real` over `base`: objects merge field by field, anything else replaces. */
export function overlay(base: unknown, real: unknown): unknown {
  if (real === undefined) return base;
  if (
    base &&
    real &&
    typeof base === 'object' &&
    typeof real === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(real)
  ) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(real)) out[key] = overlay(out[key], value);
    return out;
  }
  if (Array.isArray(real) && Array.isArray(base) === false) return real;
  return real;
}

/** A response body of the shape GitHub documents for this operation and status, with `real` values. */
export function shapeResponse(matched: MatchedOperation, status: number, real: unknown): unknown {
  const schema = responseSchema(matched.operation, status) as Schema | undefined;
  if (!schema) return real;
  const resolved = resolve(schema);
  if (resolved.type === 'array' && Array.isArray(real)) {
    return real.map((item) => overlay(minimalInstance(resolved.items ?? {}, item), item));
  }
  return overlay(minimalInstance(schema, real), real);
}
