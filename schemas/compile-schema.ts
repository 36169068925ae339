import type { ValidateFunction } from 'ajv';
import { createAjv } from './ajv-instance.ts';
import { compactEnums } from './compact-enums.ts';

const ajv = createAjv();

/**
 * Every schema compiled through `compileSchema`, by name: what a host that forbids generating
 * code at run time (a Cloudflare Worker) gets precompiled instead, under the same names
 * (scripts/dev/build-worker.ts replaces this module in its bundle).
 */
export const compiledSchemas = new Map<string, object>();

/** The validator of `schema`, known as `name` (unique) to the precompilation. */
export function compileSchema<T = unknown>(name: string, schema: object): ValidateFunction<T> {
  if (compiledSchemas.has(name)) throw new Error(`Two schemas compiled as "${name}".`);
  const compact = compactEnums(schema);
  compiledSchemas.set(name, compact);
  return ajv.compile<T>(compact);
}
