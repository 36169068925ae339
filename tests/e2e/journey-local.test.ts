// The whole programme on the embedded default, end to end, for real: in Chromium a student and a
// professional each apply from the home page; a coordinator screens them, matching proposes them
// as a pair, the pair is accepted, its convention names them; signing gives each a follow-up
// code, with which the mentoré sends two monthly check-ins through the site; the weekly
// follow-up sees them, then flags the pair once it goes silent; the year's report counts them
// without naming them. The server and every command share one clock the test moves, since the
// journey spans six months; the browser is given the same day.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationPath,
  folders,
  pairIdOf,
  pairingBranch,
  pairPath,
} from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { readConventionAssets } from '../../scripts/commands/convention-assets.ts';
import {
  conventionFolder,
  localConventionsPath,
} from '../../scripts/commands/convention-folder.ts';
import { folderDelivery } from '../../scripts/commands/delivery.ts';
import type { Progress } from '../../scripts/commands/progress.ts';
import { runConventions } from '../../scripts/commands/run-conventions.ts';
import { runFollowUp } from '../../scripts/commands/run-followup.ts';
import { runMatch } from '../../scripts/commands/run-match.ts';
import { runPair } from '../../scripts/commands/run-pair.ts';
import { runReport } from '../../scripts/commands/run-report.ts';
import { runScreen } from '../../scripts/commands/run-screen.ts';
import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { serveBuiltSite } from '../../scripts/dev/built-site.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { readRecords } from '../../scripts/store/read-records.ts';
import { programmeSettings } from '../helpers/intake-harness.ts';
import { fillByKeyboard } from '../helpers/keyboard-form.ts';
import { coordinatorKey, testRecipients } from '../helpers/test-keys.ts';
import { trueCounts } from './true-counts.ts';

const exec = promisify(execFile);

// Canaries: nobody is called this; each string must surface only where a coordinator opens it.
const mentor = {
  firstName: 'Théodebert',
  lastName: 'Quillarmand',
  email: 'theodebert.quillarmand@exemple.org',
  phone: '07 41 52 63 74',
  organisation: 'Ateliers Pimprenelle',
};
const mentee = {
  firstName: 'Philomène',
  lastName: 'Brindargent',
  email: 'philomene.brindargent@exemple.fr',
  phone: '06 37 48 59 60',
  school: 'Institut Galopin-Morvandiau',
};
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

// Two compatible profiles (same sector and objectives, the same afternoons, both happy to meet
// in person or by video), so that matching has one pair to propose: theirs.
const shared = {
  'profile.objectives': ['choisir-dernier-stage', 'projet-orientation'],
  'profile.meetingMode': 'les-deux',
  'profile.availability.days': ['mercredi', 'samedi'],
  'profile.availability.periods': ['apres-midi'],
  'profile.languages': ['fr', 'en'],
};
const mentorAnswers = aMentorForm({
  'identity.firstName': mentor.firstName,
  'identity.lastName': mentor.lastName,
  'identity.email': mentor.email,
  'identity.phone': mentor.phone,
  'identity.birthDate': '12/09/1978',
  'identity.commune': 'Meudon',
  'profile.sector': 'numerique',
  'profile.organisation': mentor.organisation,
  'profile.capacity': '1',
  ...shared,
});
const menteeAnswers = aMenteeForm({
  'identity.firstName': mentee.firstName,
  'identity.lastName': mentee.lastName,
  'identity.email': mentee.email,
  'identity.phone': mentee.phone,
  'identity.birthDate': '21/03/2006',
  'profile.eligibility.school': mentee.school,
  'profile.sectors': ['numerique'],
  ...shared,
});

/** Every string that identifies one of the two people (a phone also as its bare digits). */
const identifying = [mentor, mentee].flatMap((p) => [
  p.firstName,
  p.lastName,
  fullName(p),
  p.email,
  p.phone,
  p.phone.replace(/\D/g, ''),
]);
/** What a report must not print either: where they work or study. */
const alsoInProfiles = [mentor.organisation, mentee.school];

/** The one clock of the journey: the intake's, every command's, and the browser's day. */
const clock = { now: new Date('2026-11-25T09:00:00.000Z') };
const now = () => clock.now;
const on = (day: string, time = '10:00') => (clock.now = new Date(`${day}T${time}:00.000Z`));

const settings = programmeSettings();
const logs: Record<string, unknown>[] = [];
const silent: Progress = { start: () => {}, step: () => {}, done: () => {} };
let folder: string;
let dataDir: string;
let store: LocalGitStore;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveBuiltSite>>;
/** The coordinator's settings: the same, with the site's public address (printed on sheets). */
let coordinator: ProgrammeSettings;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'binome-journey-local-'));
  dataDir = join(folder, 'data');
  store = new LocalGitStore(dataDir);
  await store.ready();
  [browser, site] = await Promise.all([
    launchChromium(),
    serveBuiltSite({
      store,
      settings,
      recipients: [...testRecipients],
      clock: now,
      log: (entry) => logs.push(entry),
    }),
  ]);
  coordinator = programmeSettings((s) => (s.site.url = site.url));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** What a command prints, line by line, on the coordinator's terminal. */
function terminal() {
  const lines: string[] = [];
  return { lines, print: (line: string) => void lines.push(line), text: () => lines.join('\n') };
}

/** A tab on the journey's day: the forms judge dates (« dans le futur ») by the browser's. */
async function openTab(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 375, height: 700 },
  });
  await context.clock.setFixedTime(clock.now);
  return context.newPage();
}

/**
 * Sends the form of `page` as a person does: waits for the anti-robot challenge the page asks
 * for on opening, types every answer by keyboard, takes a few minutes over it (on the intake's
 * clock: it refuses a form sent faster than `intake.minFillSeconds`), then presses Enter and
 * waits for the receipt.
 */
async function sendLikeAPerson(
  page: Page,
  challenge: Promise<unknown>,
  answers: readonly (readonly [string, string])[],
  receipt: RegExp,
) {
  await challenge;
  await fillByKeyboard(page, answers);
  clock.now = new Date(clock.now.getTime() + 4 * 60_000);
  await Promise.all([page.waitForURL(receipt), page.keyboard.press('Enter')]);
}

const challengeOf = (page: Page) =>
  page.waitForResponse((r) => r.url().includes('/api/altcha/challenge') && r.ok());

/** From the home page, the call to action `link`, its form, the receipt's reference. */
async function applyFromHome(link: string, answers: readonly (readonly [string, string])[]) {
  const page = await openTab();
  await page.goto(site.url);
  const challenge = challengeOf(page);
  await Promise.all([
    page.waitForURL(/\/(devenir-mentor|trouver-un-mentor)\/$/),
    page
      .getByRole('main')
      .getByRole('link', { name: new RegExp(`^${link}`) })
      .click(),
  ]);
  await sendLikeAPerson(page, challenge, answers, /\/api\/candidatures\/recu\?reference=/);
  const reference = new URL(page.url()).searchParams.get('reference')!;
  expect(await page.locator('.intake-reference').textContent()).toBe(
    `Votre numéro de candidature\u00a0: ${reference}`,
  );
  await page.context().close();
  return reference;
}

/** A « point d'étape » sent from the address on the sheet, with the sheet's code. */
async function checkIn(address: string, code: string, meeting: Record<string, string>) {
  const page = await openTab();
  const challenge = challengeOf(page);
  await page.goto(address);
  expect(await page.locator('h1').textContent()).toMatch(/Point d’étape/);
  await sendLikeAPerson(
    page,
    challenge,
    [
      ['access.code', code],
      ...Object.entries(meeting).map(([k, v]) => [`meetings.first.${k}`, v] as const),
      ['mood.rating', '5'],
    ],
    /\/api\/suivi\/recu$/,
  );
  expect(await page.locator('.intake-message').textContent()).toBe(
    'Votre réponse est bien enregistrée. Merci\u202f!',
  );
  await page.context().close();
}

const git = async (...args: string[]) =>
  (await exec('git', ['--git-dir', dataDir, ...args], { maxBuffer: 1 << 26 })).stdout;

describe('the journey on the embedded default, in Chromium', () => {
  it('takes two people from the home page to a pair, its convention, its check-ins, its follow-up and the report', async () => {
    // 1. They apply, each from the home page (25 November 2026: cohort 2026-2027 is open).
    const mentorId = await applyFromHome('Devenir mentor', mentorAnswers);
    const menteeId = await applyFromHome('Trouver un mentor', menteeAnswers);
    expect(mentorId).toMatch(/^mentor-[0-9a-z]{6}$/);
    expect(menteeId).toMatch(/^mentee-[0-9a-z]{6}$/);
    const applications = await readRecords(store, { folders: [folders.mentor, folders.mentee] });
    expect(applications.applications.map((a) => a.id).sort()).toEqual([menteeId, mentorId]);
    const cohort = applications.applications[0]!.cohort;
    expect(cohort).toBe('2026-2027');
    for (const a of applications.applications)
      expect(a).toMatchObject({ cohort, intake: { proofOfWork: 'verified', needsReview: false } });

    // 2. The coordinator meets them, then accepts them.
    const screen = terminal();
    const screening = { store, now, print: screen.print };
    on('2026-11-30');
    await runScreen(['list'], screening);
    expect(screen.text()).toContain(mentorId);
    expect(screen.text()).toContain(menteeId);
    await runScreen([mentorId, 'interviewed'], screening);
    await runScreen([menteeId, 'interviewed'], screening);
    on('2026-12-02');
    await runScreen([mentorId, 'accepted', '--reason', 'Entretien concluant'], screening);
    await runScreen(
      [menteeId, 'accepted', '--reason', 'Entretien concluant', '--training', '2026-12-01'],
      screening,
    );
    const decided = await readRecords(store, { folders: [folders.screening] });
    expect(decided.decisions.get(mentorId)?.status).toBe('accepted');
    expect(decided.decisions.get(menteeId)).toMatchObject({
      status: 'accepted',
      trainingCompletedOn: '2026-12-01',
      history: [{ status: 'interviewed' }, { status: 'accepted' }],
    });

    // 3. Matching proposes them as a pair, on the cohort's branch; then it is accepted.
    const match = terminal();
    const matching = {
      store,
      settings: coordinator,
      now,
      print: match.print,
      fileUrl: (_branch: string, path: string) => path,
    };
    on('2026-12-07');
    await runMatch(['--cohort', cohort], matching);
    expect(match.text()).toContain(`Cohorte ${cohort} (mode meilleurs) : 1 binôme proposé`);
    const pairId = pairIdOf(mentorId, menteeId);
    const proposal = await readRecords(store, {
      folders: [folders.pairs],
      branch: pairingBranch(cohort),
    });
    expect(proposal.pairs.map((p) => [p.id, p.mentor, p.mentee, p.status])).toEqual([
      [pairId, mentorId, menteeId, 'proposed'],
    ]);
    expect(await store.readFile(pairPath(pairId))).toBeUndefined();
    // The review a coordinator reads: ids, score and reasons, no name.
    await runMatch(['--cohort', cohort, '--show'], matching);
    const review = match.lines.at(-1)!;
    expect(review).toContain(pairId);
    for (const value of identifying) expect(review).not.toContain(value);
    on('2026-12-08');
    await runMatch(['--accept', cohort], matching);
    expect(match.lines.at(-1)).toBe(`Cohorte ${cohort} : 1 binôme accepté (${pairId}).`);
    const accepted = await readRecords(store, { folders: [folders.pairs] });
    expect(accepted.pairs.map((p) => [p.id, p.status])).toEqual([[pairId, 'accepted']]);

    // 4. Its convention, filled with the coordinators' key: a PDF that names them both.
    const conventions = conventionFolder(localConventionsPath(dataDir));
    const made = await runConventions([pairId], {
      store,
      settings: coordinator,
      assets: () => readConventionAssets(coordinator),
      identities: async () => [coordinatorKey.identity],
      folder: conventions,
      now,
      print: () => {},
      progress: silent,
    });
    expect(made).toMatchObject({ written: [pairId], failed: [] });
    const pdf = join(dataDir, 'conventions', `${pairId}.pdf`);
    const { stdout: pdfText } = await exec('pdftotext', ['-layout', pdf, '-']);
    const conventionText = pdfText.replace(/\s+/g, ' ');
    expect(conventionText).toContain(fullName(mentor));
    expect(conventionText).toContain(fullName(mentee));

    // 5. Signed on the cohort's first day: each gets a follow-up sheet with a code of their own.
    on('2027-01-11', '17:00');
    const signing = terminal();
    await runPair([pairId, 'signee', '2027-01-11'], {
      store,
      settings: coordinator,
      now,
      print: signing.print,
      deliver: folderDelivery(dataDir),
      showCodes: true,
    });
    expect(signing.lines[0]).toContain(`Le binôme ${pairId} est en cours`);
    const sheet = await readFile(join(dataDir, 'fiches-de-suivi', `${pairId}-mentore.txt`), 'utf8');
    const code = /Votre code de suivi : ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/.exec(sheet)![1]!;
    expect(signing.text()).toContain(`mentoré : ${code}`);
    const address = /Chaque mois, un point d’étape \(une minute\) : (\S+)/.exec(sheet)![1]!;
    expect(address).toBe(new URL('point-etape/', site.url).href);

    // 6. Two months of check-ins through the site, with the code from the sheet.
    on('2027-02-09', '18:00');
    await checkIn(address, code, { date: '20/01/2027', mode: 'presentiel', duration: '60-120' });
    on('2027-03-10', '18:00');
    await checkIn(address, code, { date: '24/02/2027', mode: 'visio', duration: '30-60' });
    const followUps = await store.listFiles(`followups/${pairId}`);
    expect(followUps).toHaveLength(2);
    const records = (await store.readFiles(followUps)).map((t) => JSON.parse(t!) as object);
    const sent = (day: string, mode: string) =>
      expect.objectContaining({
        type: 'check-in',
        role: 'mentee',
        pairId,
        rating: 5,
        meetings: [expect.objectContaining({ on: day, mode })],
        intake: expect.objectContaining({ proofOfWork: 'verified' }),
      });
    expect(records).toEqual([sent('2027-01-20', 'presentiel'), sent('2027-02-24', 'visio')]);

    // 7. The weekly follow-up: the pair by its id, nothing to do; silent two months later, flagged.
    const weekly = async (day: string) => {
      const out = terminal();
      await runFollowUp(['--date', day], { store, settings, now, print: out.print });
      // Read as typed here: French typography's no-break spaces as plain ones.
      return out.text().replace(/[\u00a0\u202f]/g, ' ');
    };
    on('2027-03-15');
    const calm = await weekly('2027-03-15');
    expect(calm).toContain('**1 binôme suivi** au 15 mars 2027 : 1 en cours.');
    expect(calm).toMatch(/### À traiter \(0\)\s+Rien à traiter\./);
    expect(calm).toContain(`**${pairId}** : `);
    on('2027-05-10');
    const silentPair = await weekly('2027-05-10');
    expect(silentPair).toContain('### À traiter (2)');
    expect(silentPair).toContain(
      `- [ ] **${pairId}** — Aucune rencontre signalée depuis 75 jours (la dernière le 24 février)`,
    );
    expect(silentPair).toContain(`- [ ] **${pairId}** — Point d’étape en retard depuis le`);
    for (const text of [calm, silentPair])
      for (const value of [...identifying, mentorId, menteeId]) expect(text).not.toContain(value);

    // 8. The school year's report, on that day: it counts them, and never names them.
    const report = terminal();
    const outcome = await runReport(['--period', '2026-2027'], {
      store,
      settings,
      now,
      print: report.print,
      // With the key the report could open every name (to mask quotes): still none may show.
      identities: async () => [coordinatorKey.identity],
      pdf: async () => undefined,
      delivery: 'commit',
    });
    expect(outcome).toMatchObject({ changed: true, folder: 'reports/2026-2027' });
    const published = await store.listFiles('reports/2026-2027');
    expect(published).toContain('reports/2026-2027/chiffres.csv');
    const texts = await store.readFiles(published);
    const csv = texts[published.indexOf('reports/2026-2027/chiffres.csv')]!;
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((row) => row.split(';'));
    const valueOf = new Map(rows.map((row) => [row.at(-1)!, row.at(-2)!]));
    // What the records hold, counted by the report's own figures: what the CSV publishes for it.
    const counts = await trueCounts(store, settings, '2026-2027', new Date('2027-05-10T12:00:00Z'));
    expect(
      Object.fromEntries(
        [
          'candidatures/2026-11/mentor',
          'candidatures/2026-11/mentee',
          'selection/accepted/total',
          'binomes/active/count',
          'modes/presentiel/count',
          'modes/visio/count',
          'points-etape/received/count',
        ].map((key) => [key, counts.get(key)]),
      ),
    ).toEqual({
      'candidatures/2026-11/mentor': 1,
      'candidatures/2026-11/mentee': 1,
      'selection/accepted/total': 2,
      'binomes/active/count': 1,
      'modes/presentiel/count': 1,
      'modes/visio/count': 1,
      'points-etape/received/count': 2,
    });
    // Every count of one to four people is published as « moins de 5 », never as itself.
    const small = [...counts].filter(([, n]) => n > 0 && n < 5).map(([key]) => key);
    expect(small.length).toBeGreaterThan(10);
    for (const key of small) expect(valueOf.get(key), key).toBe('moins de 5');
    expect(report.text()).toMatch(/\| Binômes formés \| moins de 5 \|/);
    for (const [path, text] of published.map((p, i) => [p, texts[i]!] as const))
      for (const value of [...identifying, ...alsoInProfiles, mentorId, menteeId, pairId])
        expect(text, `${path} holds ${value}`).not.toContain(value);
    for (const value of [...identifying, ...alsoInProfiles, mentorId, menteeId, pairId])
      expect(report.text()).not.toContain(value);

    // 9. Along the way: no name, e-mail or phone in a commit message, a branch, a file name, a
    // stored file (identities are sealed), nor in the server's log.
    const refs = (await git('for-each-ref', '--format=%(refname)')).trim().split('\n');
    expect(refs).toContain(`refs/heads/${pairingBranch(cohort)}`);
    const everything = [
      await git('log', '--all', '--format=%B'),
      refs.join('\n'),
      ...(await Promise.all(refs.map((ref) => git('ls-tree', '-r', '--name-only', ref)))),
      await git('log', '--all', '-p'),
      JSON.stringify(logs),
    ];
    for (const text of everything)
      for (const value of [...identifying, code]) expect(text).not.toContain(value);
    // The log is not empty: it names what happened by id.
    expect(JSON.stringify(logs)).toContain(menteeId);
    expect(await store.readFile(applicationPath(menteeId))).not.toContain(mentee.lastName);
    // About 10 s on the 2-core machine, under load: room for a slower day.
  }, 90_000);
});
