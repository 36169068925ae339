import type { RulesContext } from '../../schemas/application-rules.ts';
import { locate } from '../../schemas/data-layout.ts';
import { sortRecords } from '../records/sort-records.ts';

/** A problem in the data repository, for coordinators: the file, then what is wrong, in French. */
export interface RecordProblem {
  file: string;
  field: string;
  message: string;
}

export interface RepositoryReport {
  counts: { mentors: number; mentees: number; screening: number; other: number };
  problems: RecordProblem[];
}

/**
 * Checks every record of a data repository (path -> text): each against its schema and the
 * application rules (through the one record reader), then the rules across records: every
 * screening decision refers to a valid application. Messages name files and fields, never
 * values. Pure.
 */
export function validateRepository(
  files: ReadonlyMap<string, string | undefined>,
  context: Omit<RulesContext, 'today'>,
): RepositoryReport {
  const counts = { mentors: 0, mentees: 0, screening: 0, other: 0 };
  for (const path of files.keys()) {
    const location = locate(path);
    if (location.type === 'application') counts[`${location.kind}s`] += 1;
    else if (location.type === 'screening') counts.screening += 1;
    else counts.other += 1;
  }
  const records = sortRecords(files, context);
  const problems: RecordProblem[] = records.unreadable.flatMap((u) =>
    u.problems.map((p) => ({ file: u.path, field: p.field, message: p.message })),
  );
  const applications = new Set(records.applications.map((a) => a.id));
  for (const id of records.decisions.keys()) {
    if (!applications.has(id))
      problems.push({
        file: `screening/${id}.json`,
        field: 'id',
        message: `cette décision porte sur ${id}, qui n’existe pas dans applications/ (ou n’est pas valide)`,
      });
  }
  return { counts, problems };
}
