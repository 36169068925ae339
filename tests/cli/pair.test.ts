import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { followUpPath, pairPath } from '../../schemas/data-layout.ts';
import { runPair } from '../../scripts/commands/run-pair.ts';
import { runSubjectAccess } from '../../scripts/commands/run-subject-access.ts';
import { runErase } from '../../scripts/commands/run-erase.ts';
import { privacyDeps } from '../privacy/privacy-deps.ts';
import { coordinatorKey } from '../helpers/test-keys.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import {
  aMentorForm,
  aMinorMenteeForm,
  syntheticPeople,
} from '../../scripts/dev/application-forms.ts';
import { followUpCodeHash, normalizeFollowUpCode } from '../../scripts/followup/follow-up-code.ts';
import { pairText } from '../../scripts/matching/pair-record.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { readRecords } from '../../scripts/store/read-records.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../helpers/intake-harness.ts';
import { aPair } from '../helpers/a-pair.ts';
import { runCommand } from '../helpers/run-command.ts';

// Issue 12, « Coordinators »: a pair's life recorded from the command line on the embedded
// default, each step checked, one commit naming the pair id only.

async function world() {
  const intake = await intakeHarness();
  const mentor = referenceOf(await intake.handle(formPost('mentor', aMentorForm())));
  const minor = referenceOf(await intake.handle(formPost('mentee', aMinorMenteeForm())));
  const pair = aPair(mentor, minor);
  const id = pair.id;
  await intake.store.commit([{ path: pairPath(id), content: pairText(pair) }], 'Add a pair');
  return { store: intake.store, directory: intake.directory, id };
}

function deps(store: DataStore, today: string) {
  const printed: string[] = [];
  return {
    printed,
    deps: {
      store,
      settings: programmeSettings(),
      now: () => new Date(`${today}T10:00:00.000Z`),
      print: (line: string) => void printed.push(line),
    },
  };
}

const pairOf = async (store: DataStore, id: string) =>
  (await readRecords(store, { folders: ['pairs'] })).pairs.find((p) => p.id === id)!;

describe('npm run pair', () => {
  it('records the signature, a pause, the resumption and an early end, each in its own commit', async () => {
    const { store, id } = await world();
    const signed = deps(store, '2027-01-12');
    await runPair([id, 'signee', '2027-01-11', '--representant', '2027-01-10'], signed.deps);
    expect(signed.printed).toEqual([
      `Le binôme ${id} est en cours : convention signée (dernière signature le 11/01/2027).`,
      `Aucun code de suivi n’a été créé ici : npm run pair -- ${id} codes les crée, sur un terminal.`,
    ]);
    expect((await pairOf(store, id)).events.at(-1)).toMatchObject({
      type: 'signed',
      signatures: {
        mentor: '2027-01-11',
        mentee: '2027-01-11',
        structure: '2027-01-11',
        representative: '2027-01-10',
      },
    });
    await runPair([id, 'pause', '--motif', 'Examens'], deps(store, '2027-03-01').deps);
    await runPair([id, 'reprise'], deps(store, '2027-04-01').deps);
    const closed = deps(store, '2027-05-01');
    await runPair([id, 'cloture', 'indisponible'], closed.deps);
    expect(closed.printed[0]).toContain('de nouveau être proposés à l’appariement');
    const pair = await pairOf(store, id);
    expect(pair.status).toBe('closed');
    expect(pair.events.map((e) => e.type)).toEqual([
      'proposed',
      'accepted',
      'signed',
      'paused',
      'resumed',
      'closed',
    ]);
    expect(pair.events.at(-1)).toMatchObject({
      outcome: 'early',
      reasonCode: 'no-longer-available',
    });
  });

  it('tells a minor asking for their data that the representative signed, from the pair’s event', async () => {
    const { store, id } = await world();
    await runPair(
      [id, 'signee', '2027-01-11', '--representant', '2027-01-10'],
      deps(store, '2027-01-12').deps,
    );
    const mentee = (await pairOf(store, id)).mentee;
    const { deps: privacy, written } = privacyDeps(store, [coordinatorKey.identity]);
    await runSubjectAccess([mentee], privacy);
    const summary = [...written.entries()].find(([path]) => path.endsWith('.txt'))![1];
    expect(summary).toContain(
      'Autorisation du représentant légal\u00a0: donnée par la signature de la convention le 10/01/2027.',
    );
  });

  it('never loses a step recorded while a member of the pair is being erased', async () => {
    const { store, id } = await world();
    await runPair([id, 'signee', '2027-01-11', '--majeur'], deps(store, '2027-01-12').deps);
    await runPair([id, 'pause', '--motif', 'Examens'], deps(store, '2027-02-12').deps);
    const mentee = (await pairOf(store, id)).mentee;
    // A coordinator resumes the pair once the erasure has built its change from what it read
    // (when it looks for the pair's sealed conventions), before that change is committed.
    let fired = false;
    const racing = new Proxy(store, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property);
        if (property === 'readFiles')
          return async (...args: Parameters<DataStore['readFiles']>) => {
            if (!fired && args[0].some((path) => path.startsWith('conventions/'))) {
              fired = true;
              await runPair([id, 'reprise'], deps(target, '2027-02-20').deps);
            }
            return target.readFiles(...args);
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { deps: privacy } = privacyDeps(racing);
    await runErase([mentee], privacy);
    expect(fired).toBe(true);
    const pair = await pairOf(store, id);
    expect(pair.events.map((e) => e.type)).toEqual([
      'proposed',
      'accepted',
      'signed',
      'paused',
      'resumed',
    ]);
    expect(pair.status).toBe('active');
    // And the erasure still removed the coordinators' words about the pair.
    expect(pair.events.every((e) => e.reason === undefined)).toBe(true);
  });

  it('refuses an impossible step, a closing « prevue » before the planned end, and a name, in French', async () => {
    const { store, id } = await world();
    const d = deps(store, '2027-01-12').deps;
    await expect(runPair([id, 'pause'], d)).rejects.toThrow(
      'accepté, sa convention pas encore signée',
    );
    // A minor at application: the representative signs too, unless they have come of age.
    await expect(runPair([id, 'signee', '2027-01-11'], d)).rejects.toThrow(
      'Indiquez la date de la signature du représentant légal',
    );
    // A day that does not exist, one before the pair was accepted, a motif on two lines.
    await expect(runPair([id, 'signee', '2027-02-30', '--majeur'], d)).rejects.toThrow(
      'AAAA-MM-JJ',
    );
    await expect(runPair([id, 'signee', '2026-11-29', '--majeur'], d)).rejects.toThrow(
      'avant que le binôme soit accepté (le 05/12/2026)',
    );
    await expect(runPair([id, 'signee', '2027-01-11', '2027-01-12'], d)).rejects.toThrow(
      UsageError,
    );
    // « clôture » and « signée » are understood with their accents.
    await expect(runPair([id, 'clôture', 'prévue'], d)).rejects.toThrow(
      'un mentorat qui n’a jamais commencé',
    );
    await runPair([id, 'signée', '2027-01-11', '--majeur'], d);
    await expect(
      runPair([id, 'pause', '--motif', 'deux\nlignes'], deps(store, '2027-02-01').deps),
    ).rejects.toThrow('tenir sur une ligne');
    await expect(runPair([id, 'cloture', 'prevue'], d)).rejects.toThrow(
      'doit se terminer le 09/07/2027',
    );
    await expect(runPair([id, 'cloture'], d)).rejects.toThrow('prevue, ou le motif');
    await expect(
      runPair([id, 'cloture', 'desaccord'], deps(store, '2027-07-10').deps),
    ).rejects.toThrow('est atteinte : il se termine comme prévu');
    await expect(runPair([id, 'signee', '2027-01-11'], d)).rejects.toThrow(UsageError);
    const name = syntheticPeople.mentee.lastName;
    const refused = await runPair([name, 'pause'], d).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).not.toContain(name);
    await expect(runPair(['pair-aaaaaa-bbbbbb', 'pause'], d)).rejects.toThrow('n’existe pas');
  });

  it('runs from the command line, with the help in French and a French message on a mistake', async () => {
    const { directory, id } = await world();
    const help = await runCommand('pair', directory, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run pair');
    const wrong = await runCommand('pair', directory, [id, 'reprise']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('seul un binôme en pause peut reprendre');
    expect(wrong.stderr).not.toMatch(/\n\s+at .*:\d+/);
  });
});

describe('npm run pair: follow-up codes and the coordinators’ steps (issue 12)', () => {
  const codeIn = (text: string, who: string) =>
    new RegExp(`${who} : ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})`).exec(text)?.[1];
  const owners = async (store: DataStore) =>
    (await readRecords(store, { folders: ['followup-codes'] })).followUpCodes;

  it('gives each participant a code at signing, stores only its hash, and replaces a lost one', async () => {
    const { store, id } = await world();
    const sheets: { path: string; content: string }[] = [];
    const signing = deps(store, '2027-01-12');
    const withSheets = {
      ...signing.deps,
      showCodes: true,
      deliver: async (files: readonly { path: string; content: string }[]) => {
        sheets.push(...files);
        return 'dans data/fiches-de-suivi';
      },
    };
    await runPair([id, 'signee', '2027-01-11', '--representant', '2027-01-10'], withSheets);
    const said = signing.printed.at(-1)!;
    const mentorCode = codeIn(said, 'mentor')!;
    const menteeCode = codeIn(said, 'mentoré')!;
    expect(mentorCode).toBeDefined();
    expect(menteeCode).not.toBe(mentorCode);
    expect(sheets.map((s) => s.path)).toEqual([
      `fiches-de-suivi/${id}-mentor.txt`,
      `fiches-de-suivi/${id}-mentore.txt`,
    ]);
    expect(sheets[0]!.content).toContain(`Votre code de suivi : ${mentorCode}`);
    expect(sheets[1]!.content).toContain(`Votre code de suivi : ${menteeCode}`);
    // The repository knows whose each hash is, never a code.
    const hashOf = (code: string) => followUpCodeHash(normalizeFollowUpCode(code)!);
    const stored = await owners(store);
    expect(stored.get(hashOf(mentorCode))).toMatchObject({ pairId: id, role: 'mentor' });
    expect(stored.get(hashOf(menteeCode))).toMatchObject({ pairId: id, role: 'mentee' });
    for (const path of await store.listFiles('followup-codes')) {
      expect(path).not.toContain(mentorCode.replace(/-/g, ''));
      const text = (await store.readFile(path)) ?? '';
      expect(text).not.toContain(mentorCode.replace(/-/g, ''));
      expect(text).not.toContain(mentorCode);
    }
    // A lost code: the mentor's is replaced, the mentoré's still works.
    const again = deps(store, '2027-02-01');
    await runPair([id, 'codes', 'mentor'], {
      ...again.deps,
      showCodes: true,
      deliver: withSheets.deliver,
    });
    const newCode = codeIn(again.printed.at(-1)!, 'mentor')!;
    const after = await owners(store);
    expect(after.has(hashOf(mentorCode))).toBe(false);
    expect(after.get(hashOf(newCode))).toMatchObject({ pairId: id, role: 'mentor' });
    expect(after.get(hashOf(menteeCode))).toMatchObject({ role: 'mentee' });
    expect(after.size).toBe(2);
  });

  it('records a contact and the mid-point review, and refuses a future day or an unsigned pair', async () => {
    const { store, id } = await world();
    const early = deps(store, '2027-01-12');
    await expect(runPair([id, 'contact'], early.deps)).rejects.toThrow(
      'son suivi commence avec la signature',
    );
    await runPair([id, 'signee', '2027-01-11', '--representant', '2027-01-10'], early.deps);
    const later = deps(store, '2027-02-15');
    await runPair([id, 'contact', '10/02/2027'], later.deps);
    await runPair([id, 'mi-parcours'], later.deps);
    expect(later.printed).toEqual([
      `Contact avec le binôme ${id} noté le 10/02/2027.`,
      `Point de mi-parcours du binôme ${id} noté le 15/02/2027.`,
    ]);
    const records = (await readRecords(store, { folders: ['followups'] })).followUps.get(id)!;
    expect(records.map((r) => [r.type, r.role, r.on])).toEqual([
      ['contact', 'coordinator', '2027-02-10'],
      ['mid-point-review', 'coordinator', '2027-02-15'],
    ]);
    await expect(runPair([id, 'contact', '2027-03-01'], later.deps)).rejects.toThrow(
      'est dans le futur',
    );
    await expect(runPair([id, 'contact', '31/02/2027'], later.deps)).rejects.toThrow(
      'une date qui existe',
    );
    await expect(runPair([id, 'contact', '2026-01-01'], later.deps)).rejects.toThrow(
      'avant que le binôme',
    );
  });
});

describe('erasure and the follow-up (issue 12)', () => {
  it('stops the pair’s codes and drops the bilans’ free texts, keeping the answers', async () => {
    const { store, id } = await world();
    const signing = deps(store, '2027-01-12');
    await runPair([id, 'signee', '2027-01-11', '--majeur'], {
      ...signing.deps,
      deliver: async () => 'quelque part',
    });
    expect(await store.listFiles('followup-codes')).toHaveLength(2);
    const bilan = {
      schemaVersion: 1,
      pairId: id,
      type: 'bilan',
      role: 'mentee',
      submittedAt: '2027-07-01T10:00:00.000Z',
      objectivesReached: 'yes',
      satisfaction: 5,
      wouldRecommend: 'yes',
      words: { text: 'Texte-témoin-7Q2 sur mon mentor', sharing: 'coordinators' },
      intake: { idempotencyKeyHash: 'a'.repeat(64), proofOfWork: 'verified' },
    };
    const path = followUpPath(id, bilan.submittedAt, 'mentee');
    await store.commit([{ path, content: JSON.stringify(bilan, null, 2) + '\n' }], 'A bilan');
    const mentor = (await pairOf(store, id)).mentor;
    const { deps: privacy } = privacyDeps(store, []);
    await runErase([mentor], privacy);
    expect(await store.listFiles('followup-codes')).toEqual([]);
    const kept = JSON.parse((await store.readFile(path))!) as Record<string, unknown>;
    expect(kept['words']).toBeUndefined();
    expect(kept).toMatchObject({ satisfaction: 5, objectivesReached: 'yes' });
    expect(JSON.stringify(kept)).not.toContain('Texte-témoin-7Q2');
  });
});

describe('subject access and the follow-up (issue 12)', () => {
  it('gives a participant their own follow-up answers, not the other member’s', async () => {
    const { store, id } = await world();
    await runPair([id, 'signee', '2027-01-11', '--majeur'], deps(store, '2027-01-12').deps);
    const checkIn = (role: 'mentor' | 'mentee', at: string, rating: number) => ({
      schemaVersion: 1,
      pairId: id,
      type: 'check-in',
      role,
      submittedAt: at,
      meetings: [{ on: '2027-02-01', mode: 'presentiel', duration: '60-120' }],
      rating,
      wantsContact: false,
      intake: { idempotencyKeyHash: 'b'.repeat(64), proofOfWork: 'verified' },
    });
    const records = [
      checkIn('mentee', '2027-02-02T09:00:00.000Z', 4),
      checkIn('mentor', '2027-02-03T09:00:00.000Z', 2),
    ];
    await store.commit(
      records.map((r) => ({
        path: followUpPath(id, r.submittedAt, r.role),
        content: JSON.stringify(r, null, 2) + '\n',
      })),
      'Two check-ins',
    );
    const mentee = (await pairOf(store, id)).mentee;
    const { deps: privacy, written } = privacyDeps(store, [coordinatorKey.identity]);
    await runSubjectAccess([mentee], privacy);
    const json = JSON.parse(
      [...written.entries()].find(([path]) => path.endsWith('.json'))![1],
    ) as { followUps: { role: string; rating: number }[]; followUpCodes?: unknown };
    expect(json.followUps.map((f) => [f.role, f.rating])).toEqual([['mentee', 4]]);
    expect(json.followUpCodes).toBeUndefined();
    const summary = [...written.entries()].find(([path]) => path.endsWith('.txt'))![1];
    expect(summary).toContain('Suivi\u00a0: 1 point d’étape envoyé');
  });
});

describe('npm run pair -- <binôme> rendez-vous (issue 12)', () => {
  it('hands over the first meeting’s invitation at the structure, in its local time', async () => {
    const { store, id } = await world();
    const files: { path: string; content: string }[] = [];
    const { deps: d, printed } = deps(store, '2026-12-01');
    const deliver = async (given: readonly { path: string; content: string }[]) => {
      files.push(...given);
      return `dans data/${given[0]!.path}`;
    };
    await runPair([id, 'rendez-vous', '10/12/2026', '18h30', '--duree', '90'], { ...d, deliver });
    expect(files.map((f) => f.path)).toEqual([`invitations/${id}-premiere-rencontre.ics`]);
    const calendar = new ICAL.Component(ICAL.parse(files[0]!.content));
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    // The instant, from the file's own VTIMEZONE (ical.js does not know zones by name).
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    const instant = (time: ICAL.Time) => {
      const zoned = time.clone();
      zoned.zone = zone;
      return new Date(zoned.toUnixTime() * 1000).toISOString();
    };
    expect(event.startDate.toString()).toBe('2026-12-10T18:30:00');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris');
    expect(instant(event.startDate)).toBe('2026-12-10T17:30:00.000Z');
    expect(instant(event.endDate)).toBe('2026-12-10T19:00:00.000Z');
    expect(event.location).toContain('Issy-les-Moulineaux');
    expect(printed.at(-1)).toContain('le 10/12/2026 à 18 h 30');
    // A day gone, an hour that does not exist, a closed pair: refused in French.
    await expect(
      runPair([id, 'rendez-vous', '30/11/2026', '18h'], { ...d, deliver }),
    ).rejects.toThrow('est passé');
    await expect(
      runPair([id, 'rendez-vous', '28/03/2027', '2h30'], { ...d, deliver }),
    ).rejects.toThrow('passage à l’heure d’été');
    await expect(runPair([id, 'rendez-vous', 'demain', 'soir'], { ...d, deliver })).rejects.toThrow(
      'Indiquez le jour et l’heure',
    );
    await runPair([id, 'cloture', 'autre'], d);
    await expect(
      runPair([id, 'rendez-vous', '10/12/2026', '18h'], { ...d, deliver }),
    ).rejects.toThrow('pas de première rencontre');
  });
});

describe('a follow-up code’s owner file broken by hand (hostile review)', () => {
  it('goes with the codes it replaces, so that repairing it never brings a code back', async () => {
    const { store, id } = await world();
    const d = deps(store, '2027-01-12').deps;
    const deliver = async () => 'quelque part';
    await runPair([id, 'signee', '2027-01-11', '--majeur'], { ...d, deliver });
    const broken = `followup-codes/${'e'.repeat(64)}.json`;
    const other = `followup-codes/${'f'.repeat(64)}.json`;
    await store.commit(
      [
        { path: broken, content: JSON.stringify({ pairId: id, role: 'mentor', oops: 1 }) },
        { path: other, content: JSON.stringify({ pairId: 'pair-zzzzzz-yyyyyy', oops: 1 }) },
      ],
      'Hand edits',
    );
    await runPair([id, 'codes', 'mentor'], { ...d, deliver });
    const left = await store.listFiles('followup-codes');
    expect(left).not.toContain(broken);
    expect(left).toContain(other);
    expect(left.filter((p) => p !== other)).toHaveLength(2);
  });
});
