// The layer table of scripts/dev/eslint-layers.js, through the project's own ESLint
// configuration: each rule refuses what ../shared/DESIGN.md (Project layout) forbids and lets
// through what it allows (issue 7). Importing files need not exist: only their path counts.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer problems ESLint reports for `code` saved as `file`, as `line: message`. */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  // A file that does not parse would report nothing, and prove nothing.
  expect(result!.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return result!.messages
    .filter((m) => m.ruleId === 'layers/import-boundaries')
    .map((m) => `${m.line}: ${m.message}`);
}

const refusal = (from: string, to: string) =>
  `${from} may not import ${to} (../shared/DESIGN.md, Project layout)`;

// [importing file, import specifier, the importer's layer, the refused target]
const forbidden: [string, string, string, string][] = [
  // schemas/ -> only schemas/ (and, being below the pure modules, no I/O either)
  ['schemas/x.ts', '../scripts/text/escape-markdown.ts', 'schemas/', 'scripts/text/'],
  ['schemas/x.ts', 'node:fs', 'schemas/', 'node:fs'],
  // pure modules -> schemas/ and pure modules only, and no I/O packages
  ['scripts/screening/x.ts', '../store/data-store.ts', 'scripts/screening/', 'scripts/store/'],
  ['scripts/matching/x.ts', '../intake/new-id.ts', 'scripts/matching/', 'scripts/intake/'],
  ['scripts/records/x.ts', '../commands/screen.ts', 'scripts/records/', 'scripts/commands/'],
  ['scripts/reporting/x.ts', 'node:fs/promises', 'scripts/reporting/', 'node:fs/promises'],
  ['scripts/convention/x.ts', 'node:child_process', 'scripts/convention/', 'node:child_process'],
  ['scripts/followup/x.ts', 'node:http', 'scripts/followup/', 'node:http'],
  ['scripts/validation/x.ts', 'node:net', 'scripts/validation/', 'node:net'],
  ['scripts/text/x.ts', '@octokit/rest', 'scripts/text/', '@octokit/rest'],
  ['scripts/screening/x.ts', '@actions/core', 'scripts/screening/', '@actions/core'],
  ['scripts/records/x.ts', 'fs', 'scripts/records/', 'fs'],
  // scripts/store/ -> schemas/, pure, itself
  ['scripts/store/x.ts', '../intake/new-id.ts', 'scripts/store/', 'scripts/intake/'],
  ['scripts/store/x.ts', '../setup/x.ts', 'scripts/store/', 'scripts/setup/'],
  // scripts/intake/ -> schemas/, pure, store, itself; not the Node host
  ['scripts/intake/x.ts', '../http/listen.ts', 'scripts/intake/', 'scripts/http/'],
  ['scripts/intake/x.ts', '../commands/screen.ts', 'scripts/intake/', 'scripts/commands/'],
  // scripts/http/ -> intake, store, schemas/, pure, itself
  ['scripts/http/x.ts', '../commands/screen.ts', 'scripts/http/', 'scripts/commands/'],
  ['scripts/http/x.ts', '../setup/x.ts', 'scripts/http/', 'scripts/setup/'],
  // scripts/commands/ -> schemas/, pure, store, itself
  ['scripts/commands/x.ts', '../intake/new-id.ts', 'scripts/commands/', 'scripts/intake/'],
  ['scripts/commands/x.ts', '../http/listen.ts', 'scripts/commands/', 'scripts/http/'],
  // scripts/setup/ -> schemas/, pure, store, itself
  ['scripts/setup/x.ts', '../intake/new-id.ts', 'scripts/setup/', 'scripts/intake/'],
  ['scripts/setup/x.ts', '../commands/screen.ts', 'scripts/setup/', 'scripts/commands/'],
  // scripts/cli/ -> scripts/, schemas/, content/; not workflows/, site/, tests/
  ['scripts/cli/x.ts', '../../workflows/digest/run.ts', 'scripts/cli/', 'workflows/digest/'],
  ['scripts/cli/x.ts', '../../workflows/core.ts', 'scripts/cli/', 'workflows/'],
  ['scripts/cli/x.ts', '../../site/consts.ts', 'scripts/cli/', 'site/'],
  ['scripts/cli/x.ts', '../../tests/helpers/text.ts', 'scripts/cli/', 'tests/'],
  // workflows/<job>/ -> scripts/ but cli, dev, bench; schemas/; itself; workflows/ root files
  ['workflows/digest/run.ts', '../validate/run.ts', 'workflows/digest/', 'workflows/validate/'],
  ['workflows/digest/run.ts', '../../scripts/cli/screen.ts', 'workflows/digest/', 'scripts/cli/'],
  ['workflows/digest/run.ts', '../../scripts/dev/browser.ts', 'workflows/digest/', 'scripts/dev/'],
  ['workflows/digest/run.ts', '../../scripts/bench/x.ts', 'workflows/digest/', 'scripts/bench/'],
  ['workflows/digest/run.ts', '../../site/consts.ts', 'workflows/digest/', 'site/'],
  ['workflows/digest/run.ts', '../../content/x.yaml', 'workflows/digest/', 'content/'],
  ['workflows/core.ts', './digest/run.ts', 'workflows/', 'workflows/digest/'],
  // scripts/dev/, scripts/bench/ -> anything but tests/ and workflows/ (and the global bans)
  ['scripts/dev/x.ts', '../../tests/helpers/text.ts', 'scripts/dev/', 'tests/'],
  ['scripts/dev/x.ts', '../../workflows/validate/run.ts', 'scripts/dev/', 'workflows/validate/'],
  ['scripts/dev/x.ts', '../../workflows/core.ts', 'scripts/dev/', 'workflows/'],
  ['scripts/dev/x.ts', '../cli/serve.ts', 'scripts/dev/', 'scripts/cli/'],
  ['scripts/bench/x.ts', '../../tests/helpers/text.ts', 'scripts/bench/', 'tests/'],
  ['scripts/bench/x.ts', '../../workflows/digest/run.ts', 'scripts/bench/', 'workflows/digest/'],
  // site/ -> site/, schemas/, content/
  ['site/x.ts', '../scripts/store/data-store.ts', 'site/', 'scripts/store/'],
  ['site/x.ts', '../scripts/text/escape-markdown.ts', 'site/', 'scripts/text/'],
  ['site/pages/x.ts', '../../tests/helpers/text.ts', 'site/', 'tests/'],
  ['site/x.ts', '../workflows/core.ts', 'site/', 'workflows/'],
  // Nothing outside the tests imports from tests/, site/, workflows/ or scripts/cli/
  ['scripts/store/x.ts', '../../site/consts.ts', 'scripts/store/', 'site/'],
  ['scripts/intake/x.ts', '../cli/serve.ts', 'scripts/intake/', 'scripts/cli/'],
  ['schemas/x.ts', '../tests/helpers/text.ts', 'schemas/', 'tests/'],
  [
    'scripts/screening/x.ts',
    '../../workflows/validate/run.ts',
    'scripts/screening/',
    'workflows/validate/',
  ],
  ['scripts/bench/x.ts', '../../site/consts.ts', 'scripts/bench/', 'site/'],
];

// [importing file, import specifier]
const allowed: [string, string][] = [
  ['schemas/x.ts', './fields.ts'],
  ['schemas/x.ts', 'ajv'],
  ['scripts/screening/x.ts', '../../schemas/validators.ts'],
  ['scripts/screening/x.ts', '../text/escape-markdown.ts'],
  ['scripts/screening/x.ts', './pending-rows.ts'],
  ['scripts/screening/x.ts', 'node:util'],
  ['scripts/matching/x.ts', '../convention/x.ts'],
  ['scripts/reporting/x.ts', '../records/x.ts'],
  ['scripts/store/x.ts', '../records/x.ts'],
  ['scripts/store/x.ts', '../../schemas/data-layout.ts'],
  ['scripts/store/x.ts', 'node:fs/promises'],
  ['scripts/store/x.ts', '@octokit/rest'],
  ['scripts/intake/x.ts', '../store/data-store.ts'],
  ['scripts/intake/x.ts', '../screening/read-records.ts'],
  ['scripts/intake/x.ts', './new-id.ts'],
  ['scripts/http/x.ts', '../intake/create-intake-handler.ts'],
  ['scripts/http/x.ts', '../store/local-git-store.ts'],
  ['scripts/http/x.ts', 'node:http'],
  ['scripts/commands/x.ts', '../store/data-store.ts'],
  ['scripts/commands/x.ts', '../screening/record-decision.ts'],
  ['scripts/commands/x.ts', './other.ts'],
  ['scripts/setup/x.ts', '../store/data-store.ts'],
  ['scripts/setup/x.ts', '../validation/validate-repository.ts'],
  ['scripts/cli/x.ts', '../http/listen.ts'],
  ['scripts/cli/x.ts', '../commands/screen.ts'],
  ['scripts/cli/x.ts', '../dev/browser.ts'],
  ['scripts/cli/x.ts', '../../content/programme.yaml'],
  ['scripts/cli/x.ts', './serve.ts'],
  ['workflows/digest/run.ts', '../../scripts/store/data-store.ts'],
  ['workflows/digest/run.ts', '../../scripts/commands/screen.ts'],
  ['workflows/digest/run.ts', '../../scripts/screening/render-digest.ts'],
  ['workflows/digest/run.ts', '../../schemas/validators.ts'],
  ['workflows/digest/run.ts', '../core.ts'],
  ['workflows/digest/main.ts', './run.ts'],
  ['workflows/digest/main.ts', '@actions/core'],
  ['workflows/core.ts', '../scripts/store/data-store.ts'],
  ['scripts/dev/x.ts', '../http/listen.ts'],
  ['scripts/dev/x.ts', '../../schemas/validators.ts'],
  ['scripts/dev/x.ts', '../../package.json'],
  ['scripts/bench/x.ts', '../dev/built-site.ts'],
  ['site/x.ts', '../schemas/validators.ts'],
  ['site/pages/x.ts', '../../content/programme.yaml'],
  ['site/pages/x.ts', '../consts.ts'],
  ['site/x.ts', 'node:fs'],
  ['tests/x.ts', '../site/consts.ts'],
  ['tests/site/x.test.ts', '../../workflows/digest/run.ts'],
  ['tests/x.ts', '../scripts/cli/serve.ts'],
  ['scripts/screening/x.test.ts', '../store/local-git-store.ts'],
  ['scripts/screening/x.test.ts', '../../tests/helpers/text.ts'],
  ['workflows/digest/run.test.ts', '../validate/run.ts'],
  ['vitest.config.ts', './tests/reporters/summary-reporter.ts'],
  ['astro.config.mjs', './site/plugins/base-links.ts'],
];

describe('the layer rule', () => {
  it.each(forbidden)('refuses, in %s, an import of %s', async (file, specifier, from, to) => {
    expect(await layerProblems(file, `import '${specifier}';\n`)).toEqual([
      `1: ${refusal(from, to)}`,
    ]);
  });

  it.each(allowed)('allows, in %s, an import of %s', async (file, specifier) => {
    expect(await layerProblems(file, `import '${specifier}';\n`)).toEqual([]);
  });

  it('follows every way a module names another: types, re-exports, dynamic imports', async () => {
    const code = [
      `import type { DataStore } from '../store/data-store.ts';`,
      `export { LocalGitStore } from '../store/local-git-store.ts';`,
      `export * from '../store/github-store.ts';`,
      `export const load = () => import('../intake/new-id.ts');`,
      'export const later = () => import(`../http/listen.ts`);',
      `export type Store = DataStore;`,
      // Computed paths cannot be resolved: left to review.
      `export const computed = (name: string) => import('../store/' + name);`,
    ].join('\n');
    expect(await layerProblems('scripts/screening/x.ts', code)).toMatchInlineSnapshot(`
      [
        "1: scripts/screening/ may not import scripts/store/ (../shared/DESIGN.md, Project layout)",
        "2: scripts/screening/ may not import scripts/store/ (../shared/DESIGN.md, Project layout)",
        "3: scripts/screening/ may not import scripts/store/ (../shared/DESIGN.md, Project layout)",
        "4: scripts/screening/ may not import scripts/intake/ (../shared/DESIGN.md, Project layout)",
        "5: scripts/screening/ may not import scripts/http/ (../shared/DESIGN.md, Project layout)",
      ]
    `);
  });

  it('reads the frontmatter and the bundled scripts of .astro files, at their own lines', async () => {
    const page = [
      '---',
      `import { settings } from '../consts.ts';`,
      `import { escapeMarkdown } from '../../scripts/text/escape-markdown.ts';`,
      'interface Props {',
      '  title: string;',
      '}',
      '---',
      '<p>{settings.name}</p>',
      '<script>',
      `  import '../../scripts/store/data-store.ts';`,
      '</script>',
      // Not bundled, so not resolved by Vite either; JSON is not code.
      `<script is:inline>import '../../tests/x.ts';</script>`,
      `<script type="application/ld+json">{"a": 1}</script>`,
      `<script type="module">import '../../schemas/validators.ts';</script>`,
    ].join('\n');
    expect(await layerProblems('site/pages/x.astro', page)).toEqual([
      `3: ${refusal('site/', 'scripts/text/')}`,
      `10: ${refusal('site/', 'scripts/store/')}`,
    ]);
  });

  it('asks for a decision on a folder of scripts/ the table does not know', async () => {
    expect(await layerProblems('scripts/elsewhere/x.ts', `import '../store/data-store.ts';\n`))
      .toMatchInlineSnapshot(`
      [
        "1: scripts/elsewhere/ is in no layer of the layer table (scripts/dev/eslint-layers.js): add its folder there (../shared/DESIGN.md, Project layout)",
      ]
    `);
  });
});
