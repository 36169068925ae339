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
  followups: 'followups',
  reports: 'reports',
} as const;

/** The folders a new data repository starts with (the setup command writes them). */
export const initialFolders = [
  folders.mentor,
  folders.mentee,
  folders.screening,
  folders.pairs,
  folders.followups,
  folders.reports,
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

/** What a path of the data repository holds, from its name alone. */
export type RecordLocation =
  | { type: 'application'; kind: ApplicationKind; id: string }
  | { type: 'screening'; id: string }
  | { type: 'other' };

const applicationFile = /^applications\/(mentors|mentees)\/([^/]+)\.json$/;
const screeningFile = /^screening\/([^/]+)\.json$/;

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
  return { type: 'other' };
}
