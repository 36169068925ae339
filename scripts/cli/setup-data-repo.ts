import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readSettings } from '../../schemas/read-settings.ts';
import { reportRulesFrom } from '../reporting/report-settings.ts';
import { dataRepositoryFiles } from '../setup/data-repository-files.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';
import { runCli } from './run-cli.ts';

// `npm run setup-data-repo -- --project owner/binome --ref v0.1.0`: writes the folders, the
// workflows that call Binôme's reusable ones, and a README for coordinators into the data
// repository the environment names (BINOME_GITHUB_REPOSITORY, or the local ./data).
await runCli(async () => {
  const { values } = parseArgs({
    options: { project: { type: 'string' }, ref: { type: 'string' } },
  });
  if (!values.project || !values.ref) {
    console.error(
      'Utilisation : npm run setup-data-repo -- --project <propriétaire/binome> --ref <version, par exemple v0.1.0>',
    );
    process.exitCode = 2;
    return;
  }
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  const store = storeFromEnvironment(process.env);
  await store.ready();
  const commit = await store.commit(
    dataRepositoryFiles({
      project: values.project,
      ref: values.ref,
      matching: {
        cohorts: settings.cohorts.map((c) => c.id),
        cron: settings.matching.schedule?.cron ?? null,
      },
      reports: { cron: reportRulesFrom(settings).schedule },
    }),
    'Set up the data repository for Binôme',
  );
  console.log(`Dépôt de données préparé (commit ${commit.slice(0, 7)}).`);
});
