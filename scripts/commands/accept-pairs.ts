import { pairPath, pairingBranch, reviewPath } from '../../schemas/data-layout.ts';
import { holdingStatuses, type Pair } from '../../schemas/pair.schema.ts';
import type { Application } from '../../schemas/validators.ts';
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
  capacityMax: number,
): Promise<{ accepted: string[]; refused: { id: string; reason: string }[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const records = await readRecords(store);
    // A merge is not a check: a pair that would take a person twice, or a mentor past their
    // places (two cohorts' pull requests merged one after the other), stays proposed, reported.
    const holding = records.pairs.filter((p) => holdingStatuses.includes(p.status));
    const menteesHeld = new Set(holding.map((p) => p.mentee));
    const places = new Map<string, number>();
    for (const a of records.applications)
      if (a.id.startsWith('mentor-'))
        places.set(a.id, Math.min((a as Application<'mentor'>).profile.capacity, capacityMax));
    for (const p of holding) places.set(p.mentor, (places.get(p.mentor) ?? 0) - 1);
    const refused: { id: string; reason: string }[] = [];
    const merged = records.pairs.filter((p) => {
      if (p.cohort !== cohort || p.status !== 'proposed') return false;
      const reason = menteesHeld.has(p.mentee)
        ? `${p.mentee} est déjà dans un binôme accepté`
        : (places.get(p.mentor) ?? 0) < 1
          ? `${p.mentor} n’a plus de place`
          : undefined;
      if (reason) {
        refused.push({ id: p.id, reason });
        return false;
      }
      menteesHeld.add(p.mentee);
      places.set(p.mentor, (places.get(p.mentor) ?? 0) - 1);
      return true;
    });
    if (merged.length === 0) return { accepted: [], refused };
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
      return { accepted: merged.map((p) => p.id), refused };
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
  capacityMax: number,
): Promise<{ merged: boolean; accepted: string[]; refused: { id: string; reason: string }[] }> {
  // No proposal (no branch, or nothing on it): nothing to merge.
  if ((await store.readFile(reviewPath(cohort), { branch: pairingBranch(cohort) })) === undefined)
    return { merged: false, ...(await markAccepted(store, cohort, now, capacityMax)) };
  const { merged } = await store.mergeBranch(
    pairingBranch(cohort),
    `Accept the pairs proposed for cohort ${cohort}`,
  );
  return { merged, ...(await markAccepted(store, cohort, now, capacityMax)) };
}
