import {
  checkApplication,
  checkScreeningDecision,
  type ApplicationKind,
} from '../../schemas/validators.ts';
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { pendingRows } from '../../scripts/screening/pending-rows.ts';
import { idsInDigest, renderDigest } from '../../scripts/screening/render-digest.ts';
import type { Core } from '../validate/run.ts';

export interface DigestDependencies {
  store: DataStore;
  core: Pick<Core, 'setFailed' | 'info' | 'setOutput'>;
  /** The web address of a file of the data repository (for links in the issue). */
  fileUrl: (path: string) => string;
}

const folders: Record<ApplicationKind, string> = {
  mentor: 'applications/mentors',
  mentee: 'applications/mentees',
};
export const digestLabel = 'binome:candidatures';

/**
 * Keeps coordinators informed without watching the repository: one issue, updated in place,
 * lists the applications to screen (ids and profiles, never identity); when some are new, a
 * short comment names them, and GitHub e-mails that comment to whoever watches the issue.
 */
export async function run(deps: DigestDependencies): Promise<void> {
  const { store, core } = deps;
  try {
    const applications = [];
    for (const kind of ['mentor', 'mentee'] as const) {
      const paths = await store.listFiles(folders[kind]);
      for (const text of await store.readFiles(paths)) {
        const checked = checkApplication(kind, JSON.parse(text ?? 'null'));
        if (checked.ok) applications.push(checked.value);
      }
    }
    const decisions = new Map<string, ScreeningDecision>();
    for (const text of await store.readFiles(await store.listFiles('screening'))) {
      const checked = checkScreeningDecision(JSON.parse(text ?? 'null'));
      if (checked.ok) decisions.set(checked.value.id, checked.value);
    }
    const rows = pendingRows(applications, decisions);
    const pathOf = (id: string) =>
      `${id.startsWith('mentor') ? folders.mentor : folders.mentee}/${id}.json`;
    const issue = await store.upsertIssue({
      label: digestLabel,
      title: `Candidatures à examiner (${rows.length})`,
      body: renderDigest(rows, (id) => deps.fileUrl(pathOf(id))),
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
    core.info(`${rows.length} application(s) to screen, ${fresh.length} new.`);
  } catch (error) {
    core.setFailed(
      `Digest could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
  }
}
