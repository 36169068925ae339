import { parseArgs } from 'node:util';
import { dataRepositoryFiles } from '../setup/data-repository-files.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';

// `npm run setup-data-repo -- --project owner/binome --ref v0.1.0`: writes the folders, the
// workflows that call Binôme's reusable ones, and a README for coordinators into the data
// repository the environment names (BINOME_GITHUB_REPOSITORY, or the local ./data).
const { values } = parseArgs({
  options: { project: { type: 'string' }, ref: { type: 'string' } },
});
if (!values.project || !values.ref) {
  console.error(
    'Usage: npm run setup-data-repo -- --project <owner/binome> --ref <release tag, e.g. v0.1.0>',
  );
  process.exit(2);
}
const store = storeFromEnvironment(process.env);
if (store instanceof LocalGitStore) await store.ready();
const commit = await store.commit(
  dataRepositoryFiles({ project: values.project, ref: values.ref }),
  'Set up the data repository for Binôme',
);
console.log(`Data repository set up (commit ${commit.slice(0, 7)}).`);
