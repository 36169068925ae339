import type { SchemaNode } from './schema-walk.ts';

/** `JJ/MM/AAAA` (as people type dates in France) to `AAAA-MM-JJ`; anything else is kept as typed. */
export function frenchDateToIso(value: string): string {
  // Phones' digit keypads have no « / »: 14072006 and 14 07 2006 are accepted too.
  const match =
    /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value) ??
    /^(\d{1,2})\s+(\d{1,2})\s+(\d{4})$/.exec(value) ??
    /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : value;
}

function leaf(node: SchemaNode, values: readonly string[]): unknown {
  if (node.type === 'array') {
    const items =
      node['x-input'] === 'lines'
        ? (values[0] ?? '').split(/\r?\n/).map((line) => line.trim().normalize('NFC'))
        : [...values];
    const kept = items.filter((item) => item !== '');
    return kept.length ? kept : undefined;
  }
  const raw = values[0]?.trim().normalize('NFC');
  if (raw === undefined || raw === '') return undefined;
  if (node.type === 'boolean') return raw === 'on' || raw === 'true' ? true : raw;
  if (node.type === 'integer' || node.type === 'number')
    return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (node['x-input'] === 'date') return frenchDateToIso(raw);
  return raw;
}

/**
 * Builds the object a form describes from its fields, named by dotted path (`identity.email`),
 * the same way in the browser and in the intake: empty fields are left out (so the schema says
 * « obligatoire »), numbers and ticked boxes get their type, dates typed `JJ/MM/AAAA` become ISO.
 * Fields the schema does not know (anti-bot fields, for instance) are ignored.
 */
export function formToObject(
  schema: SchemaNode,
  entries: Iterable<readonly [string, string]>,
): Record<string, unknown> {
  const byName = new Map<string, string[]>();
  // Linear in the number of fields: a body of 16,000 times the same name must cost nothing.
  for (const [name, value] of entries) {
    const values = byName.get(name);
    if (values) values.push(value);
    else byName.set(name, [value]);
  }
  // An empty optional group (a minor's legal representative, for an adult) is left out; an
  // empty required one is kept as {}, so that each of its fields is reported, not the group.
  const walk = (node: SchemaNode, prefix: string, required: boolean): unknown => {
    if (node.type === 'object' && node.properties) {
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.properties)) {
        const value = walk(
          child,
          prefix ? `${prefix}.${key}` : key,
          node.required?.includes(key) ?? false,
        );
        if (value !== undefined) result[key] = value;
      }
      return Object.keys(result).length || required ? result : undefined;
    }
    return leaf(node, byName.get(prefix) ?? []);
  };
  return walk(schema, '', true) as Record<string, unknown>;
}
