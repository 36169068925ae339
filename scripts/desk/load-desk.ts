import { folders, pairingBranch } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn, rulesSettingsFrom } from '../../schemas/rules-context.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import { deskView, type DeskView } from '../coordination/desk-view.ts';
import type { RecordSet } from '../records/sort-records.ts';
import { readRecords } from '../store/read-records.ts';
import { DeskError } from './desk-error.ts';
import type { DeskSource } from './desk-source.ts';

/** What the desk has read: the view it shows, and the records it was made from. */
export interface LoadedDesk {
  view: DeskView;
  records: RecordSet;
}

/**
 * Reads the data repository as the desk shows it: main's records through the one reader, with
 * the identities opened by the coordinator's keys (in this browser only), and each cohort's
 * pairing branch. A key that opens none of the identities it should is said at once, rather
 * than shown as a page of unreadable names.
 */
export async function loadDesk(
  source: DeskSource,
  identities: readonly string[],
  settings: ProgrammeSettings,
  now: Date,
): Promise<LoadedDesk> {
  source.refresh();
  const records = await readRecords(source, {
    context: rulesSettingsFrom(settings),
    identities,
  });
  const sealed = records.applications.filter((a) => isSealed(a.identity)).length;
  const opened = records.applications.length - sealed;
  if (
    opened === 0 &&
    records.unopened.length > 0 &&
    records.unopened.every((u) => u.problem === 'wrong-key')
  )
    throw new DeskError(
      'Cette clé n’ouvre aucune des identités du dépôt : ce n’est pas la clé de la coordination de ce programme (ou elle a été remplacée depuis). Choisissez le bon fichier de clé.',
    );
  const branches = await Promise.all(
    settings.cohorts.map(async (cohort) => {
      const onBranch = await readRecords(source, {
        branch: pairingBranch(cohort.id),
        folders: [folders.pairs, folders.matching],
      });
      return {
        cohort: cohort.id,
        pairs: onBranch.pairs,
        ...(onBranch.matchingEdits.get(cohort.id)
          ? { edits: onBranch.matchingEdits.get(cohort.id)! }
          : {}),
      };
    }),
  );
  const today = dateIn(settings.structure.timeZone, now);
  return { view: deskView({ records, branches, settings, today }), records };
}
