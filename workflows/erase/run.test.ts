import { describe, expect, it } from 'vitest';
import {
  applicationPath,
  dataKeys,
  erasurePath,
  screeningPath,
} from '../../schemas/data-layout.ts';
import { checkErasure } from '../../schemas/validators.ts';
import { runScreen } from '../../scripts/commands/run-screen.ts';
import {
  aMentorForm,
  aMinorMenteeForm,
  personalStrings,
} from '../../scripts/dev/application-forms.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../../tests/helpers/intake-harness.ts';
import { recordingCore } from '../../tests/helpers/matching-harness.ts';
import { run } from './run.ts';

/** What people read has no-break spaces (French typography); compared here as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const settings = programmeSettings();
const now = () => new Date('2026-12-02T09:00:00.000Z');
const job = (store: DataStore, id: string) => {
  const recorded = recordingCore();
  return { recorded, done: run({ store, core: recorded.core as never, settings, now, id }) };
};

/** A mentoré (minor, accepted) and a mentor, applied through the intake on the stand-in. */
async function twoApplicants() {
  const { store, standIn } = gitHubHarness();
  const ids = ['mentee-aaaaa1', 'mentor-bbbbb1'];
  const intake = await intakeHarness({ store, newId: () => ids.shift()! });
  const mentee = referenceOf(await intake.handle(formPost('mentee', aMinorMenteeForm())));
  const mentor = referenceOf(await intake.handle(formPost('mentor', aMentorForm())));
  await runScreen([mentee, 'accepted'], { store, now, print: () => {} });
  return { store, standIn, mentee, mentor };
}

const keyRef = (id: string) => dataKeys.ref(id);

describe('the « Effacer une personne » job, against the GitHub stand-in', () => {
  it('removes the person’s records, keeps what the figures count, destroys their key, and touches nobody else', async () => {
    const { store, standIn, mentee, mentor } = await twoApplicants();
    expect(standIn.file(applicationPath(mentee))).toBeDefined();
    expect(standIn.git.refs.has(keyRef(mentee))).toBe(true);
    const mentorFile = standIn.file(applicationPath(mentor));
    const mentorKey = standIn.git.refs.get(keyRef(mentor));
    expect(mentorKey).toBeDefined();
    const commitsBefore = new Set(standIn.git.commits.keys());

    const erase = job(store, mentee);
    await erase.done;
    expect(erase.recorded.failures).toEqual([]);
    expect(erase.recorded.outputs).toEqual({ id: mentee });

    expect(standIn.file(applicationPath(mentee))).toBeUndefined();
    expect(standIn.file(screeningPath(mentee))).toBeUndefined();
    expect((await store.listFiles('intake/submissions')).length).toBe(1); // the mentor's only
    const erasure = JSON.parse(standIn.file(erasurePath(mentee))!);
    expect(checkErasure(erasure).ok).toBe(true);
    expect(erasure).toEqual({
      schemaVersion: 1,
      id: mentee,
      kind: 'mentee',
      cohort: '2026-2027',
      submittedMonth: '2026-11',
      lastStatus: 'accepted',
      erasedOn: '2026-12-02',
      reason: 'request',
    });
    expect(standIn.git.refs.has(keyRef(mentee))).toBe(false);
    expect(await store.keys.read(mentee)).toBeUndefined();
    // Nobody else is touched.
    expect(standIn.file(applicationPath(mentor))).toBe(mentorFile);
    expect(standIn.git.refs.get(keyRef(mentor))).toBe(mentorKey);
    expect(standIn.file(erasurePath(mentor))).toBeUndefined();
    // One commit on main, named by the id only.
    const made = [...standIn.git.commits.values()].filter((c) => !commitsBefore.has(c.sha));
    expect(made.map((c) => c.message)).toEqual([`Erase ${mentee}`]);

    expect(erase.recorded.summaryParts.map(plain)[0]).toBe(`Effacement de ${mentee}`);
    const summary = erase.recorded.summaryParts.map(plain).slice(1).join('\n');
    expect(summary).toContain(
      `L’effacement de ${mentee} est fait : candidature, décision de sélection et clé de données supprimées.`,
    );
    expect(summary).toContain('Ce qui reste :');
    expect(summary).toContain(`erasures/${mentee}.json garde ce que les bilans comptent`);
    expect(summary).toContain('Sur GitHub, une copie de la clé détruite reste quelque temps');
    // This person's id only: nobody else's.
    expect(summary).not.toContain(mentor);

    // Run again (a coordinator clicks twice, or the first run stopped halfway): nothing breaks.
    const again = job(store, mentee);
    await again.done;
    expect(again.recorded.failures).toEqual([]);
    expect(again.recorded.summaryParts.map(plain).join('\n')).toContain(
      `L’effacement de ${mentee} était déjà fait ; sa clé de données est bien détruite.`,
    );
    expect(standIn.git.refs.get(keyRef(mentor))).toBe(mentorKey);

    const written = [
      ...[erase, again].flatMap((j) => [
        ...j.recorded.logs,
        ...j.recorded.summaryParts.map(plain),
        JSON.stringify(j.recorded.outputs),
      ]),
      ...[...standIn.git.commits.values()].map((c) => c.message),
      ...standIn.git.refs.keys(),
      standIn.file(erasurePath(mentee))!,
    ].join('\n');
    for (const personal of [...personalStrings(), '2010-03-02', '1980-02-03'])
      expect(written, personal).not.toContain(personal);
  });

  it('finishes an erasure whose key survived (the job stopped after the commit)', async () => {
    const { store, standIn, mentee, mentor } = await twoApplicants();
    const key = (await store.keys.read(mentee))!;
    await job(store, mentee).done;
    // As if the first run had stopped before destroying the key.
    await store.keys.create(mentee, key);
    const resumed = job(store, mentee);
    await resumed.done;
    expect(resumed.recorded.failures).toEqual([]);
    expect(standIn.git.refs.has(keyRef(mentee))).toBe(false);
    expect(standIn.git.refs.has(keyRef(mentor))).toBe(true);
  });

  it.each([
    ['an e-mail address', 'zephyrine.testaccio@exemple.fr'],
    ['a name', 'Zéphyrine Testaccio'],
    ['an id with more after it', 'mentee-aaaaa1 mentor-bbbbb1'],
    ['a path', '../applications/mentees/mentee-aaaaa1'],
    ['capitals', 'MENTEE-AAAAA1'],
    ['a pair id', 'pair-bbbbb1-aaaaa1'],
    ['nothing', ''],
  ])('refuses %s in French, repeats none of it, and reads or writes nothing', async (_, input) => {
    const { store, standIn, mentee } = await twoApplicants();
    const requests = standIn.requests.length;
    const commits = standIn.git.commits.size;
    const refs = [...standIn.git.refs.entries()];
    const bad = job(store, input);
    await bad.done;
    expect(bad.recorded.failures).toMatchInlineSnapshot(`
      [
        "Ce n’est pas un identifiant de personne : donnez celui de sa candidature, mentee- ou mentor- suivi de 6 lettres minuscules ou chiffres (par exemple mentee-7f3k9q), jamais un nom ni une adresse. Rien n’a été effacé.",
      ]
    `);
    expect(standIn.requests.length).toBe(requests);
    expect(standIn.git.commits.size).toBe(commits);
    expect([...standIn.git.refs.entries()]).toEqual(refs);
    expect(standIn.file(applicationPath(mentee))).toBeDefined();
    expect([...bad.recorded.logs, ...bad.recorded.summaryParts.map(plain)]).toEqual([]);
    expect(bad.recorded.outputs).toEqual({});
  });

  it('says in French when nobody has that id, and writes nothing', async () => {
    const { store, standIn } = await twoApplicants();
    const commits = standIn.git.commits.size;
    const refs = standIn.git.refs.size;
    const unknown = job(store, 'mentee-zzzzz9');
    await unknown.done;
    expect(unknown.recorded.failures).toEqual([
      'Aucune donnée n’est enregistrée pour mentee-zzzzz9.',
    ]);
    expect(standIn.git.commits.size).toBe(commits);
    expect(standIn.git.refs.size).toBe(refs);
  });
});
