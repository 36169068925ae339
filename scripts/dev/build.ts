// `npm run build [-- --production] [-- --outDir <folder>]`: builds the site with Astro.
//
// Astro's command line silently ignores a flag it does not know (`astro build --production`
// builds a development site), so this wrapper reads `--production` itself (issue 8):
// - it refuses, before anything is built, settings that still hold "[À compléter : …]" values,
//   naming each field in French, and exits with status 1;
// - it runs `astro build` with BINOME_PRODUCTION=1, which site/consts.ts checks again, so that
//   even a direct `BINOME_PRODUCTION=1 astro build` cannot publish a placeholder.
// Without `--production` the site is built as before: placeholders are shown, for the
// embedded default. BINOME_SETTINGS_FILE names another settings file (tests of the build).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSettings, refusePlaceholders } from '../../schemas/read-settings.ts';
import { buildBlankConvention } from './build-convention-pdf.ts';
import { buildDesk } from './build-desk.ts';

const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { production: { type: 'boolean', default: false }, outDir: { type: 'string' } },
    }).values;
  } catch (error) {
    console.error(
      `Arguments non reconnus (${error instanceof Error ? error.message : String(error)}).\n` +
        'Usage : npm run build [-- --production] [-- --outDir <dossier>]',
    );
    process.exit(2);
  }
}

const values = parse(process.argv.slice(2));
const production = values.production || process.env['BINOME_PRODUCTION'] === '1';

if (production) {
  const source = process.env['BINOME_SETTINGS_FILE'] || 'content/programme.yaml';
  try {
    refusePlaceholders(readSettings(readFileSync(source, 'utf8'), source), source);
  } catch (error) {
    // A SettingsError or a PlaceholdersError: its French message names every field.
    console.error(
      `\nConstruction de production refusée.\n${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

{
  // The blank convention PDF the convention page offers (issue 11), before Astro reads its size.
  const source = process.env['BINOME_SETTINGS_FILE'] || 'content/programme.yaml';
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  try {
    await buildBlankConvention(source, epoch > 0 ? new Date(epoch * 1000) : new Date());
  } catch (error) {
    console.error(
      `\nLa convention en PDF n’a pas pu être produite : ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

const child = spawn(
  process.execPath,
  [astro, 'build', ...(values.outDir ? ['--outDir', values.outDir] : [])],
  {
    stdio: 'inherit',
    env: { ...process.env, BINOME_PRODUCTION: production ? '1' : '' },
  },
);
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
  if (process.exitCode !== 0) return;
  // The coordinators' desk's script (issue 15), beside its page in the built site.
  const source = process.env['BINOME_SETTINGS_FILE'] || 'content/programme.yaml';
  buildDesk(readSettings(readFileSync(source, 'utf8'), source), values.outDir ?? 'dist').then(
    ({ entryBytes }) =>
      console.log(`Coordinators' desk built (${Math.round(entryBytes / 1024)} KiB to open it).`),
    (error: unknown) => {
      console.error(
        `\nL’espace coordination n’a pas pu être construit : ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
});
