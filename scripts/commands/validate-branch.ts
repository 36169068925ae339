import { recordFolders } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { DataStore } from '../store/data-store.ts';
import { validationComment } from '../validation/validation-comment.ts';
import { validateRepository, type RepositoryReport } from '../validation/validate-repository.ts';

/**
 * Checks every record of a branch (main when absent), and on a pull request keeps its one
 * validation comment up to date. The validation job runs it; so do the matching job and the
 * comment commands after writing a proposal, because a pull request opened or updated with the
 * workflow's own token starts no other workflow (TOOLCHAIN.md): coordinators still see it checked.
 */
export async function validateBranch(
  store: DataStore,
  settings: ProgrammeSettings,
  pullRequest?: { number: number; branch: string },
): Promise<{ report: RepositoryReport; records: number }> {
  const branch = pullRequest ? { branch: pullRequest.branch } : {};
  const paths = (await Promise.all(recordFolders.map((f) => store.listFiles(f, branch)))).flat();
  const texts = await store.readFiles(paths, branch);
  const report = validateRepository(
    new Map(paths.map((path, i) => [path, texts[i]])),
    rulesSettingsFrom(settings),
    { sealedIdentities: settings.encryption.identities === 'sealed' },
  );
  if (pullRequest)
    await store.upsertComment({
      number: pullRequest.number,
      marker: 'validate',
      body: validationComment(report),
    });
  return { report, records: paths.length };
}
