import type { RulesContext } from '../../schemas/application-rules.ts';
import { instantOfFollowUpName, locate, type ApplicationKind } from '../../schemas/data-layout.ts';
import type { FollowUp, FollowUpCode } from '../../schemas/follow-up.schema.ts';
import type { FieldProblem } from '../../schemas/format-errors.ts';
import { parseJson } from '../../schemas/parse-json.ts';
import type { Erasure } from '../../schemas/erasure.schema.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import {
  checkApplication,
  checkErasure,
  checkFollowUp,
  checkFollowUpCode,
  checkMatchingEdits,
  checkPair,
  checkScreeningDecision,
  type Application,
  type Checked,
} from '../../schemas/validators.ts';

/** A file that could not be read as a valid record: where, and why (never what it says). */
export interface UnreadableRecord {
  path: string;
  /** One French sentence for coordinators; it names fields, never quotes values. */
  reason: string;
  problems: FieldProblem[];
}

/** The records of a data repository, sorted: the valid ones, and the files that are not. */
export interface RecordSet {
  applications: Application<ApplicationKind>[];
  /** Valid screening decisions, by application id. */
  decisions: Map<string, ScreeningDecision>;
  /** Valid pairs, in the order of their ids. */
  pairs: Pair[];
  /** Valid matching edits, by cohort. */
  matchingEdits: Map<string, MatchingEdits>;
  /** What stays of erased people, by id. */
  erasures: Map<string, Erasure>;
  /** Valid follow-up records, by pair id, oldest first (issue 12). */
  followUps: Map<string, FollowUp[]>;
  /** Whose each follow-up code is, by the code's SHA-256. */
  followUpCodes: Map<string, FollowUpCode>;
  unreadable: UnreadableRecord[];
  /**
   * Applications read with a key whose identity could not be opened (the key destroyed, or
   * not the programme's): they stay among `applications`, sealed.
   */
  unopened: { id: string; reason: string; problem: 'no-key' | 'wrong-key' | 'corrupt' }[];
}

export function unreadable(path: string, problems: FieldProblem[]): UnreadableRecord {
  const fields = [...new Set(problems.map((p) => p.field).filter(Boolean))];
  const first = problems[0]?.message ?? 'ce fichier est illisible';
  const reason =
    fields.length === 0
      ? first.startsWith('ce fichier')
        ? first
        : `le fichier entier ${first}`
      : `ce fichier ne respecte pas son schéma (${fields.join(', ')})`;
  return { path, reason, problems };
}

const nameMismatch = (id: string): FieldProblem => ({
  field: 'id',
  message: `le fichier doit s’appeler ${id}.json, comme l’identifiant qu’il contient`,
});

/**
 * Sorts the files of a data repository (path -> text) into valid records and unreadable files.
 * Pure, and never throws because of what a file contains: a coordinator's mistaken edit must
 * not stop the intake, the screening command or a job (issue 7). Files outside the records'
 * folders are ignored. With `context`, applications are also held to the form's rules.
 */
export function sortRecords(
  files: ReadonlyMap<string, string | undefined>,
  context?: Omit<RulesContext, 'today'>,
): RecordSet {
  const set: RecordSet = {
    applications: [],
    decisions: new Map(),
    pairs: [],
    matchingEdits: new Map(),
    erasures: new Map(),
    followUps: new Map(),
    followUpCodes: new Map(),
    unreadable: [],
    unopened: [],
  };
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    try {
      sortOne(set, path, text, context);
    } catch {
      // Whatever a file holds, it is one unreadable file, never the end of the reading.
      set.unreadable.push(unreadable(path, [{ field: '', message: 'ce fichier est illisible' }]));
    }
  }
  return set;
}

function sortOne(
  set: RecordSet,
  path: string,
  text: string | undefined,
  context: Omit<RulesContext, 'today'> | undefined,
): void {
  const location = locate(path);
  if (location.type === 'other') return;
  if (text === undefined) {
    set.unreadable.push(unreadable(path, [{ field: '', message: 'ce fichier est introuvable' }]));
    return;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    set.unreadable.push(unreadable(path, [{ field: '', message: parsed.message }]));
    return;
  }
  if (location.type === 'application') {
    const checked = checkApplication(location.kind, parsed.value, context);
    if (!checked.ok) set.unreadable.push(unreadable(path, checked.problems));
    else if (checked.value.id !== location.id)
      set.unreadable.push(unreadable(path, [nameMismatch(checked.value.id)]));
    else set.applications.push(checked.value);
  } else if (location.type === 'screening') {
    const checked = named(path, checkScreeningDecision(parsed.value), location.id, set);
    if (checked) set.decisions.set(checked.id, checked);
  } else if (location.type === 'pair') {
    const checked = named(path, checkPair(parsed.value), location.id, set);
    if (checked) set.pairs.push(checked);
  } else if (location.type === 'erasure') {
    const checked = named(path, checkErasure(parsed.value), location.id, set);
    if (checked) set.erasures.set(checked.id, checked);
  } else if (location.type === 'follow-up') {
    const checked = checkFollowUp(parsed.value);
    if (!checked.ok) set.unreadable.push(unreadable(path, checked.problems));
    else if (
      checked.value.pairId !== location.pairId ||
      checked.value.role !== location.role ||
      instantOfFollowUpName(location.at) !== new Date(checked.value.submittedAt).toISOString()
    )
      set.unreadable.push(
        unreadable(path, [
          {
            field: 'submittedAt',
            message:
              'le fichier doit s’appeler followups/<binôme>/<instant d’envoi>-<rôle>.json, comme ce qu’il contient',
          },
        ]),
      );
    else {
      const list = set.followUps.get(location.pairId) ?? [];
      list.push(checked.value);
      set.followUps.set(location.pairId, list);
    }
  } else if (location.type === 'follow-up-code') {
    const checked = checkFollowUpCode(parsed.value);
    if (!checked.ok) set.unreadable.push(unreadable(path, checked.problems));
    else set.followUpCodes.set(location.hash, checked.value);
  } else {
    const checked = checkMatchingEdits(parsed.value);
    if (!checked.ok) set.unreadable.push(unreadable(path, checked.problems));
    else if (checked.value.cohort !== location.cohort)
      set.unreadable.push(
        unreadable(path, [
          {
            field: 'cohort',
            message: `le fichier doit s’appeler ${checked.value.cohort}.json, comme la cohorte qu’il contient`,
          },
        ]),
      );
    else set.matchingEdits.set(checked.value.cohort, checked.value);
  }
}

/** The record when it is valid and named after its id; otherwise it is noted unreadable. */
function named<T extends { id: string }>(
  path: string,
  checked: Checked<T>,
  id: string,
  set: RecordSet,
): T | undefined {
  if (!checked.ok) set.unreadable.push(unreadable(path, checked.problems));
  else if (checked.value.id !== id)
    set.unreadable.push(unreadable(path, [nameMismatch(checked.value.id)]));
  else return checked.value;
  return undefined;
}
