// The schemas' validators precompiled (Ajv standalone) for bundles that must not generate code at
// run time: the Cloudflare Worker (no eval at all) and the coordinators' desk (a page whose
// Content-Security-Policy forbids it).
import { resolve } from 'node:path';
import standalone from 'ajv/dist/standalone/index.js';
import type { Plugin } from 'esbuild';
import { createAjv } from '../../schemas/ajv-instance.ts';
import { compiledSchemas } from '../../schemas/compile-schema.ts';
import '../../schemas/validators.ts';

const root = resolve(import.meta.dirname, '..', '..');

/**
 * Every validator the intake may compile, precompiled: one module per schema, then one that
 * stands in for schemas/compile-schema.ts and hands them out by name.
 */
export function precompiledValidators(): Plugin {
  const names = [...compiledSchemas.keys()];
  const formats = resolve(root, 'schemas/string-formats.ts');
  return {
    name: 'binome-precompiled-validators',
    setup(builder) {
      builder.onResolve({ filter: /[/\\]compile-schema\.ts$/ }, () => ({
        path: 'compile-schema',
        namespace: 'binome-validators',
      }));
      builder.onResolve({ filter: /^binome-validator:\d+$/ }, (args) => ({
        path: args.path,
        namespace: 'binome-validators',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'binome-validators' }, (args) => {
        if (args.path === 'compile-schema')
          return {
            contents:
              names.map((_, i) => `import v${i} from 'binome-validator:${i}';`).join('\n') +
              `\nconst table = new Map([${names.map((name, i) => `[${JSON.stringify(name)}, v${i}]`).join(', ')}]);\n` +
              'export const compiledSchemas = new Map();\n' +
              'export function compileSchema(name) {\n' +
              '  const validate = table.get(name);\n' +
              '  if (!validate) throw new Error(`No precompiled validator "${name}": build again.`);\n' +
              '  return validate;\n}\n',
            loader: 'js',
            resolveDir: root,
          };
        const name = names[Number(args.path.split(':')[1])]!;
        const ajv = createAjv({ precompiled: true });
        return {
          contents:
            `import { stringFormats } from ${JSON.stringify(formats)};\n` +
            standalone(ajv, ajv.compile(compiledSchemas.get(name)!)),
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}
