import { applicationPath, digestLabel } from '../../schemas/data-layout.ts';
import { pendingRows } from '../../scripts/screening/pending-rows.ts';
import { idsInDigest, renderDigest } from '../../scripts/screening/render-digest.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { readRecords } from '../../scripts/store/read-records.ts';
import type { Core } from '../core.ts';

export interface DigestDependencies {
  store: DataStore;
  core: Pick<Core, 'setFailed' | 'info' | 'setOutput'>;
  /** The web address of a file of the data repository (for links in the issue). */
  fileUrl: (path: string) => string;
}

export { digestLabel };

/**
 * Keeps coordinators informed without watching the repository: one issue, updated in place,
 * lists the applications to screen (ids and profiles, never identity); when some are new, a
 * short comment names them, and GitHub e-mails that comment to whoever watches the issue.
 */
export async function run(deps: DigestDependencies): Promise<void> {
  const { store, core } = deps;
  try {
    const records = await readRecords(store);
    const rows = pendingRows(records.applications, records.decisions);
    const issue = await store.upsertIssue({
      label: digestLabel,
      title: `Candidatures à examiner (${rows.length})`,
      body: renderDigest(rows, (id) => deps.fileUrl(applicationPath(id))),
    });
    const known = idsInDigest(issue.previousBody);
    const fresh = rows.filter((r) => !known.has(r.id)).map((r) => r.id);
    if (fresh.length > 0) {
      await store.addComment(
        issue.number,
        `${fresh.length === 1 ? 'Nouvelle candidature' : `${fresh.length} nouvelles candidatures`} : ${fresh.join(', ')}.`,
      );
    }
    core.setOutput('pending', rows.length);
    core.setOutput('new', fresh.length);
    core.setOutput('unreadable', records.unreadable.length);
    core.info(`${rows.length} application(s) to screen, ${fresh.length} new.`);
    // The validation job names the unreadable files; the digest still lists everything else.
    if (records.unreadable.length > 0)
      core.info(
        `${records.unreadable.length} unreadable record file(s) skipped: see the validation job.`,
      );
  } catch (error) {
    core.setFailed(
      `Digest could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
  }
}
