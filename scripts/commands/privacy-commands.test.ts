import { describe, expect, it } from 'vitest';
import {
  applicationPath,
  erasurePath,
  pairIdOf,
  pairPath,
  retentionBranch,
  screeningPath,
} from '../../schemas/data-layout.ts';
import { tokensFrom } from '../../schemas/fill-tokens.ts';
import { checkErasure } from '../../schemas/validators.ts';
import {
  aMenteeForm,
  aMentorForm,
  aMinorMenteeForm,
  syntheticPeople,
} from '../dev/application-forms.ts';
import { accepted } from '../dev/matching-people.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../../tests/helpers/intake-harness.ts';
import { coordinatorKey, strangerKey } from '../../tests/helpers/test-keys.ts';
import type { PrivacyDependencies } from './privacy-dependencies.ts';
import { runErase } from './run-erase.ts';
import { runRetention } from './run-retention.ts';
import { runReveal } from './run-reveal.ts';
import { runSubjectAccess } from './run-subject-access.ts';
import { UsageError } from './usage-error.ts';
import { accessNotice } from './access-notice.ts';

const settings = programmeSettings();

/** An intake on a fresh local repository, three people applied, and the commands' dependencies. */
async function programme() {
  const h = await intakeHarness();
  const mentee = referenceOf(await h.handle(formPost('mentee', aMenteeForm())));
  const minor = referenceOf(await h.handle(formPost('mentee', aMinorMenteeForm())));
  const mentor = referenceOf(await h.handle(formPost('mentor', aMentorForm())));
  const printed: string[] = [];
  const written = new Map<string, string>();
  let now = new Date('2026-12-01T09:00:00Z');
  const deps: PrivacyDependencies = {
    store: h.store,
    now: () => now,
    timeZone: settings.structure.timeZone,
    print: (line) => printed.push(line),
    tokens: tokensFrom(settings),
    identities: async () => [coordinatorKey.identity],
    onGitHub: false,
  };
  return {
    h,
    ids: { mentee, minor, mentor },
    printed,
    written,
    deps,
    setNow: (date: string) => (now = new Date(date)),
    subjectAccess: {
      ...deps,
      writeFile: async (path: string, text: string) => void written.set(path, text),
      defaultOut: 'home/binome-acces',
      notice: accessNotice(settings),
    },
  };
}

describe('reveal and subject access', () => {
  it('reveal prints one person in French, identity opened, with the form’s own words', async () => {
    const p = await programme();
    await runReveal([p.ids.minor], p.deps);
    const text = p.printed.join('\n');
    expect(text).toContain(`${p.ids.minor} (candidature de mentoré)`);
    expect(text).toContain(`Prénom : ${syntheticPeople.mentee.firstName}`);
    expect(text).toContain(
      `Nom et prénom du représentant légal : ${syntheticPeople.guardian.name}`,
    );
    expect(text).toContain('Votre lien avec Issy-les-Moulineaux');
    expect(text).toContain('en attente de la signature de la convention');
    expect(text).toContain('Clé de chiffrement de l’identité : conservée');
  });

  it('subject access finds a person by their e-mail or their representative’s, and writes the data and a French summary', async () => {
    const p = await programme();
    await runSubjectAccess(
      [syntheticPeople.guardian.email.toUpperCase(), '--out', 'out/'],
      p.subjectAccess,
    );
    expect([...p.written.keys()]).toEqual([
      `out/acces-${p.ids.minor}.json`,
      `out/acces-${p.ids.minor}.txt`,
    ]);
    const data = JSON.parse(p.written.get(`out/acces-${p.ids.minor}.json`)!);
    expect(data).toMatchObject({
      about: p.ids.minor,
      id: p.ids.minor,
      kind: 'mentee',
      hasKey: true,
    });
    expect(data.application.identity.legalRepresentative.email).toBe(
      syntheticPeople.guardian.email,
    );
    // With what article 15 says comes with it: who holds it, why, for how long, where to complain.
    expect(p.written.get(`out/acces-${p.ids.minor}.txt`)).toContain('réclamation à la CNIL');
    expect(data.information).toContain('12 mois après la dernière décision prise sur elle');
    expect(p.written.get(`out/acces-${p.ids.minor}.txt`)).toContain(
      'Vos données personnelles dans le programme de mentorat, au 01/12/2026',
    );
    // The terminal gets the files' names, never what they hold.
    expect(p.printed.join('\n')).not.toContain(syntheticPeople.mentee.firstName);
    // An e-mail several applications share gives each; an unknown one says so in French.
    p.written.clear();
    await runSubjectAccess([syntheticPeople.mentee.email], p.subjectAccess);
    expect([...p.written.keys()].filter((k) => k.endsWith('.json'))).toHaveLength(2);
    await expect(runSubjectAccess(['personne@exemple.fr'], p.subjectAccess)).rejects.toThrow(
      'Aucune candidature ne porte cette adresse électronique.',
    );
    await expect(runSubjectAccess(['mentee-zzzzzz'], p.subjectAccess)).rejects.toThrow(UsageError);
  });
});

describe('what a coordinator types wrong', () => {
  it('is refused in French before any key is asked for, and a name is never repeated', async () => {
    const p = await programme();
    let asked = 0;
    const deps = {
      ...p.subjectAccess,
      identities: async () => {
        asked += 1;
        return [coordinatorKey.identity];
      },
    };
    await expect(runReveal(['Zéphyrine', 'Testaccio'], deps)).rejects.toThrow(UsageError);
    const refused = await runReveal(['Zéphyrine'], deps).catch((e: Error) => e.message);
    expect(refused).toBe(
      'Ce n’est pas un identifiant : donnez celui de la personne (mentee-… ou mentor-…), jamais son nom. Pour la retrouver par son adresse électronique : npm run subject-access -- <adresse>.',
    );
    await expect(runErase(['Zéphyrine'], deps)).rejects.toThrow('Ce n’est pas un identifiant');
    await expect(runSubjectAccess(['Zéphyrine Testaccio'], deps)).rejects.toThrow(
      'Donnez l’identifiant de la personne (mentee-… ou mentor-…) ou son adresse électronique.',
    );
    await expect(runSubjectAccess(['--nope'], deps)).rejects.toThrow('Utilisation :');
    expect(asked).toBe(0);
    expect(p.written.size).toBe(0);
    // --help prints the usage and does nothing else.
    await runErase(['--help'], deps);
    expect(p.printed.at(-1)).toMatch(/^Utilisation :\n {2}npm run erase -- <id>/);
    expect(await p.h.store.keys.list()).toHaveLength(3);
  });
});

describe('subject access, all or nothing', () => {
  it('writes nothing when an identity cannot be opened, and says why in French', async () => {
    const p = await programme();
    const stranger = { ...p.subjectAccess, identities: async () => [strangerKey.identity] };
    await expect(runSubjectAccess([p.ids.mentee], stranger)).rejects.toThrow(
      `Rien n’a été écrit. L’identité de ${p.ids.mentee} n’a pas pu être ouverte : aucune des clés privées données n’ouvre sa clé de données`,
    );
    expect(p.written.size).toBe(0);
  });
});

describe('erase', () => {
  it('removes the person’s records, keeps what reports count, destroys the key, and says what remains', async () => {
    const p = await programme();
    const { store } = p.h;
    await store.commit(
      [...accepted([p.ids.mentee]).values()].map((d) => ({
        path: screeningPath(d.id),
        content: JSON.stringify(d),
      })),
      'Decide',
    );
    await runErase([p.ids.mentee], p.deps);
    expect(await store.readFile(applicationPath(p.ids.mentee))).toBeUndefined();
    expect(await store.readFile(screeningPath(p.ids.mentee))).toBeUndefined();
    expect(await store.keys.read(p.ids.mentee)).toBeUndefined();
    const erasure = JSON.parse((await store.readFile(erasurePath(p.ids.mentee)))!);
    expect(checkErasure(erasure).ok).toBe(true);
    expect(erasure).toEqual({
      schemaVersion: 1,
      id: p.ids.mentee,
      kind: 'mentee',
      cohort: '2026-2027',
      submittedMonth: '2026-11',
      lastStatus: 'accepted',
      erasedOn: '2026-12-01',
      reason: 'request',
    });
    // Nobody else is touched.
    expect(await store.keys.read(p.ids.minor)).toBeDefined();
    expect(await store.readFile(applicationPath(p.ids.mentor))).toBeDefined();
    const said = p.printed.join('\n');
    expect(said).toContain(`L’effacement de ${p.ids.mentee} est fait`);
    expect(said).toContain('elle ne peut plus être ouverte, même avec la clé de la coordination.');
    // Again: nothing left to remove, the key is still destroyed, said so.
    p.printed.length = 0;
    await runErase([p.ids.mentee], p.deps);
    expect(p.printed[0]).toBe(
      `L’effacement de ${p.ids.mentee} était déjà fait ; sa clé de données est bien détruite.`,
    );
    // Reveal now says the identity is gone for good.
    p.printed.length = 0;
    await runReveal([p.ids.mentee], p.deps);
    expect(p.printed.join('\n')).toContain('Clé de chiffrement de l’identité : détruite');
  });

  it('keeps the pairs that name the person, without their free words; a retention sweep spares a pair in progress', async () => {
    const p = await programme();
    const { store } = p.h;
    const pair = {
      schemaVersion: 1,
      id: pairIdOf(p.ids.mentor, p.ids.mentee),
      cohort: '2026-2027',
      mentor: p.ids.mentor,
      mentee: p.ids.mentee,
      status: 'active',
      proposedBy: 'coordinator',
      meetingMode: 'presentiel',
      objectives: [],
      score: { total: 0, rules: [] },
      events: [
        {
          type: 'proposed',
          at: '2026-12-01T10:00:00.000Z',
          reason: 'Léa a déménagé chez son père',
        },
        { type: 'accepted', at: '2026-12-02T10:00:00.000Z' },
      ],
    };
    await store.commit([{ path: pairPath(pair.id), content: JSON.stringify(pair) }], 'Pair');
    await runErase([p.ids.mentee], p.deps);
    const kept = JSON.parse((await store.readFile(pairPath(pair.id)))!);
    expect(kept.events).toEqual([
      { type: 'proposed', at: '2026-12-01T10:00:00.000Z' },
      { type: 'accepted', at: '2026-12-02T10:00:00.000Z' },
    ]);
    // An erasure record for the mentor, as a stale retention proposal would merge it while the
    // mentor is in that pair in progress: the sweep keeps the key, so a revert can bring it back.
    await store.commit(
      [
        {
          path: erasurePath(p.ids.mentor),
          content: JSON.stringify({
            schemaVersion: 1,
            id: p.ids.mentor,
            kind: 'mentor',
            cohort: '2026-2027',
            submittedMonth: '2026-11',
            lastStatus: 'accepted',
            erasedOn: '2027-11-23',
            reason: 'retention',
          }),
        },
      ],
      'Merge a stale retention proposal',
      { remove: [applicationPath(p.ids.mentor)] },
    );
    await runRetention(['--merged'], { ...p.deps, settings, today: '2027-11-23' });
    expect(await store.keys.read(p.ids.mentor)).toBeDefined();
    expect(p.printed.at(-1)).toContain(
      `Clés gardées, car ces personnes ont eu une décision ou un binôme depuis la proposition, ou leur candidature est revenue : ${p.ids.mentor}.`,
    );
  });

  it('never gives an erased person’s id to a new application', async () => {
    const p = await programme();
    await runErase([p.ids.mentee], p.deps);
    const drawn = [p.ids.mentee, 'mentee-fresh1'];
    const again = await intakeHarness({ store: p.h.store, newId: () => drawn.shift()! });
    const id = referenceOf(await again.handle(formPost('mentee', aMenteeForm())));
    expect(id).toBe('mentee-fresh1');
    expect(await p.h.store.readFile(applicationPath(p.ids.mentee))).toBeUndefined();
    // The key made for the refused id did not survive either.
    expect(await p.h.store.keys.read(p.ids.mentee)).toBeUndefined();
  });

  it('refuses a malformed or unknown id, writing nothing', async () => {
    const p = await programme();
    const before = await p.h.store.listFiles('applications');
    await expect(runErase(['../mentee-x'], p.deps)).rejects.toThrow(UsageError);
    await expect(runErase(['mentee-zzzzzz'], p.deps)).rejects.toThrow(
      'Aucune donnée n’est enregistrée pour mentee-zzzzzz.',
    );
    expect(await p.h.store.listFiles('applications')).toEqual(before);
  });
});

describe('retention', () => {
  it('proposes the deletions as a pull request, destroys keys only once it is merged', async () => {
    const p = await programme();
    const { store } = p.h;
    const retention = (args: string[], today: string) =>
      runRetention(args, { ...p.deps, settings, today });
    // Eleven months after: nothing is due yet.
    await retention([], '2027-10-23');
    expect(p.printed.at(-1)).toBe('Rien n’a dépassé sa durée de conservation aujourd’hui.');
    // Twelve months after the applications (none in a pair): all three are due.
    await retention([], '2027-11-23');
    expect(p.printed.at(-1)).toMatch(/^Proposition de suppression : 3 éléments/);
    const changed = (await store.pullRequestFiles(1)).map((f) => `${f.status} ${f.path}`);
    expect(changed.filter((c) => !c.includes('intake/submissions/')).sort()).toEqual(
      [
        `added ${erasurePath(p.ids.mentee)}`,
        `added ${erasurePath(p.ids.minor)}`,
        `added ${erasurePath(p.ids.mentor)}`,
        `removed ${applicationPath(p.ids.mentee)}`,
        `removed ${applicationPath(p.ids.minor)}`,
        `removed ${applicationPath(p.ids.mentor)}`,
      ].sort(),
    );
    // The intake's markers of their submissions go too.
    expect(changed.filter((c) => c.startsWith('removed intake/submissions/'))).toHaveLength(3);
    // Not merged yet: everything still opens.
    for (const id of Object.values(p.ids)) expect(await store.keys.read(id)).toBeDefined();
    expect(await store.readFile(applicationPath(p.ids.mentee))).toBeDefined();
    await retention(['--apply'], '2027-11-23');
    expect(p.printed.at(-1)).toBe(
      `Clés de données détruites : ${Object.values(p.ids).sort().join(', ')}.`,
    );
    for (const id of Object.values(p.ids)) expect(await store.keys.read(id)).toBeUndefined();
    expect(await store.listFiles('applications')).toEqual([]);
    expect(await store.readFile(erasurePath(p.ids.mentor), { branch: 'main' })).toBeDefined();
    expect((await store.pullRequest(1))?.merged).toBe(true);
    expect(retentionBranch).toBe('conservation');
  });

  it('refuses to apply a proposal someone was screened after, and never destroys their key', async () => {
    const p = await programme();
    const { store } = p.h;
    const retention = (args: string[]) =>
      runRetention(args, { ...p.deps, settings, today: '2027-11-23' });
    await retention([]);
    // Screened three days after the proposal: no longer due.
    const decision = [...accepted([p.ids.mentee]).values()][0]!;
    await store.commit(
      [
        {
          path: screeningPath(p.ids.mentee),
          content: JSON.stringify({ ...decision, updatedAt: '2027-11-26T10:00:00.000Z' }),
        },
      ],
      'Decide',
    );
    await expect(retention(['--apply'])).rejects.toThrow(
      `Cette proposition de conservation est dépassée : ${p.ids.mentee} ne est plus à effacer aujourd’hui.`.replace(
        'ne est',
        'n’est',
      ),
    );
    expect(await store.readFile(applicationPath(p.ids.mentee))).toBeDefined();
    // Merged anyway, as a coordinator could on GitHub: the run after the merge keeps the key.
    await store.mergeBranch(retentionBranch, 'Merge the stale proposal');
    await retention(['--merged']);
    expect(await store.keys.read(p.ids.mentee)).toBeDefined();
    expect(await store.keys.read(p.ids.mentor)).toBeUndefined();
  });
});
