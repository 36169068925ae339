/**
 * Rewrites every `oneOf: [{ const, title }, …]` (how our schemas label enumerations) into the
 * equivalent `enum`, which accepts exactly the same values but compiles to far less code: the
 * browser validators stay small. Server and browser both validate with the rewritten schema.
 */
export function compactEnums<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(compactEnums) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Record<string, unknown>;
  const options = node['oneOf'];
  const labelled =
    Array.isArray(options) &&
    options.every(
      (o) =>
        o &&
        typeof o === 'object' &&
        'const' in o &&
        Object.keys(o).every((k) => k === 'const' || k === 'title'),
    );
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'oneOf' && labelled)
      result['enum'] = (value as { const: unknown }[]).map((o) => o.const);
    else result[key] = compactEnums(value);
  }
  return result as T;
}
