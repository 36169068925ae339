// The one module that knows the data repository's layout: its folders, file names and id
// patterns (../shared/DESIGN.md, « Data repository layout »). Every reader and writer, the
// schemas' id fields, the setup command and the validation job take them from here.

/** The kinds of application, as they appear in ids (`mentor-…`, `mentee-…`) and folders. */
export type ApplicationKind = 'mentor' | 'mentee';

export const applicationKinds = ['mentor', 'mentee'] as const satisfies readonly ApplicationKind[];

/** Id patterns, as JSON Schema `pattern` strings (literal types, for the derived types). */
export const idPatterns = {
  mentor: '^mentor-[0-9a-z]{6}$',
  mentee: '^mentee-[0-9a-z]{6}$',
  application: '^(mentor|mentee)-[0-9a-z]{6}$',
  /** A pair is named after its two people, so the same two can never get two files. */
  pair: '^pair-[0-9a-z]{6}-[0-9a-z]{6}$',
  cohort: '^[0-9]{4}-[0-9]{4}$',
} as const;

const applicationId = new RegExp(idPatterns.application);

export const folders = {
  mentor: 'applications/mentors',
  mentee: 'applications/mentees',
  screening: 'screening',
  /** What the intake writes beside each application so that every instance sees it at once. */
  submissions: 'intake/submissions',
  challenges: 'intake/challenges',
  pairs: 'pairs',
  /** The matching review of each cohort, shown in its pairing pull request. */
  reviews: 'reviews',
  /** The coordinators' matching edits of each cohort (forbidden and withdrawn pairs). */
  matching: 'matching',
  followups: 'followups',
  /** Whose each follow-up code is, by the code's hash: never the code (issue 12). */
  followUpCodes: 'followup-codes',
  reports: 'reports',
  /** What stays of an erased person: the figures reports count, never who they were. */
  erasures: 'erasures',
  /** Sealed copies of the filled conventions, when the settings keep them (issue 11). */
  conventions: 'conventions',
} as const;

/** The folders of the records the one record reader reads (and the validation checks). */
export const recordFolders = [
  folders.mentor,
  folders.mentee,
  folders.screening,
  folders.pairs,
  folders.matching,
  folders.erasures,
  folders.followups,
  folders.followUpCodes,
] as const;

/** The label of the « Candidatures à examiner » issue, where coordinators use /decision. */
export const digestLabel = 'binome:candidatures';

/** The label of the weekly « Suivi des binômes » issue, where the pairs' commands belong. */
export const followUpLabel = 'binome:suivi';

/** The folders a new data repository starts with (the setup command writes them). */
export const initialFolders = [
  folders.mentor,
  folders.mentee,
  folders.screening,
  folders.pairs,
  folders.reviews,
  folders.matching,
  folders.followups,
  folders.followUpCodes,
  folders.reports,
  folders.erasures,
] as const;

/** Whether `text` is an application id (`mentee-7f3k9q`), nothing more and nothing less. */
export function isApplicationId(text: string): boolean {
  return applicationId.test(text);
}

/** The kind of an application id, or undefined when it is not one. */
export function kindOfId(id: string): ApplicationKind | undefined {
  return isApplicationId(id) ? (id.slice(0, 6) as ApplicationKind) : undefined;
}

/** `mentee-7f3k9q` -> `applications/mentees/mentee-7f3k9q.json`. The id must be valid. */
export function applicationPath(id: string): string {
  const kind = kindOfId(id);
  if (!kind) throw new RangeError('Not an application id.');
  return `${folders[kind]}/${id}.json`;
}

/** `mentee-7f3k9q` -> `screening/mentee-7f3k9q.json`. The id must be valid. */
export function screeningPath(id: string): string {
  if (!isApplicationId(id)) throw new RangeError('Not an application id.');
  return `${folders.screening}/${id}.json`;
}

/** `mentee-7f3k9q` -> `erasures/mentee-7f3k9q.json`. The id must be valid. */
export function erasurePath(id: string): string {
  if (!isApplicationId(id)) throw new RangeError('Not an application id.');
  return `${folders.erasures}/${id}.json`;
}

/** The marker of a submission, by the hash of its idempotency key (64 hex digits). */
export function submissionPath(keyHash: string): string {
  if (!/^[0-9a-f]{64}$/.test(keyHash)) throw new RangeError('Not a SHA-256 hex digest.');
  return `${folders.submissions}/${keyHash}.json`;
}

/** The marker of a used proof-of-work challenge, by the hash of its signature. */
export function challengePath(signatureHash: string): string {
  if (!/^[0-9a-f]{64}$/.test(signatureHash)) throw new RangeError('Not a SHA-256 hex digest.');
  return `${folders.challenges}/${signatureHash}.json`;
}

/**
 * Where a record's data key lives (scripts/store/data-store.ts, `KeyStore`), never in a branch:
 * on GitHub the ref `refs/binome-keys/<id>`, on the embedded default the file
 * `<data>/binome-keys/<id>.age` beside the local repository's objects. The id must be valid.
 */
export const dataKeys = {
  refPrefix: 'binome-keys/',
  folder: 'binome-keys',
  ref(id: string): string {
    if (!isApplicationId(id)) throw new RangeError('Not an application id.');
    return `${this.refPrefix}${id}`;
  },
  file(id: string): string {
    if (!isApplicationId(id)) throw new RangeError('Not an application id.');
    return `${this.folder}/${id}.age`;
  },
  /** The file name inside the key folder within which a commit holds the key on GitHub. */
  blobName: 'data-key.age',
} as const;

const pairIdPattern = new RegExp(idPatterns.pair);
const cohortPattern = new RegExp(idPatterns.cohort);

/** Whether `text` is a pair id (`pair-7f3k9q-a1b2c3`). */
export function isPairId(text: string): boolean {
  return pairIdPattern.test(text);
}

/** Whether `text` is a cohort id (`2026-2027`). */
export function isCohortId(text: string): boolean {
  return cohortPattern.test(text);
}

/** The id of the pair of these two people: `pair-<mentor's 6>-<mentee's 6>`. */
export function pairIdOf(mentorId: string, menteeId: string): string {
  if (kindOfId(mentorId) !== 'mentor' || kindOfId(menteeId) !== 'mentee')
    throw new RangeError('Not a mentor id and a mentee id.');
  return `pair-${mentorId.slice(7)}-${menteeId.slice(7)}`;
}

/** `pair-7f3k9q-a1b2c3` -> `pairs/pair-7f3k9q-a1b2c3.json`. The id must be valid. */
export function pairPath(pairId: string): string {
  if (!isPairId(pairId)) throw new RangeError('Not a pair id.');
  return `${folders.pairs}/${pairId}.json`;
}

function checkedCohort(cohort: string): string {
  if (!isCohortId(cohort)) throw new RangeError('Not a cohort id.');
  return cohort;
}

/** The matching review of a cohort: `reviews/2026-2027.md`. */
export function reviewPath(cohort: string): string {
  return `${folders.reviews}/${checkedCohort(cohort)}.md`;
}

/**
 * A pair's sealed convention (`conventions.delivery: commit`): `conventions/<pairId>.pdf.age`,
 * which only both members' data keys open. The id must be valid.
 */
export function conventionPath(pairId: string): string {
  if (!isPairId(pairId)) throw new RangeError('Not a pair id.');
  return `${folders.conventions}/${pairId}.pdf.age`;
}

/** The coordinators' matching edits of a cohort: `matching/2026-2027.json`. */
export function matchingEditsPath(cohort: string): string {
  return `${folders.matching}/${checkedCohort(cohort)}.json`;
}

/** The branch of a cohort's pairing pull request: `binomes/2026-2027`. */
export function pairingBranch(cohort: string): string {
  return `binomes/${checkedCohort(cohort)}`;
}

/** A report's period as its folder is named: `2026-11`, `2026-2027` or `cohorte-2026-2027`. */
const reportPeriodPattern = /^([0-9]{4}-(0[1-9]|1[0-2])|(cohorte-)?[0-9]{4}-[0-9]{4})$/;

/** `2026-2027` -> `reports/2026-2027`: where that period's report lives (issue 13). */
export function reportFolder(period: string): string {
  if (!reportPeriodPattern.test(period)) throw new RangeError('Not a report period.');
  return `${folders.reports}/${period}`;
}

/** The branch of the pull request that proposes a period's report: `rapports/2026-2027`. */
export function reportBranch(period: string): string {
  return `rapports/${reportFolder(period).slice(folders.reports.length + 1)}`;
}

/** The branch of the retention pull request (what is past its retention period, deleted). */
export const retentionBranch = 'conservation';

/** The cohort of a pairing branch, or undefined when the branch is not one. */
export function cohortOfBranch(branch: string): string | undefined {
  const match = /^binomes\/([0-9]{4}-[0-9]{4})$/.exec(branch);
  return match?.[1];
}

/** What a path of the data repository holds, from its name alone. */
export type RecordLocation =
  | { type: 'application'; kind: ApplicationKind; id: string }
  | { type: 'screening'; id: string }
  | { type: 'pair'; id: string }
  | { type: 'matching-edits'; cohort: string }
  | { type: 'erasure'; id: string }
  | { type: 'follow-up'; pairId: string; at: string; role: string }
  | { type: 'follow-up-code'; hash: string }
  | { type: 'other' };

const applicationFile = /^applications\/(mentors|mentees)\/([^/]+)\.json$/;
const screeningFile = /^screening\/([^/]+)\.json$/;
const pairFile = /^pairs\/([^/]+)\.json$/;
const matchingEditsFile = /^matching\/([^/]+)\.json$/;
const erasureFile = /^erasures\/([^/]+)\.json$/;
const followUpFile = /^followups\/([^/]+)\/([^/]+)\.json$/;
const followUpName = /^(\d{8}T\d{9}Z)-(mentor|mentee|coordinator)$/;
const followUpCodeFile = /^followup-codes\/([^/]+)\.json$/;

/**
 * Where a file sits in the layout. `id` is the file's name without `.json`, which should be the
 * record's id (the validation job checks it); it may not be a valid id.
 */
export function locate(path: string): RecordLocation {
  const application = applicationFile.exec(path);
  if (application)
    return {
      type: 'application',
      kind: application[1] === 'mentors' ? 'mentor' : 'mentee',
      id: application[2]!,
    };
  const screening = screeningFile.exec(path);
  if (screening) return { type: 'screening', id: screening[1]! };
  const pair = pairFile.exec(path);
  if (pair) return { type: 'pair', id: pair[1]! };
  const edits = matchingEditsFile.exec(path);
  if (edits) return { type: 'matching-edits', cohort: edits[1]! };
  const erasure = erasureFile.exec(path);
  if (erasure) return { type: 'erasure', id: erasure[1]! };
  const followUp = followUpFile.exec(path);
  if (followUp) {
    // A name that says neither when nor whom is still a follow-up file: the reader reports it.
    const name = followUpName.exec(followUp[2]!);
    return { type: 'follow-up', pairId: followUp[1]!, at: name?.[1] ?? '', role: name?.[2] ?? '' };
  }
  const code = followUpCodeFile.exec(path);
  if (code) return { type: 'follow-up-code', hash: code[1]! };
  return { type: 'other' };
}

/** The pair a path is the file of (`pairs/<pairId>.json`), if it is one. */
export function pairOfPath(path: string): string | undefined {
  const located = locate(path);
  return located.type === 'pair' ? located.id : undefined;
}

/** `2026-11-30T19:37:17.123Z` -> `20261130T193717123Z`: sortable, and one per millisecond. */
function compactInstant(at: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/.exec(at);
  if (!match) throw new RangeError('Not a UTC instant.');
  return `${match.slice(1, 4).join('')}T${match.slice(4, 7).join('')}${(match[7] ?? '').padEnd(3, '0')}Z`;
}

/** The instant a follow-up file name holds (`20261130T193717123Z`), as an ISO string. */
export function instantOfFollowUpName(at: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(at);
  return match
    ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.${match[7]}Z`
    : undefined;
}

/**
 * One follow-up record of a pair: `followups/<pairId>/<instant>-<role>.json`, named by when it
 * was sent and by whom (mentor, mentee or coordinator), never by what it says.
 */
export function followUpPath(
  pairId: string,
  at: string,
  role: 'mentor' | 'mentee' | 'coordinator',
): string {
  if (!isPairId(pairId)) throw new RangeError('Not a pair id.');
  return `${folders.followups}/${pairId}/${compactInstant(at)}-${role}.json`;
}

/** The folder of a pair's follow-up records. */
export function followUpFolder(pairId: string): string {
  if (!isPairId(pairId)) throw new RangeError('Not a pair id.');
  return `${folders.followups}/${pairId}`;
}

/** Whose a follow-up code is: `followup-codes/<SHA-256 of the code>.json`. */
export function followUpCodePath(codeHash: string): string {
  if (!/^[0-9a-f]{64}$/.test(codeHash)) throw new RangeError('Not a SHA-256 hex digest.');
  return `${folders.followUpCodes}/${codeHash}.json`;
}
