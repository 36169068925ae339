import { isMinorOn } from './application-rules.ts';
import type { AppliesWhen, SchemaNode } from './schema-walk.ts';

/** The value at a dotted path of a form object (`profile.sector`), if any. */
export function valueAt(form: unknown, path: string): unknown {
  let value = form;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Whether a conditional field applies to this form on `today`: the browser shows it only then,
 * and the intake keeps it only then (issue 8: what does not apply is neither checked nor kept).
 */
export function applies(when: AppliesWhen, form: unknown, today: string): boolean {
  if ('minor' in when) {
    const birthDate = valueAt(form, when.minor);
    return typeof birthDate === 'string' && isMinorOn(birthDate, today);
  }
  const value = valueAt(form, when.field);
  return Array.isArray(value) ? value.includes(when.has) : value === when.has;
}

/** The form without the conditional fields that do not apply to it. Pure: a new object. */
export function withoutInapplicable(
  schema: SchemaNode,
  form: Record<string, unknown>,
  today: string,
): Record<string, unknown> {
  const prune = (node: SchemaNode, value: unknown): unknown => {
    if (!node.properties || !value || typeof value !== 'object' || Array.isArray(value))
      return value;
    const kept: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childNode = node.properties[key];
      const when = childNode?.['x-applies-when'];
      if (when && !applies(when, form, today)) continue;
      kept[key] = childNode ? prune(childNode, child) : child;
    }
    return kept;
  };
  return prune(schema, form) as Record<string, unknown>;
}
