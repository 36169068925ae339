import { applicationPath, digestLabel } from '../../schemas/data-layout.ts';
import { pendingRows } from '../screening/pending-rows.ts';
import { idsInDigest, renderDigest } from '../screening/render-digest.ts';
import type { DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';

/** What a refresh of the « Candidatures à examiner » issue found. */
export interface DigestRefresh {
  /** The issue's number. */
  issue: number;
  pending: number;
  fresh: number;
  unreadable: number;
}

/**
 * Updates the « Candidatures à examiner » issue in place: the applications still to screen (ids
 * and profiles, never identity); when some are new, a short comment names them, and GitHub
 * e-mails it to whoever watches the issue. Run after each stored application (the digest job)
 * and after each screening decision (the commands job, whose commits start no workflow).
 */
export async function refreshDigest(
  store: DataStore,
  fileUrl: (path: string) => string,
): Promise<DigestRefresh> {
  const records = await readRecords(store);
  const rows = pendingRows(records.applications, records.decisions);
  const issue = await store.upsertIssue({
    label: digestLabel,
    title: `Candidatures à examiner (${rows.length})`,
    body: renderDigest(rows, (id) => fileUrl(applicationPath(id))),
  });
  const known = idsInDigest(issue.previousBody);
  const fresh = rows.filter((r) => !known.has(r.id)).map((r) => r.id);
  if (fresh.length > 0)
    await store.addComment(
      issue.number,
      `${fresh.length === 1 ? 'Nouvelle candidature' : `${fresh.length} nouvelles candidatures`} : ${fresh.join(', ')}.`,
    );
  return {
    issue: issue.number,
    pending: rows.length,
    fresh: fresh.length,
    unreadable: records.unreadable.length,
  };
}
