/**
 * When a conditional field applies: another field holds a value (equals it, or, for a list of
 * choices, includes it), or the person is a minor according to a birth-date field.
 */
export type AppliesWhen =
  { readonly field: string; readonly has: string } | { readonly minor: string };

/** The parts of a JSON Schema node the forms and messages read. */
export interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  const?: unknown;
  default?: unknown;
  oneOf?: readonly SchemaNode[];
  enum?: readonly unknown[];
  items?: SchemaNode;
  properties?: Readonly<Record<string, SchemaNode>>;
  /** A stored identity: sealed (`then`) or plain (`else`), see fields.ts `storedIdentity`. */
  then?: SchemaNode;
  else?: SchemaNode;
  required?: readonly string[];
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  'x-error'?: string;
  'x-autocomplete'?: string;
  'x-input'?: 'email' | 'tel' | 'date' | 'textarea' | 'lines' | 'number';
  /** For a count: the largest choice offered, a token filled from the settings (`{capacityMax}`). */
  'x-count-max'?: string;
  /** The case in which an optional field is required, e.g. « si vous avez moins de 18 ans ». */
  'x-required-when'?: string;
  /** When a field applies at all: otherwise the form hides it and nothing of it is sent or kept. */
  'x-applies-when'?: AppliesWhen;
  /** For a group of boxes to tick: the one message when none is ticked (not one per box). */
  'x-error-all'?: string;
  /** On a form: what a person should have at hand before starting, in French. */
  'x-at-hand'?: string;
  /** Words of the label that link to a page (opened in a new tab, so nothing typed is lost). */
  'x-links'?: readonly { readonly text: string; readonly href: string }[];
}

/** Every node from the root down to `path` (dotted, array indexes allowed), as far as it goes. */
export function nodesAlong(
  root: SchemaNode,
  path: readonly string[],
): { node: SchemaNode; path: string[] }[] {
  const chain = [{ node: root, path: [] as string[] }];
  let node: SchemaNode | undefined = root;
  const walked: string[] = [];
  for (const segment of path) {
    node =
      node.properties?.[segment] ??
      node.then?.properties?.[segment] ??
      node.else?.properties?.[segment] ??
      (/^\d+$/.test(segment) ? node.items : undefined);
    if (!node) break;
    walked.push(segment);
    chain.push({ node, path: [...walked] });
  }
  return chain;
}

/** Every field path of a schema, in document order (groups before their fields). */
export function fieldPaths(root: SchemaNode, prefix = ''): string[] {
  if (root.type !== 'object' || !root.properties) return [];
  return Object.entries(root.properties).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(child, path)];
  });
}

/** Sorts items that name a field in the order the fields appear in the schema (and the form). */
export function inFieldOrder<T extends { field: string }>(
  root: SchemaNode,
  items: readonly T[],
): T[] {
  const order = fieldPaths(root);
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return [...items].sort((a, b) => rank(a.field) - rank(b.field));
}
