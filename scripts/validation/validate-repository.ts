import type { FieldProblem } from '../../schemas/format-errors.ts';
import {
  checkApplication,
  checkScreeningDecision,
  type ApplicationKind,
} from '../../schemas/validators.ts';

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

const applicationPath = /^applications\/(mentors|mentees)\/([^/]+)\.json$/;
const screeningPath = /^screening\/([^/]+)\.json$/;

/**
 * Checks every record of a data repository (path -> text): each against its schema and the
 * application rules, then the rules across records: a file is named after its record's id, ids
 * are unique, and every screening decision refers to an application that exists. Pure.
 */
export function validateRepository(
  files: ReadonlyMap<string, string>,
  context: { communes: readonly string[]; mentorCapacityMax: number },
): RepositoryReport {
  const problems: RecordProblem[] = [];
  const counts = { mentors: 0, mentees: 0, screening: 0, other: 0 };
  const applications = new Set<string>();
  const seen = new Map<string, string>();
  const add = (file: string, list: readonly FieldProblem[]) =>
    problems.push(...list.map((p) => ({ file, field: p.field, message: p.message })));
  const parse = (file: string, text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      add(file, [
        { field: '', message: `ce fichier n’est pas du JSON valide (${(error as Error).message})` },
      ]);
      return undefined;
    }
  };
  const checkName = (file: string, expected: string, record: unknown) => {
    const id = (record as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') return;
    if (id !== expected)
      add(file, [
        {
          field: 'id',
          message: `le fichier doit s’appeler ${id}.json, comme l’identifiant qu’il contient`,
        },
      ]);
    const other = seen.get(id);
    if (other)
      add(file, [{ field: 'id', message: `l’identifiant ${id} est déjà celui de ${other}` }]);
    else seen.set(id, file);
  };

  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const application = applicationPath.exec(file);
    const screening = screeningPath.exec(file);
    if (application) {
      const kind: ApplicationKind = application[1] === 'mentors' ? 'mentor' : 'mentee';
      counts[application[1] as 'mentors' | 'mentees'] += 1;
      const record = parse(file, text);
      if (record === undefined) continue;
      const checked = checkApplication(kind, record, context);
      if (!checked.ok) add(file, checked.problems);
      checkName(file, application[2]!, record);
      if (checked.ok) applications.add(checked.value.id);
    } else if (screening) {
      counts.screening += 1;
      const record = parse(file, text);
      if (record === undefined) continue;
      const checked = checkScreeningDecision(record);
      if (!checked.ok) add(file, checked.problems);
      else if (checked.value.id !== screening[1]) {
        add(file, [
          {
            field: 'id',
            message: `le fichier doit s’appeler ${checked.value.id}.json, comme l’identifiant qu’il contient`,
          },
        ]);
      }
    } else {
      counts.other += 1;
    }
  }
  // Decisions are checked once every application is known.
  for (const [file, text] of files) {
    const screening = screeningPath.exec(file);
    if (!screening) continue;
    const id = (() => {
      try {
        return (JSON.parse(text) as { id?: unknown }).id;
      } catch {
        return undefined;
      }
    })();
    if (
      typeof id === 'string' &&
      /^(mentor|mentee)-[0-9a-z]{6}$/.test(id) &&
      !applications.has(id)
    ) {
      add(file, [
        {
          field: 'id',
          message: `cette décision porte sur ${id}, qui n’existe pas dans applications/ (ou n’est pas valide)`,
        },
      ]);
    }
  }
  return { counts, problems };
}
