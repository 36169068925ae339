// The coordinators' desk's script (issue 15): scripts/desk/ bundled for the browser, with what it
// needs that is public (the settings, the convention's text, its fonts), into the built site's
// /coordination/ folder beside its page. The schemas' validators are precompiled (the page's
// policy forbids generating code); nothing of Node may be imported (the build fails, naming it).
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { build } from 'esbuild';
import { deskPath } from '../../schemas/desk-policy.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { conventionFonts, conventionSourceFile } from '../commands/convention-assets.ts';
import { precompiledValidators } from './precompiled-validators.ts';

const root = resolve(import.meta.dirname, '..', '..');

export interface DeskBuild {
  /** The entry script and its chunks, in bytes. */
  bytes: number;
  /** The entry script alone (what opening the page loads), in bytes. */
  entryBytes: number;
}

/** Builds the desk into `<site>/coordination/` (the built site: dist/ by default). */
export async function buildDesk(settings: ProgrammeSettings, site = 'dist'): Promise<DeskBuild> {
  const outDir = resolve(site, deskPath);
  await mkdir(outDir, { recursive: true });
  // A rebuild leaves no chunk of an earlier one behind.
  for (const name of await readdir(outDir))
    if (/^bureau(-[A-Z0-9]+)?\.js$/.test(name)) await rm(resolve(outDir, name), { force: true });
  const fonts = { regular: 'inter-regular.ttf', bold: 'inter-bold.ttf' };
  await copyFile(resolve(root, conventionFonts.regular), resolve(outDir, fonts.regular));
  await copyFile(resolve(root, conventionFonts.bold), resolve(outDir, fonts.bold));
  const logoPath = settings.conventions?.logo;
  const logo = logoPath
    ? {
        file: `logo${extname(logoPath)}`,
        type: logoPath.endsWith('.png') ? ('png' as const) : ('jpeg' as const),
      }
    : undefined;
  if (logoPath && logo) await copyFile(resolve(root, logoPath), resolve(outDir, logo.file));
  const config = {
    settings,
    conventionMarkdown: await readFile(resolve(root, conventionSourceFile), 'utf8'),
    fonts,
    ...(logo ? { logo } : {}),
  };
  const entry =
    `import { startDesk } from ${JSON.stringify(resolve(root, 'scripts/desk/desk-page.ts'))};\n` +
    `const config = JSON.parse(${JSON.stringify(JSON.stringify(config))});\n` +
    // The page is at <base>coordination/, its server side (on the embedded default) at
    // <base>api/coordination/: both found from this script's own address.
    'void startDesk({ ...config, assets: new URL("./", import.meta.url), ' +
    'api: new URL("../api/coordination/", import.meta.url).href });\n';
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'desk-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir: outDir,
    entryNames: 'bureau',
    chunkNames: 'bureau-[hash]',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    plugins: [precompiledValidators()],
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  const entryBytes = Object.entries(result.metafile.outputs)
    .filter(([path]) => path.endsWith('/bureau.js'))
    .reduce((sum, [, o]) => sum + o.bytes, 0);
  return { bytes, entryBytes };
}
