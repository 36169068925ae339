import {
  applicationPath,
  erasurePath,
  folders,
  followUpFolder,
  followUpPath,
  pairOfPath,
  isApplicationId,
  kindOfId,
  screeningPath,
  submissionPath,
} from '../../schemas/data-layout.ts';
import type { Erasure } from '../../schemas/erasure.schema.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import type { RecordSet } from '../records/sort-records.ts';
import type { DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { codeFilesNaming } from './follow-up-codes.ts';
import { UsageError } from './usage-error.ts';

/** Everything the data repository holds about one person, found by their id. */
export interface PersonRecords {
  id: string;
  kind: 'mentor' | 'mentee';
  /** Their application, its identity opened when a key was given and it could be. */
  application?: Application<'mentor' | 'mentee'>;
  /** Why the identity stayed sealed, when a key was given. */
  unopened?: string;
  decision?: ScreeningDecision;
  pairs: Pair[];
  /** The cohorts whose matching edits name them (forbidden or withdrawn pairs). */
  matchingEdits: MatchingEdits[];
  erasure?: Erasure;
  /** Whether their data key still exists. */
  hasKey: boolean;
  /** The intake's marker of their submission, when it is still there. */
  submissionMarker?: string;
  /** The follow-up records of their pairs (issue 12), with where each is. */
  followUps: { path: string; record: FollowUp }[];
  /** The owner files of their pairs' follow-up codes. */
  followUpCodes: string[];
}

/** The person's records among `set`. */
export async function personFrom(
  store: DataStore,
  set: RecordSet,
  id: string,
): Promise<PersonRecords> {
  const application = set.applications.find((a) => a.id === id);
  const unopened = set.unopened.find((u) => u.id === id)?.reason;
  const decision = set.decisions.get(id);
  const erasure = set.erasures.get(id);
  const marker = application ? submissionPath(application.intake.idempotencyKeyHash) : undefined;
  const pairs = set.pairs.filter((p) => p.mentor === id || p.mentee === id);
  const pairIds = new Set(pairs.map((p) => p.id));
  return {
    id,
    kind: kindOfId(id)!,
    ...(application ? { application } : {}),
    ...(unopened ? { unopened } : {}),
    ...(decision ? { decision } : {}),
    pairs,
    followUps: pairs.flatMap((pair) =>
      (set.followUps.get(pair.id) ?? []).map((record) => ({
        path: followUpPath(pair.id, record.submittedAt, record.role),
        record,
      })),
    ),
    // A broken owner file of theirs too: repaired later, its code would work again.
    followUpCodes: (await codeFilesNaming(store, pairIds)).map((owner) => owner.path),
    matchingEdits: [...set.matchingEdits.values()].filter((edits) =>
      JSON.stringify(edits).includes(`"${id}"`),
    ),
    ...(erasure ? { erasure } : {}),
    hasKey: (await store.keys.read(id)) !== undefined,
    ...(marker && (await store.readFile(marker)) !== undefined ? { submissionMarker: marker } : {}),
  };
}

/** Refuses, in French, what is neither a person's id nor an e-mail address. */
export function checkWho(who: string): void {
  if (!isApplicationId(who) && !/^[^@\s]+@[^@\s]+$/.test(who.trim()))
    throw new UsageError(
      'Donnez l’identifiant de la personne (mentee-… ou mentor-…) ou son adresse électronique.',
    );
}

/**
 * Finds a person by id, or by e-mail address (theirs or their legal representative's, compared
 * without case), which needs every identity opened. Throws a French `UsageError` when nobody
 * matches; an e-mail shared by several applications gives all of them.
 */
export async function findPeople(
  store: DataStore,
  who: string,
  identities: readonly string[] | undefined,
): Promise<{ set: RecordSet; ids: string[] }> {
  if (isApplicationId(who)) {
    // Their own files, and the pairs and matching edits that may name them: never the whole
    // repository (on GitHub, a request per file).
    // Their pairs' follow-ups only (a year of a programme's check-ins is many files).
    const pairFiles = await store.listFiles(folders.pairs);
    const theirs = pairFiles.flatMap((path) => {
      const pairId = pairOfPath(path);
      // `pair-<mentor's 6>-<mentee's 6>`: the same six characters may be two people's.
      const [, mentor, mentee] = pairId?.split('-') ?? [];
      return pairId && (who.startsWith('mentor-') ? mentor : mentee) === who.slice(7)
        ? [pairId]
        : [];
    });
    const followUps = (
      await Promise.all(theirs.map((pairId) => store.listFiles(followUpFolder(pairId))))
    ).flat();
    const set = await readRecords(store, {
      folders: [folders.pairs, folders.matching, folders.followUpCodes],
      paths: [applicationPath(who), screeningPath(who), erasurePath(who), ...followUps],
      ...(identities ? { identities } : {}),
    });
    const known =
      set.applications.some((a) => a.id === who) ||
      set.decisions.has(who) ||
      set.erasures.has(who) ||
      set.pairs.some((p) => p.mentor === who || p.mentee === who) ||
      (await store.keys.read(who)) !== undefined;
    if (!known) throw new UsageError(`Aucune donnée n’est enregistrée pour ${who}.`);
    return { set, ids: [who] };
  }
  checkWho(who);
  if (!identities)
    throw new UsageError('Chercher par adresse électronique demande la clé de la coordination.');
  const set = await readRecords(store, { identities });
  const wanted = who.trim().toLowerCase();
  const ids = set.applications
    .filter((a) => {
      if (isSealed(a.identity)) return false;
      const identity = a.identity as { email?: string; legalRepresentative?: { email?: string } };
      return [identity.email, identity.legalRepresentative?.email].some(
        (e) => e?.trim().toLowerCase() === wanted,
      );
    })
    .map((a) => a.id);
  if (ids.length === 0)
    throw new UsageError(
      set.unopened.length
        ? `Aucune candidature lisible ne porte cette adresse (${set.unopened.length > 1 ? `${set.unopened.length} identités n’ont pas pu être ouvertes` : 'une identité n’a pas pu être ouverte'} : personnes effacées, ou clé privée qui ne les ouvre pas).`
        : 'Aucune candidature ne porte cette adresse électronique.',
    );
  return { set, ids };
}
