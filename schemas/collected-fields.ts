import type { SchemaNode } from './schema-walk.ts';

/** Whether a person must give a field: always, never, or in one case (`when`). */
export type Need = 'required' | 'optional' | { when: string };

export interface CollectedField {
  /** The field's label in the form (tokens such as `{commune}` not yet filled). */
  title: string;
  need: Need;
  /** A box to tick (a commitment), rather than information typed or chosen. */
  checkbox: boolean;
}

export interface CollectedGroup {
  title: string;
  fields: CollectedField[];
}

/**
 * What an application form collects, by top-level group: the title of each field, or of each
 * sub-group as a whole, as the form shows it. The site's pages list these, so what they say a
 * form asks cannot drift from what it asks.
 */
export function collectedFields(schema: SchemaNode): CollectedGroup[] {
  return Object.entries(schema.properties ?? {}).map(([key, group]) => ({
    title: group.title ?? key,
    fields: Object.entries(group.properties ?? {}).map(([name, node]) => ({
      title: node.title ?? name,
      need: group.required?.includes(name)
        ? 'required'
        : node['x-required-when']
          ? { when: node['x-required-when'] }
          : 'optional',
      checkbox: node.type === 'boolean',
    })),
  }));
}
