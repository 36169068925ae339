// @ts-check
// The dependency direction of ../shared/DESIGN.md (« Project layout »), kept by the linter
// rather than by review (issue 7): every relative import, export-from and dynamic import with a
// literal path is resolved to a project folder and checked against the layer table below.
// Plain JavaScript because eslint.config.js loads it before any TypeScript tooling runs.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = '(../shared/DESIGN.md, Project layout)';

/** Folders of `scripts/` whose modules are pure: data in, data out (STYLE.md, principle 1). */
const pureFolders = new Set([
  'records',
  'screening',
  'validation',
  'text',
  'matching',
  'convention',
  'followup',
  'reporting',
  'coordination',
]);
/** The other folders of `scripts/`, each its own layer. */
const scriptFolders = new Set([
  'privacy',
  'store',
  'intake',
  'http',
  'desk',
  'commands',
  'setup',
  'cli',
  'dev',
  'bench',
  'demo',
  'national',
]);

/**
 * @typedef {'tests' | 'root' | 'schemas' | 'content' | 'site' | 'pure' | 'privacy' | 'store' | 'intake'
 *   | 'http' | 'desk' | 'commands' | 'setup' | 'cli' | 'dev' | 'bench' | 'demo' | 'unlisted-scripts'
 *   | 'national' | 'workflows' | 'job' | 'other' | 'outside'} Kind
 * @typedef {{ kind: Kind, label: string, job?: string }} Layer
 */

const testFile = /\.test\.[cm]?[jt]sx?$/;

/**
 * The layer of a project file, from its path relative to the project root ('/' separators).
 * @param {string} path
 * @returns {Layer}
 */
export function layerOf(path) {
  if (path === '..' || path.startsWith('../') || path.startsWith('/'))
    return { kind: 'outside', label: 'a file outside the project' };
  const parts = path.split('/');
  const [top, second] = parts;
  if (top === 'tests' || testFile.test(path)) return { kind: 'tests', label: 'tests/' };
  // Tool configuration at the root (eslint.config.js, vitest.config.ts, astro.config.mjs)
  // assembles the project and may reach anything.
  if (parts.length === 1) return { kind: 'root', label: `${top} (project root)` };
  if (top === 'schemas' || top === 'content' || top === 'site')
    return { kind: top, label: `${top}/` };
  if (top === 'scripts') {
    if (parts.length === 2) return { kind: 'unlisted-scripts', label: 'scripts/' };
    const label = `scripts/${second}/`;
    if (pureFolders.has(second ?? '')) return { kind: 'pure', label };
    if (scriptFolders.has(second ?? '')) return { kind: /** @type {Kind} */ (second), label };
    return { kind: 'unlisted-scripts', label };
  }
  if (top === 'workflows') {
    // Files at the root of workflows/ (workflows/core.ts) are shared by every job.
    if (parts.length === 2) return { kind: 'workflows', label: 'workflows/' };
    return { kind: 'job', label: `workflows/${second}/`, job: second ?? '' };
  }
  return { kind: 'other', label: `${top}/` };
}

/** @type {Kind[]} */
const adapters = ['privacy', 'store', 'intake', 'http', 'desk', 'commands', 'setup'];
/** @type {Kind[]} */
const allScripts = [
  'pure',
  ...adapters,
  'cli',
  'dev',
  'bench',
  'demo',
  'national',
  'unlisted-scripts',
];

/**
 * What each layer may import besides itself (tests and root configuration may import anything).
 * @type {Partial<Record<Kind, Kind[]>>}
 */
const allowed = {
  schemas: ['schemas'],
  pure: ['schemas', 'pure'],
  // Encryption (age): randomness and keys, never a store.
  privacy: ['schemas', 'pure', 'privacy'],
  store: ['schemas', 'pure', 'privacy', 'store'],
  intake: ['schemas', 'pure', 'privacy', 'store', 'intake'],
  http: ['schemas', 'pure', 'privacy', 'store', 'intake', 'http'],
  // The coordinators' desk, in the browser: reads through the store, opens with the keys.
  desk: ['schemas', 'pure', 'privacy', 'store', 'desk'],
  commands: ['schemas', 'pure', 'privacy', 'store', 'commands'],
  setup: ['schemas', 'pure', 'privacy', 'store', 'setup'],
  // The national simulation: the synthetic people of dev/, the real matching and reports.
  national: ['schemas', 'pure', 'dev', 'national'],
  cli: ['schemas', 'content', ...allScripts],
  // The demo (issue 16) plays every user's part with the adapters, as the command lines do, with
  // the synthetic people's seeded generator of dev/.
  demo: ['schemas', 'pure', ...adapters, 'dev', 'demo'],
  // A job's own folder is checked apart (same job only).
  job: ['schemas', 'pure', ...adapters, 'unlisted-scripts', 'workflows'],
  workflows: ['schemas', 'pure', ...adapters, 'unlisted-scripts', 'workflows'],
  dev: ['schemas', 'content', 'site', ...allScripts, 'root', 'other'],
  bench: ['schemas', 'content', 'site', ...allScripts, 'root', 'other'],
  site: ['site', 'schemas', 'content'],
};

/**
 * Whether a file of layer `from` may import a file of layer `to`.
 * @param {Layer} from
 * @param {Layer} to
 */
export function mayImport(from, to) {
  if (from.kind === 'tests' || from.kind === 'root') return true;
  // Nothing outside the tests depends on the tests, the site, the jobs or the command lines,
  // whatever the table below says: those are the ends of the dependency arrows.
  if (to.kind === 'tests' || to.kind === 'outside') return false;
  if (to.kind === 'site' && from.kind !== 'site') return false;
  if (to.kind === 'cli' && from.kind !== 'cli') return false;
  if (to.kind === 'job') return from.kind === 'job' && from.job === to.job;
  if (to.kind === 'workflows' && from.kind !== 'job' && from.kind !== 'workflows') return false;
  return allowed[from.kind]?.includes(to.kind) ?? false;
}

// I/O lives in adapters: a pure module (and the schemas below it) gets its data, clients and
// clocks as parameters (STYLE.md, principle 1).
const ioModules = new Set(['fs', 'child_process', 'http', 'https', 'net']);
const ioScopes = ['@octokit/', '@actions/', 'octokit'];

/** @param {string} specifier a bare module specifier */
function isIo(specifier) {
  const name = specifier.replace(/^node:/, '').split('/')[0] ?? '';
  return (
    ioModules.has(name) ||
    ioScopes.some((scope) => specifier === scope || specifier.startsWith(scope))
  );
}

/** @param {string} file an absolute path */
function projectPath(file) {
  return relative(root, file).split(sep).join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keeps imports pointing the way ../shared/DESIGN.md (Project layout) says.',
    },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const importerPath = projectPath(file);
    const importer = layerOf(importerPath);
    // A file outside the project (an editor buffer, another checkout) is not ours to judge.
    if (importer.kind === 'outside') return {};

    /** @param {import('estree').Node | null | undefined} node */
    function check(node) {
      if (!node) return;
      /** @type {string | undefined} */
      let specifier;
      if (node.type === 'Literal' && typeof node.value === 'string') specifier = node.value;
      else if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
        specifier = node.quasis[0]?.value.cooked ?? undefined;
      // A computed dynamic import cannot be resolved here; review catches those.
      if (specifier === undefined) return;

      if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
        if ((importer.kind === 'pure' || importer.kind === 'schemas') && isIo(specifier))
          context.report({
            node,
            message: `${importer.label} may not import ${specifier} ${source}`,
          });
        return;
      }
      const target = layerOf(projectPath(resolve(dirname(file), specifier.split('?')[0] ?? '')));
      if (importer.kind === 'unlisted-scripts' || importer.kind === 'other') {
        context.report({
          node,
          message: `${importer.label} is in no layer of the layer table (scripts/dev/eslint-layers.js): add its folder there ${source}`,
        });
        return;
      }
      if (!mayImport(importer, target))
        context.report({
          node,
          message: `${importer.label} may not import ${target.label} ${source}`,
        });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/**
 * Takes the code of an .astro file out for linting: the frontmatter, and each bundled `<script>`.
 * Every block keeps its place (blank lines and spaces before it), so messages need no mapping.
 * @param {string} text
 * @returns {{ text: string, filename: string }[]}
 */
export function astroCodeBlocks(text) {
  /** @type {[number, number][]} */
  const ranges = [];
  let templateStart = 0;
  const frontmatter = /^(\s*---\r?\n)([\s\S]*?)^---[ \t]*\r?$/m.exec(text);
  if (frontmatter && frontmatter.index === 0) {
    const start = frontmatter[1]?.length ?? 0;
    ranges.push([start, start + (frontmatter[2] ?? '').length]);
    templateStart = frontmatter[0].length;
  }
  const scripts = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
  scripts.lastIndex = templateStart;
  for (let match = scripts.exec(text); match; match = scripts.exec(text)) {
    const attributes = match[1] ?? '';
    // Inline scripts are not bundled (their imports are not resolved), and JSON is not code.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/.exec(attributes)?.[1];
    if (/\bis:inline\b/.test(attributes) || (type !== undefined && type !== 'module')) continue;
    const start = match.index + match[0].indexOf('>') + 1;
    ranges.push([start, start + (match[2] ?? '').length]);
  }
  return ranges.map(([start, end], index) => {
    const before = text.slice(0, start);
    const lastLine = before.length - before.lastIndexOf('\n') - 1;
    const padding = '\n'.repeat(before.split('\n').length - 1) + ' '.repeat(lastLine);
    return { text: padding + text.slice(start, end), filename: `${index}.ts` };
  });
}

/** @type {import('eslint').Linter.Processor} */
const astro = {
  meta: { name: 'layers/astro' },
  preprocess: (text) => astroCodeBlocks(text),
  postprocess: (messages) => messages.flat(),
  supportsAutofix: false,
};

/** The plugin: `layers/import-boundaries`, and the `layers/astro` processor for .astro files. */
export const layers = {
  meta: { name: 'layers' },
  rules: { 'import-boundaries': importBoundaries },
  processors: { astro },
};
