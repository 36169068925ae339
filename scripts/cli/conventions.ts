import { readConventionAssets } from '../commands/convention-assets.ts';
import { conventionFolder, localConventionsPath } from '../commands/convention-folder.ts';
import { textProgress } from '../commands/progress.ts';
import { runConventions } from '../commands/run-conventions.ts';
import { UsageError } from '../commands/usage-error.ts';
import { privacyDependencies } from './privacy-cli.ts';
import { runCli } from './run-cli.ts';

// `npm run conventions -- …`: see runConventions. On the embedded default the PDFs go to
// <data>/conventions; a failed pair makes the exit status 1 once the others are written.
await runCli(async () => {
  const deps = await privacyDependencies();
  if (deps.onGitHub)
    throw new UsageError(
      'Sur GitHub, les conventions sont produites dans l’onglet « Actions » : par « Binômes » après la fusion d’une pull request d’appariement, ou par « Conventions » (« Run workflow »), qui les déposent en artefact. npm run conventions n’écrit que celles du dépôt local.',
    );
  const outcome = await runConventions(process.argv.slice(2), {
    ...deps,
    assets: () => readConventionAssets(deps.settings),
    folder: conventionFolder(localConventionsPath(process.env['BINOME_DATA_DIR'] ?? 'data')),
    progress: textProgress(process.stdout),
  });
  if (outcome && outcome.failed.length > 0) process.exitCode = 1;
});
