import { readFile } from 'node:fs/promises';
import { readSettings } from '../../schemas/read-settings.ts';
import { parseCommandLine } from '../commands/parse-command-line.ts';
import { UsageError } from '../commands/usage-error.ts';
import { reportRulesFrom } from '../reporting/report-settings.ts';
import { dataRepositoryFiles } from '../setup/data-repository-files.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';
import { runCli } from './run-cli.ts';

const usage = `Utilisation :
  npm run setup-data-repo -- --project <propriétaire/binome> --ref <version>
    prépare le dépôt de données du programme : ses dossiers, ses workflows (qui appellent ceux
    de Binôme, à la version donnée, par exemple v0.1.0) et le guide des coordinateurs en
    français (README.md), en un seul commit. Le dépôt est celui que nomme l’environnement :
    BINOME_GITHUB_REPOSITORY (avec BINOME_GITHUB_TOKEN ou les variables de l’application GitHub),
    sinon le dépôt local (BINOME_DATA_DIR, par défaut ./data).
    --project   le dépôt de Binôme dont les workflows sont appelés (propriétaire/nom)
    --ref       la version de Binôme à utiliser (une étiquette ou une branche)
  Pour passer à une nouvelle version de Binôme, relancez la commande avec une autre --ref.`;

// `npm run setup-data-repo -- --project owner/binome --ref v0.1.0`: writes the folders, the
// workflows that call Binôme's reusable ones, and a README for coordinators into the data
// repository the environment names (BINOME_GITHUB_REPOSITORY, or the local ./data).
await runCli(async () => {
  const parsed = parseCommandLine(
    process.argv.slice(2),
    usage,
    { project: { type: 'string' }, ref: { type: 'string' } },
    (line) => console.log(line),
  );
  // --help printed the usage: nothing else is read, and no data repository is created.
  if (!parsed) return;
  const { project, ref } = parsed.values;
  if (!project || !ref || parsed.positionals.length > 0) throw new UsageError(usage);
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  let files;
  try {
    files = dataRepositoryFiles({
      project,
      ref,
      matching: {
        cohorts: settings.cohorts.map((c) => c.id),
        cron: settings.matching.schedule?.cron ?? null,
      },
      reports: { cron: reportRulesFrom(settings).schedule },
    });
  } catch {
    // Only what was typed can be wrong here (the settings were validated when read).
    throw new UsageError(
      `--project doit être de la forme propriétaire/nom et --ref une étiquette ou une branche (par exemple v0.1.0).\n${usage}`,
    );
  }
  const store = storeFromEnvironment(process.env);
  await store.ready();
  const commit = await store.commit(files, 'Set up the data repository for Binôme');
  console.log(`Dépôt de données préparé (commit ${commit.slice(0, 7)}).`);
});
