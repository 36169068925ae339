import {
  folders,
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
import { pairingPoolInput, proposedOnBranch } from '../matching/pairing-pool-input.ts';
import type { MatchingMode } from '../matching/proposal.ts';
import type { RecordSet } from '../records/sort-records.ts';
import { MergeConflictError, type DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { printable } from '../text/printable.ts';
import { UsageError } from './usage-error.ts';

/**
 * What a pairing branch adds to main: its pairs and matching file. Only these are read from the
 * branches (the applications and decisions come from main): a branch costs a few reads.
 */
const pairingFolders = [folders.pairs, folders.matching] as const;

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
  /** Whether bringing the branch up to date with main changed it (it then needs validating). */
  moved: boolean;
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
  const context = rulesSettingsFrom(settings);
  const moved = await syncWithMain(store, branch);
  const [main, onBranch] = await Promise.all([
    readRecords(store, { context }),
    readRecords(store, { branch, folders: pairingFolders }),
  ]);
  const blocking = [
    ...new Set(
      [...main.unreadable, ...onBranch.unreadable]
        .filter((u) => /^(pairs|matching)\//.test(u.path))
        .map((u) => printable(u.path)),
    ),
  ];
  if (blocking.length > 0)
    throw new UsageError(
      `Appariement impossible : ${blocking.length === 1 ? 'ce fichier est illisible' : 'ces fichiers sont illisibles'} (${blocking.join(', ')}). Corrigez-${blocking.length === 1 ? 'le' : 'les'} d’abord : la validation des données dit pourquoi.`,
    );
  // The other cohorts' proposals, still on their branches, hold their people too: two open
  // pull requests must never pair one person twice (hostile review).
  const elsewhere = (
    await Promise.all(
      settings.cohorts
        .map((c) => c.id)
        .filter((other) => other !== cohort)
        .map(async (other) => {
          const records = await readRecords(store, {
            branch: pairingBranch(other),
            folders: pairingFolders,
          });
          return proposedOnBranch(other, records.pairs, main.pairs);
        }),
    )
  ).flat();
  const proposed = proposedOnBranch(cohort, onBranch.pairs, main.pairs);
  const edits =
    onBranch.matchingEdits.get(cohort) ??
    main.matchingEdits.get(cohort) ??
    emptyEdits(cohort, 'best');
  const poolInput = pairingPoolInput({
    cohort,
    capacityMax: settings.mentoring.mentorCapacityMax,
    main,
    proposed,
    elsewhere,
    edits,
  });
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
    moved,
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

/**
 * Brings a pairing branch up to date with main. When they conflict, the branch's proposal was
 * accepted by a squash or rebase merge (its pairs are on main, accepted since): the branch starts
 * again from main. Any other conflict is the coordinators' to settle, said in French.
 */
async function syncWithMain(store: DataStore, branch: string): Promise<boolean> {
  try {
    const { merged } = await store.mergeBranch(
      { head: 'main', base: branch },
      `Bring ${branch} up to date with main`,
    );
    return merged;
  } catch (error) {
    if (!(error instanceof MergeConflictError)) throw error;
    const [main, onBranch] = await Promise.all([
      readRecords(store, { folders: pairingFolders }),
      readRecords(store, { branch, folders: pairingFolders }),
    ]);
    const accepted = new Set(main.pairs.map((p) => p.id));
    if (onBranch.pairs.every((p) => accepted.has(p.id))) {
      await store.ensureBranch(branch, { reset: true });
      return true;
    }
    throw new UsageError(
      `La branche ${branch} ne peut pas être mise à jour avec main : un même fichier y a été modifié des deux côtés. Fermez sa pull request et supprimez la branche (bouton « Delete branch »), puis relancez l’appariement (onglet Actions, « Binômes ») : une nouvelle proposition repartira de main, sans les modifications faites sur cette branche.`,
    );
  }
}
