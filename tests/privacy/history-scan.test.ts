import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { armor } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { runErase } from '../../scripts/commands/run-erase.ts';
import { runScreen } from '../../scripts/commands/run-screen.ts';
import { aMenteeForm, aMentorForm, aMinorMenteeForm } from '../../scripts/dev/application-forms.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../helpers/intake-harness.ts';
import { findNeedles, historyPlaces } from './git-history.ts';
import { privacyDeps } from './privacy-deps.ts';

// Issue 10, « Must show »: after submissions through the intake, no object of the local
// repository, reachable or not, holds a name, e-mail, phone number or birth date in clear. The
// same scan, on a repository that stores identities in plain text, finds every one of them.

/** Distinctive synthetic people, found nowhere else in the project. */
const people = {
  mentor: {
    firstName: 'Séraphin',
    lastName: 'Vandercroix',
    email: 'seraphin.vandercroix@exemple.net',
    phone: '07 41 52 63 74',
    birthDate: '19/04/1977',
  },
  adult: {
    firstName: 'Ombeline',
    lastName: 'Kerzaouen',
    email: 'ombeline.kerzaouen@exemple.fr',
    phone: '06 23 45 67 89',
    birthDate: '11/09/2004',
  },
  minor: {
    firstName: 'Théodric',
    lastName: 'Malplaquet',
    email: 'theodric.malplaquet@exemple.fr',
    phone: '06 31 41 59 26',
    birthDate: '27/05/2010',
  },
};
const guardian = {
  name: 'Gontran Ferrandière',
  email: 'gontran.ferrandiere@exemple.org',
  phone: '07 98 76 54 32',
};

const identityFields = (p: (typeof people)[keyof typeof people]) => ({
  'identity.firstName': p.firstName,
  'identity.lastName': p.lastName,
  'identity.email': p.email,
  'identity.phone': p.phone,
  'identity.birthDate': p.birthDate,
});
const forms = [
  formPost('mentor', aMentorForm(identityFields(people.mentor))),
  formPost('mentee', aMenteeForm(identityFields(people.adult))),
  formPost(
    'mentee',
    aMinorMenteeForm({
      ...identityFields(people.minor),
      'identity.legalRepresentative.name': guardian.name,
      'identity.legalRepresentative.email': guardian.email,
      'identity.legalRepresentative.phone': guardian.phone,
    }),
  ),
];

const iso = (date: string) => date.split('/').reverse().join('-');
const digits = (phone: string) => phone.replace(/\D/g, '');

/** Each kind of personal data, in every form it may be typed or stored. */
const needles = {
  names: [
    ...Object.values(people).flatMap((p) => [p.firstName, p.lastName]),
    ...guardian.name.split(' '),
  ],
  emails: [...Object.values(people).map((p) => p.email), guardian.email],
  phones: [...Object.values(people).map((p) => p.phone), guardian.phone],
  phoneDigits: [...Object.values(people).map((p) => digits(p.phone)), digits(guardian.phone)],
  typedBirthDates: Object.values(people).map((p) => p.birthDate),
  storedBirthDates: Object.values(people).map((p) => iso(p.birthDate)),
};
const everyNeedle = Object.values(needles).flat();

/** Every file of the data folder besides Git's objects: refs, logs, keys, the local forge. */
async function otherFiles(directory: string) {
  const names = (await readdir(directory, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.startsWith(join(directory, 'objects')));
  return Promise.all(
    names.map(async (path) => ({ where: path, text: await readFile(path, 'utf8') })),
  );
}

/** Sends the three people's forms, and one retry, to an intake; returns their ids. */
async function submitAll(intake: Awaited<ReturnType<typeof intakeHarness>>) {
  const ids: string[] = [];
  for (const form of forms) {
    const response = await intake.handle(form.clone());
    expect(response.status).toBe(303);
    ids.push(referenceOf(response));
  }
  // A retry of the same answers without JavaScript: no second record, the first receipt.
  expect(referenceOf(await intake.handle(forms[0]!.clone()))).toBe(ids[0]);
  return ids;
}

describe('the whole history of the local repository, after submissions through the intake', () => {
  let sealed: Awaited<ReturnType<typeof intakeHarness>>;
  let plain: Awaited<ReturnType<typeof intakeHarness>>;

  beforeAll(async () => {
    sealed = await intakeHarness();
    const [mentor, adult] = await submitAll(sealed);
    // A coordinator's decision and an erasure add commits of their own.
    await runScreen([mentor!, 'accepted', '--reason', 'Entretien concluant'], {
      store: sealed.store,
      now: () => new Date('2026-11-30T10:00:00Z'),
      print: () => {},
    });
    await runErase([adult!], privacyDeps(sealed.store).deps);
    plain = await intakeHarness({
      settings: programmeSettings((s) => {
        s.encryption.identities = 'plain';
      }),
    });
    await submitAll(plain);
  });

  it('holds no name, e-mail, phone number or birth date in any object, reachable or not, in git log -p --all, or in any other file of the data folder', async () => {
    const places = [...historyPlaces(sealed.directory), ...(await otherFiles(sealed.directory))];
    // The scan did look at the applications, their markers, the decision and the erasure.
    expect(places.filter((p) => p.where.startsWith('blob ')).length).toBeGreaterThanOrEqual(8);
    expect(places.some((p) => p.text.includes('"ciphertext"'))).toBe(true);
    expect(findNeedles(places, everyNeedle)).toEqual([]);
  });

  it('bites: on a repository storing identities in plain text, it finds every person’s name, e-mail, phone and birth date', () => {
    const hits = findNeedles(historyPlaces(plain.directory), everyNeedle);
    const found = (needle: string) => hits.some((hit) => hit.startsWith(`${needle} @ `));
    // Dates are stored as AAAA-MM-JJ and phones as typed: the other forms are searched for in
    // case a change stored them so, and cannot be expected here.
    for (const needle of [
      ...needles.names,
      ...needles.emails,
      ...needles.phones,
      ...needles.storedBirthDates,
    ])
      expect(found(needle), needle).toBe(true);
    // Stored as typed, found both in a blob and in git log -p.
    expect(hits).toContain(`${guardian.email} @ git log -p --all`);
  });

  it('bites: it finds a name in an unreachable object, and in an identity armoured without being encrypted', () => {
    const write = (text: string) =>
      execFileSync('git', ['-C', plain.directory, 'hash-object', '-w', '--stdin'], {
        input: text,
        encoding: 'utf8',
      }).trim();
    const lost = write('{"lastName": "Unreachablière"}\n');
    const disguised = write(
      JSON.stringify({
        identity: {
          encrypted: 'age',
          ciphertext: armor.encode(new TextEncoder().encode('{"lastName":"Armourdelaine"}')),
        },
      }),
    );
    const hits = findNeedles(historyPlaces(plain.directory), ['Unreachablière', 'Armourdelaine']);
    expect(hits).toEqual([`Armourdelaine @ blob ${disguised}`, `Unreachablière @ blob ${lost}`]);
  });
});
