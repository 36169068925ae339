import { describe, expect, it } from 'vitest';
import { fieldPaths, nodesAlong, type SchemaNode } from './schema-walk.ts';
import { formSchemas } from './validators.ts';

// Issue 8: the example a date error gives is the one its hint gives, and a field's own message
// says what to do, not a length limit (that one is said only when a value passes it).
describe('the texts of the forms', () => {
  for (const [kind, schema] of Object.entries(formSchemas) as [string, SchemaNode][]) {
    const nodes = fieldPaths(schema).map((path) => ({
      path,
      node: nodesAlong(schema, path.split('.')).at(-1)!.node,
    }));

    it(`${kind}: a date's error gives the same example as its hint`, () => {
      const dates = nodes.filter(({ node }) => node['x-input'] === 'date');
      // Every form asks for a date but the bilan: a test that finds none there proves nothing.
      expect(dates.length > 0).toBe(kind !== 'bilan');
      for (const { path, node } of dates) {
        const example = /par exemple (\S+)/.exec(node.description ?? '')?.[1];
        expect(example, path).toBeDefined();
        expect(node['x-error'], path).toContain(`par exemple ${example!.replace(/\.$/, '')}`);
      }
    });

    it(`${kind}: no required field's own message speaks of a length limit`, () => {
      // An optional field's message is only ever shown for a value that passed its limits.
      const required = new Set(
        fieldPaths(schema).filter((path) => {
          const chain = nodesAlong(schema, path.split('.'));
          const parent = chain.at(-2)?.node;
          return parent?.required?.includes(path.split('.').at(-1)!) ?? false;
        }),
      );
      for (const { path, node } of nodes.filter(({ path }) => required.has(path)))
        expect(node['x-error'] ?? '', path).not.toMatch(/caractères au plus/);
    });
  }
});
