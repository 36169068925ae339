import {
  applicationPath,
  erasurePath,
  pairPath,
  screeningPath,
} from '../../schemas/data-layout.ts';
import type { Erasure } from '../../schemas/erasure.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import type { FileChange } from '../store/data-store.ts';
import type { PersonRecords } from './person-records.ts';

/**
 * The change that erases a person from main: their application, screening decision and the
 * intake's marker go; what the programme's figures count stays, as `erasures/<id>.json`
 * (role, cohort, month, how far screening went). Pairs stay, without the free words of their
 * events: they are the other person's history too, and name this person by id only. Undefined when nothing is left to
 * change. Their data key is destroyed apart, once this change is on main.
 */
export function erasureChange(
  person: PersonRecords,
  reason: Erasure['reason'],
  today: string,
  timeZone: string,
): { files: FileChange[]; remove: string[] } | undefined {
  const remove = [
    ...(person.application ? [applicationPath(person.id)] : []),
    ...(person.decision ? [screeningPath(person.id)] : []),
    ...(person.submissionMarker ? [person.submissionMarker] : []),
  ];
  const files: FileChange[] = [];
  if (!person.erasure && person.application) {
    const erasure: Erasure = {
      schemaVersion: 1,
      id: person.id,
      kind: person.kind,
      cohort: person.application.cohort,
      // The month in the programme's time zone, as the reports count it (not UTC's: an
      // application sent at 0:30 in Paris on 1 November is November's).
      submittedMonth: dateIn(timeZone, new Date(person.application.submittedAt)).slice(0, 7),
      lastStatus: person.decision?.status ?? 'new',
      erasedOn: today,
      reason,
    };
    files.push({ path: erasurePath(person.id), content: JSON.stringify(erasure, null, 2) + '\n' });
  }
  // The pairs stay, but not the coordinators' free words on their events: they may say
  // something about the person (« a déménagé chez son père »).
  for (const pair of person.pairs)
    if (pair.events.some((e) => e.reason !== undefined))
      files.push({
        path: pairPath(pair.id),
        content:
          JSON.stringify(
            { ...pair, events: pair.events.map(({ reason: _reason, ...event }) => event) },
            null,
            2,
          ) + '\n',
      });
  // Their pairs' follow-up codes stop working, and the bilans' free texts go: their authors'
  // words may say something about the person. The answers (dates, ratings) stay, by pair id.
  remove.push(...person.followUpCodes);
  for (const { path, record } of person.followUps)
    if (record.words) {
      const kept = { ...record };
      delete kept.words;
      files.push({ path, content: JSON.stringify(kept, null, 2) + '\n' });
    }
  return remove.length || files.length ? { files, remove } : undefined;
}
