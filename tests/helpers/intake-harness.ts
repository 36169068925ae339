import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { parse } from 'yaml';
import { readSettings } from '../../schemas/read-settings.ts';
import { renderApplicationForm, type FormTexts } from '../../schemas/render-form.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { formSchemas } from '../../schemas/validators.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import {
  createIntakeHandler,
  type IntakeDependencies,
} from '../../scripts/intake/create-intake-handler.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { backupKey, coordinatorKey } from './test-keys.ts';

export const intakeOrigin = 'http://binome.test';

/** A form page shaped like the built ones: a title, a heading, and the form's element. */
function formPage(kind: 'mentor' | 'mentee'): string {
  const settings = programmeSettings();
  const rules = rulesSettingsFrom(settings);
  const form = renderApplicationForm({
    kind,
    schema: formSchemas[kind] as SchemaNode,
    intakeUrl: '',
    rules,
    texts: parse(readFileSync('content/forms.yaml', 'utf8')) as FormTexts,
    tokens: rules.tokens,
    submit: 'Envoyer ma candidature',
  });
  return `<!doctype html><html lang="fr"><head><title>Formulaire ${kind}</title></head><body><main><h1>Formulaire ${kind}</h1>${form}</main></body></html>`;
}

/** Minimal result pages, shaped like the built ones. */
export const templates = {
  receipt:
    '<main><h1>Candidature reçue</h1><div id="intake-result"><p>Page de confirmation.</p></div></main>',
  problems:
    '<main><h1>Candidature non envoyée</h1><div id="intake-result"><p>Page d’erreur.</p></div></main>',
  get forms() {
    return { mentor: formPage('mentor'), mentee: formPage('mentee') };
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
  kind: 'mentor' | 'mentee',
  entries: readonly (readonly [string, string])[],
  headers: Record<string, string> = {},
): Request {
  return new Request(`${intakeOrigin}/api/candidatures/${kind}`, {
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
