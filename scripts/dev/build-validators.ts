// Precompiles the application forms' validators for the browser (Ajv standalone: no eval, so
// they run under `script-src 'self'`), bundled with esbuild into self-contained ES modules in
// schemas/generated/. Runs before every build, check and test; the output is not committed.
import { mkdir, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import standalone from 'ajv/dist/standalone/index.js';
import { createAjv } from '../../schemas/ajv-instance.ts';
import { compactEnums } from '../../schemas/compact-enums.ts';
import { formSchemas } from '../../schemas/validators.ts';

const outDir = 'schemas/generated';
await mkdir(outDir, { recursive: true });
await writeFile(`${outDir}/.gitignore`, '*\n');

for (const [kind, schema] of Object.entries(formSchemas)) {
  const ajv = createAjv({ forBrowser: true });
  // The formats are functions (string-formats.ts): the code refers to them by this name.
  const source =
    "import { stringFormats } from './schemas/string-formats.ts';\n" +
    standalone(ajv, ajv.compile(compactEnums(schema)));
  const bundled = await build({
    stdin: { contents: source, resolveDir: process.cwd(), sourcefile: `${kind}-form-validator.js` },
    bundle: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const file = `${outDir}/${kind}-form-validator`;
  await writeFile(`${file}.js`, bundled.outputFiles[0]!.text);
  await writeFile(
    `${file}.d.ts`,
    "import type { ValidateFunction } from 'ajv';\ndeclare const validate: ValidateFunction;\nexport default validate;\n",
  );
}
console.log(`Browser validators written to ${outDir}/.`);
