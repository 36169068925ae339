import {
  matchingEditsPath,
  pairPath,
  pairingBranch,
  reviewPath,
} from '../../schemas/data-layout.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import { buildPool, type MatchingPool, type PoolInput } from '../matching/build-pool.ts';
import type { MatchingMode } from '../matching/proposal.ts';
import type { RecordSet } from '../records/sort-records.ts';
import type { DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { printable } from '../text/printable.ts';
import { UsageError } from './usage-error.ts';

/** Where a cohort's pairing stands: main, its pull request's branch, and the matching pool. */
export interface PairingState {
  cohort: string;
  branch: string;
  main: RecordSet;
  /** The cohort's proposed pairs on the branch that main does not have yet, by mentee id. */
  proposed: Pair[];
  /** The cohort's matching file (mode and coordinators' edits), as the branch holds it. */
  edits: MatchingEdits;
  pool: MatchingPool;
  /** What the pool was built from: an edit builds it again with its forced pairs and edits. */
  poolInput: PoolInput;
  /** The text of every file a proposal may rewrite, as read: written only if still so. */
  read: Map<string, string | undefined>;
}

/** The cohort as settings list it; a UsageError in French otherwise. */
export function checkedCohort(settings: ProgrammeSettings, cohort: string | undefined): string {
  const known = settings.cohorts.map((c) => c.id);
  if (!cohort || !known.includes(cohort))
    throw new UsageError(
      `Cohorte « ${printable(cohort ?? '')} » inconnue : indiquez l’une de celles de content/programme.yaml (${known.join(', ')}).`,
    );
  return cohort;
}

const emptyEdits = (cohort: string, mode: MatchingMode): MatchingEdits => ({
  schemaVersion: 1,
  cohort,
  mode,
  forbidden: [],
  withdrawn: [],
});

/**
 * Reads a cohort's pairing (issue 9). Its branch is created from main if it does not exist, and
 * brought up to date with main first, so that the pull request is always checked and merged
 * against the current applications and decisions. An unreadable pair or matching file stops
 * everything: matching without it could pair someone twice.
 */
export async function readPairingState(
  store: DataStore,
  settings: ProgrammeSettings,
  cohort: string,
): Promise<PairingState> {
  const branch = pairingBranch(cohort);
  await store.ensureBranch(branch);
  await store.mergeBranch({ head: 'main', base: branch }, `Bring ${branch} up to date with main`);
  const context = rulesSettingsFrom(settings);
  const [main, onBranch] = await Promise.all([
    readRecords(store, { context }),
    readRecords(store, { branch, context }),
  ]);
  const blocking = [...main.unreadable, ...onBranch.unreadable].filter((u) =>
    /^(pairs|matching)\//.test(u.path),
  );
  if (blocking.length > 0)
    throw new UsageError(
      `Appariement impossible : ${blocking.length === 1 ? 'ce fichier est illisible' : 'ces fichiers sont illisibles'} (${[...new Set(blocking.map((b) => printable(b.path)))].join(', ')}). Corrigez-les d’abord : la validation des données dit pourquoi.`,
    );
  const onMain = new Set(main.pairs.map((p) => p.id));
  const proposed = onBranch.pairs
    .filter((p) => p.cohort === cohort && p.status === 'proposed' && !onMain.has(p.id))
    .sort((a, b) => (a.mentee < b.mentee ? -1 : 1));
  const edits =
    onBranch.matchingEdits.get(cohort) ??
    main.matchingEdits.get(cohort) ??
    emptyEdits(cohort, 'best');
  const poolInput: PoolInput = {
    cohort,
    capacityMax: settings.mentoring.mentorCapacityMax,
    applications: main.applications,
    decisions: main.decisions,
    pairs: main.pairs,
    forced: proposed.filter((p) => p.proposedBy === 'coordinator'),
    edits: [...[...main.matchingEdits.values()].filter((e) => e.cohort !== cohort), edits],
  };
  const pool = buildPool(poolInput);
  const paths = [
    ...proposed.map((p) => pairPath(p.id)),
    reviewPath(cohort),
    matchingEditsPath(cohort),
  ];
  const texts = await store.readFiles(paths, { branch });
  return {
    cohort,
    branch,
    main,
    proposed,
    edits,
    pool,
    poolInput,
    read: new Map(paths.map((p, i) => [p, texts[i]])),
  };
}

/** The pool once a coordinator's edit is applied: these pairs on the branch, these edits. */
export function poolAfterEdit(
  state: PairingState,
  pairs: readonly Pair[],
  edits: MatchingEdits,
): MatchingPool {
  return buildPool({
    ...state.poolInput,
    forced: pairs.filter((p) => p.proposedBy === 'coordinator'),
    edits: [...state.poolInput.edits.filter((e) => e.cohort !== state.cohort), edits],
  });
}
