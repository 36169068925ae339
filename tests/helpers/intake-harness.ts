import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { parse } from 'yaml';
import { readSettings } from '../../schemas/read-settings.ts';
import { renderApplicationForm, type FormTexts } from '../../schemas/render-form.ts';
import { followUpCodePath, pairPath } from '../../schemas/data-layout.ts';
import { formRoutes } from '../../schemas/form-routes.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { checkPair, formSchemas, type FormKind } from '../../schemas/validators.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import {
  createIntakeHandler,
  type IntakeDependencies,
} from '../../scripts/intake/create-intake-handler.ts';
import {
  followUpCodeHash,
  newFollowUpCode,
  normalizeFollowUpCode,
} from '../../scripts/followup/follow-up-code.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { aPair } from './a-pair.ts';
import { backupKey, coordinatorKey } from './test-keys.ts';

export const intakeOrigin = 'http://binome.test';

/** A form page shaped like the built ones: a title, a heading, and the form's element. */
function formPage(kind: FormKind): string {
  const settings = programmeSettings();
  const rules = rulesSettingsFrom(settings);
  const form = renderApplicationForm({
    kind,
    schema: formSchemas[kind] as SchemaNode,
    intakeUrl: '',
    rules,
    texts: parse(readFileSync('content/forms.yaml', 'utf8')) as FormTexts,
    tokens: rules.tokens,
    submit: kind === 'mentor' || kind === 'mentee' ? 'Envoyer ma candidature' : 'Envoyer',
  });
  return `<!doctype html><html lang="fr"><head><title>Formulaire ${kind}</title></head><body><main><h1>Formulaire ${kind}</h1>${form}</main></body></html>`;
}

/** Minimal result pages, shaped like the built ones. */
export const templates = {
  receipt:
    '<main><h1>Candidature reçue</h1><div id="intake-result"><p>Page de confirmation.</p></div></main>',
  problems:
    '<main><h1>Candidature non envoyée</h1><div id="intake-result"><p>Page d’erreur.</p></div></main>',
  followUpReceipt:
    '<main><h1>Réponse reçue</h1><div id="intake-result"><p>Page de confirmation.</p></div></main>',
  followUpProblems:
    '<main><h1>Réponse non envoyée</h1><div id="intake-result"><p>Page d’erreur.</p></div></main>',
  get forms() {
    return {
      mentor: formPage('mentor'),
      mentee: formPage('mentee'),
      'check-in': formPage('check-in'),
      bilan: formPage('bilan'),
    };
  },
};

export function programmeSettings(
  change: (s: ProgrammeSettings) => void = () => {},
): ProgrammeSettings {
  const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
  // The programme's recipients: the test coordinators' and backup keys.
  settings.encryption.recipients = [
    { name: 'Coordination', key: coordinatorKey.recipient },
    { name: 'Sauvegarde', key: backupKey.recipient },
  ];
  change(settings);
  return settings;
}

/**
 * An intake on a fresh local data repository, with a clock the test moves by hand
 * (`harness.now`), and every log line kept in `harness.logs`.
 */
export async function intakeHarness(options: Partial<IntakeDependencies> = {}) {
  const directory = await mkdtemp(join(tmpdir(), 'binome-data-'));
  const store = new LocalGitStore(directory);
  const logs: Record<string, unknown>[] = [];
  const harness = {
    store,
    directory,
    logs,
    now: new Date('2026-11-23T10:00:00Z'),
    handle: undefined as unknown as ReturnType<typeof createIntakeHandler>,
  };
  harness.handle = createIntakeHandler({
    store,
    settings: programmeSettings(),
    secret: 'test-secret-for-challenges',
    templates,
    clock: () => harness.now,
    log: (entry) => logs.push(entry),
    ...options,
  });
  return harness;
}

/** Gets a challenge from the intake and solves it, as the browser does, into the `altcha` field. */
export async function solvedProofOfWork(
  handle: (r: Request) => Promise<Response>,
): Promise<string> {
  const challenge = (await (
    await handle(new Request(`${intakeOrigin}/api/altcha/challenge`))
  ).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** A form POST as a browser sends it. */
export function formPost(
  kind: FormKind,
  entries: readonly (readonly [string, string])[],
  headers: Record<string, string> = {},
): Request {
  return new Request(`${intakeOrigin}${formRoutes[kind]}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: intakeOrigin,
      ...headers,
    },
    body: new URLSearchParams(entries.map(([k, v]) => [k, v])).toString(),
  });
}

/** The application id an accepted submission's answer names (its receipt's `reference`). */
export function referenceOf(response: Response): string {
  const location = response.headers.get('location');
  if (!location) throw new Error(`No receipt location in a ${response.status} answer.`);
  return new URL(location, intakeOrigin).searchParams.get('reference')!;
}

/** A follow-up form as a browser sends it: field name and value, in order. */
export type FormEntries = (readonly [string, string])[];

const entriesOf = (fields: Record<string, string | undefined>): FormEntries =>
  Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined);

/**
 * A « point d'étape » with `code`; `change` sets (or, with undefined, removes) fields. Its
 * blocks are filled out of order, the third the same meeting as the first.
 */
export function aCheckInForm(
  code: string,
  change: Record<string, string | undefined> = {},
): FormEntries {
  return entriesOf({
    'access.code': code,
    'meetings.first.date': '03/07/2027',
    'meetings.first.mode': 'presentiel',
    'meetings.first.duration': '60-120',
    'meetings.second.date': '20/07/2027',
    'meetings.second.mode': 'visio',
    'meetings.second.duration': '30-60',
    'meetings.third.date': '03/07/2027',
    'meetings.third.mode': 'presentiel',
    'meetings.third.duration': '60-120',
    'mood.rating': '4',
    website: '',
    ...change,
  });
}

/** A « bilan de fin de mentorat » with `code`, its words shared with the coordinators. */
export function aBilanForm(
  code: string,
  change: Record<string, string | undefined> = {},
): FormEntries {
  return [
    ...entriesOf({
      'access.code': code,
      'outcome.objectivesReached': 'partly',
      'outcome.satisfaction': '4',
      'outcome.wouldRecommend': 'yes',
      'words.text': 'Des échanges utiles.',
      'words.sharing': 'coordinators',
      website: '',
      ...change,
    }),
    ['outcome.changes', 'confidence'],
    ['outcome.changes', 'network'],
  ];
}

/** Where a follow-up code's owner file is. */
export const codeFilePath = (code: string) =>
  followUpCodePath(followUpCodeHash(normalizeFollowUpCode(code)!));

/**
 * A pair on main, of people numbered `n` (0 to 99), at `status` with the events its schema
 * wants (signed on 11 January 2027; paused, or closed as planned, at `at`), and a follow-up code
 * for each of its two people, in one commit.
 */
export async function aPairWithCodes(
  store: DataStore,
  n: number,
  status: Pair['status'],
  at = '2027-07-01T10:00:00.000Z',
): Promise<{ pairId: string; mentor: string; mentee: string }> {
  const id = (kind: string) => `${kind}-${String(n).padStart(2, '0')}abcd`;
  const pair = aPair(id('mentor'), id('mentee'), 'accepted');
  if (status !== 'accepted')
    pair.events.push({
      type: 'signed',
      at: '2027-01-11T10:00:00.000Z',
      signatures: { mentor: '2027-01-11', mentee: '2027-01-11', structure: '2027-01-11' },
    });
  if (status === 'paused') pair.events.push({ type: 'paused', at });
  if (status === 'closed') pair.events.push({ type: 'closed', at, outcome: 'as-planned' });
  pair.status = status;
  // A pair the reader would drop would make every refusal of its codes pass for a wrong reason.
  if (!checkPair(pair).ok) throw new Error(`The test pair at ${status} is not a valid pair.`);
  const mentor = newFollowUpCode(new Uint8Array(10).fill(2 * n));
  const mentee = newFollowUpCode(new Uint8Array(10).fill(2 * n + 1));
  const owner = (role: string) =>
    JSON.stringify({
      schemaVersion: 1,
      pairId: pair.id,
      role,
      issuedAt: '2027-01-11T10:00:00.000Z',
    }) + '\n';
  await store.commit(
    [
      { path: pairPath(pair.id), content: JSON.stringify(pair, null, 2) + '\n' },
      { path: codeFilePath(mentor), content: owner('mentor') },
      { path: codeFilePath(mentee), content: owner('mentee') },
    ],
    `Add pair ${pair.id}`,
  );
  return { pairId: pair.id, mentor, mentee };
}
