import { pairPath, pairingBranch } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { pairText } from '../matching/pair-record.ts';
import { StaleFileError, type DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';

/**
 * Marks accepted the pairs a merge brought into main (issue 9: coordinators accept by merging):
 * each of the cohort's pairs still `proposed` on main becomes `accepted`, with the date, in one
 * commit. Run after the merge on GitHub (the match workflow, on the merged pull request), and
 * by `npm run match -- --accept`. Idempotent.
 */
export async function markAccepted(
  store: DataStore,
  cohort: string,
  now: Date,
): Promise<{ accepted: string[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const records = await readRecords(store);
    const merged = records.pairs.filter((p) => p.cohort === cohort && p.status === 'proposed');
    if (merged.length === 0) return { accepted: [] };
    const at = now.toISOString();
    const files = merged.map((pair) => {
      const accepted: Pair = {
        ...pair,
        status: 'accepted',
        events: [...pair.events, { type: 'accepted', at }],
      };
      return { path: pairPath(pair.id), content: pairText(accepted) };
    });
    const read = await store.readFiles(files.map((f) => f.path));
    try {
      await store.commit(files, `Accept ${merged.length} pair(s) of cohort ${cohort}`, {
        unchanged: new Map(files.map((f, i) => [f.path, read[i]])),
      });
      return { accepted: merged.map((p) => p.id) };
    } catch (error) {
      if (!(error instanceof StaleFileError) || attempt >= 5) throw error;
    }
  }
}

/**
 * `npm run match -- --accept <cohort>` on the embedded default: merges the cohort's branch into
 * main, as merging the pull request does on GitHub, then marks its pairs accepted.
 */
export async function acceptCohort(
  store: DataStore,
  cohort: string,
  now: Date,
): Promise<{ merged: boolean; accepted: string[] }> {
  const { merged } = await store.mergeBranch(
    pairingBranch(cohort),
    `Accept the pairs proposed for cohort ${cohort}`,
  );
  return { merged, ...(await markAccepted(store, cohort, now)) };
}
