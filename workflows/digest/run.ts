import { digestLabel } from '../../schemas/data-layout.ts';
import { refreshDigest } from '../../scripts/commands/refresh-digest.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import type { Core } from '../core.ts';

export interface DigestDependencies {
  store: DataStore;
  core: Pick<Core, 'setFailed' | 'info' | 'setOutput'>;
  /** The web address of a file of the data repository (for links in the issue). */
  fileUrl: (path: string) => string;
}

export { digestLabel };

/**
 * Keeps coordinators informed without watching the repository: refreshes the « Candidatures à
 * examiner » issue (refreshDigest) after each application stored.
 */
export async function run(deps: DigestDependencies): Promise<void> {
  const { store, core } = deps;
  try {
    const found = await refreshDigest(store, deps.fileUrl);
    core.setOutput('pending', found.pending);
    core.setOutput('new', found.fresh);
    core.setOutput('unreadable', found.unreadable);
    core.info(`${found.pending} application(s) to screen, ${found.fresh} new.`);
    // The validation job names the unreadable files; the digest still lists everything else.
    if (found.unreadable > 0)
      core.info(`${found.unreadable} unreadable record file(s) skipped: see the validation job.`);
  } catch (error) {
    core.setFailed(
      `Digest could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
  }
}
