import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationPath,
  digestLabel,
  followUpLabel,
  pairPath,
  reviewPath,
} from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { checkApplication, checkFollowUp } from '../../schemas/validators.ts';
import { readConventionAssets } from '../../scripts/commands/convention-assets.ts';
import { conventionFolder } from '../../scripts/commands/convention-folder.ts';
import { run as conventionsJob } from '../../workflows/conventions/run.ts';
import { run as digestJob } from '../../workflows/digest/run.ts';
import { run as followUpJob } from '../../workflows/followup/run.ts';
import { run as matchJob } from '../../workflows/match/run.ts';
import { run as reportJob } from '../../workflows/report/run.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { actionsRunner } from '../helpers/actions-runner.ts';
import {
  expectNothingKept,
  expectNothingLeaked,
  recordRequests,
  watchStorage,
} from '../helpers/desk-page.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import {
  launchChromiumFor,
  startApiGitHubCom,
  type ApiGitHubCom,
} from '../helpers/https-stand-in.ts';
import {
  hostSettings,
  standInApi,
  startWorkerHost,
  type IntakeHost,
} from '../helpers/intake-hosts.ts';
import { fillByKeyboard } from '../helpers/keyboard-form.ts';
import { recordingCore } from '../helpers/matching-harness.ts';
import { openedRecord } from '../helpers/opened-record.ts';
import { coordinatorKey } from '../helpers/test-keys.ts';
import { trueCounts } from './true-counts.ts';
import {
  identityCanaries,
  journeyPeople,
  menteeEntries,
  mentorEntries,
  reportCanaries,
  standInBlobs,
  standInSurface,
} from './github-journey-people.ts';

// The whole journey on GitHub, for real but for GitHub itself: a student and a
// professional apply from the home page, in Chromium, through the Worker build of the intake
// (workerd, serving the built site as Cloudflare does), which stores to the GitHub stand-in; a
// coordinator screens them, adjusts the proposal and records the signature from the coordinators'
// desk of that same site, whose buttons post comment commands that the « Commandes » workflow's
// code answers; the « Binômes », « Conventions », « Suivi des binômes » and « Rapports » jobs run
// as Actions would run them, each with the day of its run; the mentoré reports a meeting with the
// code of their follow-up sheet. Nobody is named anywhere GitHub shows, nor in the report.

const repository = 'clavim/mentorat-donnees';
const appToken = 'ghs_binome_app';
const intakeToken = 'github_pat_intake_host_0000';
const coordinatorToken =
  'github_pat_11AAAAAAA0coordinatrice0000000000000000000000000000000000000000';

/** The programme's settings as a structure that filled them in has them (the test keys too). */
const settings: ProgrammeSettings = hostSettings();
settings.structure.address.street = '12 rue des Essais';
settings.mentoring.coordinators = [
  { id: 'coordination', name: 'Coordination Essai', email: 'coordination@exemple.org' },
];

const day = 86_400_000;
const { mentor, mentee } = journeyPeople;
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const mentorName = fullName(mentor);
const menteeName = fullName(mentee);

// The Worker keeps the real clock (it stamps the applications and the check-in): everything up to
// the check-in happens today, as a coordinator would do it in one busy day; the weekly report and
// the bilan run on the days Actions would run them, months later.
let today = () => new Date();

const standIn = new GitHubStandIn();
const { store } = gitHubHarness(standIn, { checkedByCaller: true, token: appToken });
let api: ApiGitHubCom;
let stopApi: () => Promise<void>;
let worker: IntakeHost;
let browser: Browser;
let runner: ReturnType<typeof actionsRunner>;
let folder: string;
/** Every request of every page the journey opened; the desk's apart (it alone talks to GitHub). */
const recorded: { desk: boolean; requests: ReturnType<typeof recordRequests> }[] = [];
const sent = (which: 'all' | 'desk') =>
  recorded.filter((r) => which === 'all' || r.desk).flatMap((r) => r.requests);

const started = performance.now();

beforeAll(async () => {
  standIn.addToken(appToken, { login: 'binome-mentorat[bot]', type: 'Bot' });
  standIn.addToken(intakeToken, { login: 'binome-mentorat[bot]', type: 'Bot' });
  standIn.addToken(coordinatorToken, {
    login: 'coordinatrice',
    rights: { contents: 'read', issues: 'write', pull_requests: 'write' },
  });
  standIn.setPermission('coordinatrice', 'write');
  folder = await mkdtemp(join(tmpdir(), 'binome-journey-github-'));
  await writeFile(join(folder, 'coordination.txt'), `${coordinatorKey.identity}\n`);
  const plain = await standInApi(standIn);
  stopApi = plain.close;
  [api, worker] = await Promise.all([
    startApiGitHubCom(standIn),
    startWorkerHost(plain.env, { settings }),
  ]);
  browser = await launchChromiumFor(api);
  runner = actionsRunner(standIn, store, () => today(), join(folder, 'documents'));
});

afterAll(async () => {
  await runner?.stop();
  await browser?.close();
  await worker?.close();
  await api?.close();
  await stopApi?.();
  if (folder) await rm(folder, { recursive: true, force: true });
  console.info(`GitHub journey: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

/** A fresh tab of the shared Chromium, every request it sends recorded. */
async function newPage(context: BrowserContext, desk = false): Promise<Page> {
  const page = await context.newPage();
  recorded.push({ desk, requests: recordRequests(page) });
  return page;
}

const noProblems = () => {
  expect(standIn.violations).toEqual([]);
  expect(runner.failures).toEqual([]);
};

/** A job's run as Actions starts it: a recording core, and its failures must be none. */
async function actions<T>(job: (core: never) => Promise<T>) {
  const recorded = recordingCore();
  await job(recorded.core as never);
  expect(recorded.failures).toEqual([]);
  return recorded;
}

const fileUrl = (path: string) => `https://github.com/${repository}/blob/main/${path}`;
const digest = () => actions((core) => digestJob({ store, core, fileUrl }));

/**
 * Opens a form (`open`), fills it by keyboard, waits as a person would before sending (the
 * intake refuses a form sent less than `intake.minFillSeconds` after its page asked for its
 * proof-of-work challenge: a short form is typed faster than that), then presses Enter.
 */
async function fillAndSend(
  page: Page,
  open: () => Promise<unknown>,
  entries: readonly (readonly [string, string])[],
  receipt: RegExp,
): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/altcha/challenge')),
    open(),
  ]);
  // The challenge was issued before its answer arrived, so before now.
  const soonest = Date.now() + settings.intake.minFillSeconds * 1000 + 50;
  await fillByKeyboard(page, entries);
  if (Date.now() < soonest) await page.waitForTimeout(soonest - Date.now());
  await Promise.all([page.waitForURL(receipt, { timeout: 30_000 }), page.keyboard.press('Enter')]);
}

/** From the home page, the link to a form, the form filled by keyboard and sent: the reference. */
async function apply(link: string, entries: typeof mentorEntries): Promise<string> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await newPage(context);
    await page.goto(`${worker.url}/`);
    await fillAndSend(
      page,
      () => page.getByRole('link', { name: link, exact: true }).first().click(),
      entries,
      /\/api\/candidatures\/recu\?reference=/,
    );
    const reference = new URL(page.url()).searchParams.get('reference')!;
    expect(await page.locator('.intake-reference').textContent()).toBe(
      `Votre numéro de candidature\u00a0: ${reference}`,
    );
    return reference;
  } finally {
    await context.close();
  }
}

const ids = { mentor: '', mentee: '', pair: '', cohort: '' };
let desk: Page;

/** Opens the desk of the Worker's site with the coordinator's token and key, as she would. */
async function openDesk(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  await watchStorage(context);
  const page = await newPage(context, true);
  // The page's timers under the test's hand (see `command`); its clock still runs from now.
  await page.clock.install();
  const response = await page.goto(`${worker.url}/coordination/`);
  // The Worker's static assets give the desk its own policy: the page may reach api.github.com.
  expect(response!.headers()['content-security-policy']).toContain(
    "connect-src 'self' https://api.github.com",
  );
  await page.locator('#desk-repository').waitFor({ state: 'visible' });
  await page.fill('#desk-repository', repository);
  await page.fill('#desk-token', coordinatorToken);
  await page.setInputFiles('#desk-key', join(folder, 'coordination.txt'));
  await page.getByRole('button', { name: 'Ouvrir l’espace' }).click();
  await page.locator('#desk').waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

/**
 * Clicks a desk button and waits for the workflow's reply to `line` in the page: the command was
 * posted by the coordinator, on `thread`, and answered ✅ by the App.
 */
async function command(click: () => Promise<void>, line: string, thread: number): Promise<void> {
  const before = standIn.comments.length;
  await click();
  await expect
    .poll(
      async () => {
        // The desk looks for the reply every three seconds, as it should on GitHub; here the
        // workflow answers within a fraction of one, so the page's clock is moved on instead
        // of the test waiting eight times three seconds.
        await desk.clock.fastForward(3_000);
        return desk.textContent('#desk-reply');
      },
      { timeout: 30_000, interval: 250 },
    )
    .toMatch(new RegExp(`${line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*✅`, 's'));
  const posted = standIn.comments.slice(before);
  expect(posted.map((c) => [c.issue, c.body, c.author?.login])).toEqual([
    [thread, line, 'coordinatrice'],
    [thread, expect.stringContaining('✅'), 'binome-mentorat[bot]'],
  ]);
  noProblems();
}

const threadLabelled = (label: string) =>
  standIn.issues.find((i) => !i.pull && i.labels.includes(label))!.number;
const pairingPull = () => standIn.issues.find((i) => i.pull?.head === `binomes/${ids.cohort}`)!;
/** The pairs a branch proposes or main holds. */
const pairsOn = (branch: string) =>
  [...(standIn.git.treeOf(branch)?.keys() ?? [])].filter((p) => p.startsWith('pairs/'));

describe('the journey on GitHub, in Chromium', () => {
  it('a professional and a student apply from the home page, through the Worker', async () => {
    ids.mentor = await apply('Devenir mentor', mentorEntries);
    await digest();
    ids.mentee = await apply('Trouver un mentor', menteeEntries);
    const second = await digest();
    expect(second.outputs).toMatchObject({ pending: 2, new: 1 });
    expect(ids.mentor).toMatch(/^mentor-[0-9a-z]{6}$/);
    expect(ids.mentee).toMatch(/^mentee-[0-9a-z]{6}$/);
    for (const [kind, id, person] of [
      ['mentor', ids.mentor, mentor],
      ['mentee', ids.mentee, mentee],
    ] as const) {
      const { stored, opened } = await openedRecord(store, applicationPath(id));
      expect(checkApplication(kind, stored).ok).toBe(true);
      expect(stored['intake']).toMatchObject({ proofOfWork: 'verified' });
      expect(opened['identity']).toMatchObject({
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
      });
      ids.cohort = stored['cohort'] as string;
    }
    const digestIssue = standIn.issues.find((i) => i.title.startsWith('Candidatures à examiner'))!;
    expect(digestIssue.body).toContain(ids.mentor);
    expect(digestIssue.body).toContain(ids.mentee);
    noProblems();
  });

  it('the coordinator screens both from the desk: an interview, then accepted, by comments', async () => {
    desk = await openDesk();
    const digestIssue = threadLabelled(digestLabel);
    for (const [id, person] of [
      [ids.mentor, mentor],
      [ids.mentee, mentee],
    ] as const) {
      const card = desk.locator('#desk-applications article', { hasText: id });
      expect(await card.locator('h3').textContent()).toContain(fullName(person));
      for (const word of ['entretien', 'acceptee']) {
        const line = `/decision ${id} ${word}`;
        await command(
          () => desk.locator(`button[data-command="${line}"]`).click(),
          line,
          digestIssue,
        );
      }
      expect(JSON.parse(standIn.file(`screening/${id}.json`)!)).toMatchObject({
        status: 'accepted',
      });
    }
    await expect.poll(() => desk.locator('#desk-applications article').count()).toBe(0);
  });

  it('matching, as the « Binômes » workflow: a pull request proposing exactly them', async () => {
    const run = await actions((core) =>
      matchJob({
        store,
        core,
        settings,
        now: today,
        fileUrl: (branch, path) => `https://github.com/${repository}/blob/${branch}/${path}`,
        event: { cohort: ids.cohort, mode: 'meilleurs' },
      }),
    );
    expect(run.outputs).toMatchObject({ pairs: 1, unmatched: 0 });
    ids.pair = `pair-${ids.mentor.replace('mentor-', '')}-${ids.mentee.replace('mentee-', '')}`;
    const pull = pairingPull();
    expect(pull.state).toBe('open');
    expect(pairsOn(`binomes/${ids.cohort}`)).toEqual([pairPath(ids.pair)]);
    expect(JSON.parse(standIn.file(pairPath(ids.pair), pull.pull!.head)!)).toMatchObject({
      status: 'proposed',
      proposedBy: 'matching',
      mentor: ids.mentor,
      mentee: ids.mentee,
    });
    expect(standIn.file(reviewPath(ids.cohort), pull.pull!.head)).toContain(ids.pair);
    noProblems();
  });

  it('the coordinator relaunches, withdraws and pairs them again by hand, from the desk', async () => {
    const pull = pairingPull().number;
    await desk.getByRole('button', { name: 'Actualiser' }).click();
    const proposals = desk.locator('#desk-proposals');
    await expect.poll(() => proposals.textContent()).toContain(mentorName);
    expect(await proposals.textContent()).toContain(menteeName);
    await command(
      () => desk.getByRole('button', { name: 'Relancer l’appariement' }).click(),
      '/relancer',
      pull,
    );
    await command(
      () =>
        desk
          .getByRole('button', { name: `Retirer le binôme ${mentorName} et ${menteeName}` })
          .click(),
      `/retirer ${ids.pair}`,
      pull,
    );
    await expect.poll(() => proposals.locator('tbody tr').count()).toBe(0);
    expect(pairsOn(`binomes/${ids.cohort}`)).toEqual([]);
    await command(
      () => desk.getByRole('button', { name: 'Associer', exact: true }).click(),
      `/associer ${ids.mentor} ${ids.mentee}`,
      pull,
    );
    await expect.poll(() => proposals.locator('tbody tr').count()).toBe(1);
    expect(pairsOn(`binomes/${ids.cohort}`)).toEqual([pairPath(ids.pair)]);
    expect(JSON.parse(standIn.file(pairPath(ids.pair), `binomes/${ids.cohort}`)!)).toMatchObject({
      status: 'proposed',
      proposedBy: 'coordinator',
    });
    expect(await proposals.textContent()).toContain('imposé');
    expect(
      await desk.getByRole('link', { name: /fusionner la pull request/ }).getAttribute('href'),
    ).toMatch(new RegExp(`/pull/${pull}$`));
  });

  it('acceptance: the pull request merged, the job run by the merge marks the pair accepted', async () => {
    const pull = pairingPull();
    standIn.mergePullRequest(pull.number);
    const run = await actions((core) =>
      matchJob({
        store,
        core,
        settings,
        now: today,
        fileUrl: (branch, path) => `https://github.com/${repository}/blob/${branch}/${path}`,
        event: { mergedBranch: pull.pull!.head },
      }),
    );
    expect(run.outputs).toMatchObject({ accepted: 1 });
    expect(pairsOn('main')).toEqual([pairPath(ids.pair)]);
    expect(JSON.parse(standIn.file(pairPath(ids.pair))!)).toMatchObject({
      status: 'accepted',
      mentor: ids.mentor,
      mentee: ids.mentee,
    });
    noProblems();
  });

  it('the « Conventions » workflow, after the merge: a PDF naming both of them', async () => {
    const artifact = join(folder, 'conventions');
    const run = await actions((core) =>
      conventionsJob({
        store,
        core,
        settings,
        assets: () => readConventionAssets(settings),
        // BINOME_AGE_KEY, the whole key file, as the secret gives it.
        identities: () => Promise.resolve([coordinatorKey.identity]),
        folder: conventionFolder(artifact),
        now: today,
        event: { mergedBranch: `binomes/${ids.cohort}` },
      }),
    );
    expect(run.outputs).toMatchObject({ count: 1 });
    expect(await readdir(artifact)).toContain(`${ids.pair}.pdf`);
    const { stdout } = await promisify(execFile)('pdftotext', [
      join(artifact, `${ids.pair}.pdf`),
      '-',
    ]);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain(mentorName);
    expect(text).toContain(menteeName);
    expect(run.summaryParts.join('\n')).toContain(ids.pair);
    for (const canary of identityCanaries)
      expect([...run.summaryParts, ...run.logs].join('\n')).not.toContain(canary);
  });

  let code = '';
  it('the signature, from the desk: the pair under way, the follow-up codes in the run’s artifact', async () => {
    // The weekly job keeps the « Suivi des binômes » issue the desk posts the steps on.
    await actions((core) => followUpJob({ store, core, settings, now: today, fileUrl }));
    const followUpIssue = threadLabelled(followUpLabel);
    await desk.getByRole('button', { name: 'Actualiser' }).click();
    const signedOn = dateIn(settings.structure.timeZone, today());
    const dateInput = desk.locator(`#signee-${ids.pair}`);
    await dateInput.waitFor();
    expect(await dateInput.inputValue()).toBe(signedOn);
    await command(
      () => desk.getByRole('button', { name: 'Enregistrer la signature' }).click(),
      `/signee ${ids.pair} ${signedOn}`,
      followUpIssue,
    );
    expect(JSON.parse(standIn.file(pairPath(ids.pair))!).status).toBe('active');
    const sheet = await readFile(
      join(folder, 'documents', 'fiches-de-suivi', `${ids.pair}-mentore.txt`),
      'utf8',
    );
    code = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/.exec(sheet)![0];
    // The codes are on the sheets only: never in a comment GitHub e-mails.
    expect(standInSurface(standIn).comments).not.toContain(code);
    // Token, key and names stayed in the tab's memory: nothing stored, nothing in the address.
    await expectNothingKept(desk);
    await desk.context().close();
  });

  it('the mentoré reports a meeting through the site’s « point d’étape », with their code', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await newPage(context);
    const typedToday = dateIn(settings.structure.timeZone, new Date())
      .split('-')
      .reverse()
      .join('/');
    await fillAndSend(
      page,
      () => page.goto(`${worker.url}/point-etape/`),
      [
        ['access.code', code],
        ['meetings.first.date', typedToday],
        ['meetings.first.mode', 'visio'],
        ['meetings.first.duration', '30-60'],
        ['mood.rating', '4'],
      ],
      /\/api\/suivi\/recu$/,
    );
    expect(await page.locator('.intake-message').textContent()).toBe(
      'Votre réponse est bien enregistrée. Merci\u202f!',
    );
    await context.close();
    const paths = await store.listFiles(`followups/${ids.pair}`);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatch(/-mentee\.json$/);
    const record = JSON.parse((await store.readFile(paths[0]!))!) as Record<string, unknown>;
    expect(checkFollowUp(record).ok).toBe(true);
    expect(record).toMatchObject({ type: 'check-in', pairId: ids.pair, role: 'mentee', rating: 4 });
    noProblems();
  });

  it('the weekly « Suivi des binômes » job, weeks later, lists the pair by its id only', async () => {
    const cohort = settings.cohorts.find((c) => c.id === ids.cohort)!;
    const followUpDay = Math.max(Date.parse(`${cohort.start}T06:00:00Z`) + 42 * day, Date.now());
    today = () => new Date(followUpDay);
    const run = await actions((core) =>
      followUpJob({ store, core, settings, now: today, fileUrl }),
    );
    expect(run.outputs).toMatchObject({ followed: 1 });
    const issue = standIn.issues.find((i) => i.labels.includes(followUpLabel))!;
    expect(issue.title).toMatch(/^Suivi des binômes — semaine du /);
    // Months without a meeting or a check-in since the one reported: flagged, by pair id.
    expect(issue.body).toMatch(
      new RegExp(`- \\[ \\] \\[${ids.pair}\\]\\(.*Aucune rencontre signalée`),
    );
    expect(standIn.comments.at(-1)!.body).toContain(ids.pair);
    for (const canary of identityCanaries) expect(issue.body).not.toContain(canary);
    expect(issue.body).not.toContain(mentor.organisation);
    noProblems();
  });

  it('the « Rapports » job proposes a bilan that counts them, « moins de 5 », naming nobody', async () => {
    const accepted = new Date(
      Date.parse(JSON.parse(standIn.file(pairPath(ids.pair))!).events[1].at),
    );
    const year =
      accepted.getUTCMonth() >= 8 ? accepted.getUTCFullYear() : accepted.getUTCFullYear() - 1;
    const period = `${year}-${year + 1}`;
    today = () => new Date(Math.max(Date.parse(`${year + 1}-09-02T06:00:00Z`), Date.now() + day));
    const run = await actions((core) =>
      reportJob({
        store,
        core,
        settings,
        now: today,
        periods: period,
        identities: () => Promise.resolve([coordinatorKey.identity]),
        // The HTML, CSV, charts and summary are what this journey reads; printing the PDF is the
        // report's own tests' (it takes a second Chromium).
        pdf: () => Promise.resolve(undefined),
      }),
    );
    expect(run.outputs).toMatchObject({ periods: period, written: period });
    // By default a report is proposed for review, not committed: main has no report yet.
    const branch = `rapports/${period}`;
    const proposal = standIn.issues.find((i) => i.pull?.head === branch)!;
    expect(run.outputs['pull-requests']).toBe(String(proposal.number));
    expect(proposal.state).toBe('open');
    expect(standIn.file(`reports/${period}/README.md`)).toBeUndefined();
    const files = [...standIn.git.treeOf(branch)!.keys()].filter((p) =>
      p.startsWith(`reports/${period}/`),
    );
    expect(files).toContain(`reports/${period}/rapport.html`);
    const readme = standIn.file(`reports/${period}/README.md`, branch)!;
    expect(readme).toContain('| Binômes formés | moins de 5 |');
    // « moins de 5 » hides 0 as well as 1: the same records, counted before suppression, say
    // that the hidden figures are these two people and their pair.
    const counts = await trueCounts(store, settings, period, today());
    const rows = standIn.file(`reports/${period}/chiffres.csv`, branch)!.split(/\r?\n/);
    for (const key of [
      'binomes/active/count',
      'selection/accepted/mentor',
      'selection/accepted/mentee',
    ]) {
      expect(counts.get(key), key).toBe(1);
      expect(rows.find((row) => row.endsWith(`;${key}`))).toMatch(/;moins de 5;[^;]+$/);
    }
    const report = files.map((p) => standIn.file(p, branch)!).join('\n');
    for (const canary of [...reportCanaries, ids.mentor, ids.mentee, ids.pair])
      expect(report).not.toContain(canary);
    noProblems();
  });

  it('nothing GitHub shows names them, and the pages talked to the site and api.github.com only', () => {
    const surface = standInSurface(standIn);
    for (const [where, text] of Object.entries(surface))
      for (const canary of identityCanaries)
        expect(text, `${where}: ${canary}`).not.toContain(canary);
    // Not even inside a file: the identities are sealed, the follow-up codes hashed.
    const blobs = standInBlobs(standIn);
    for (const canary of [...identityCanaries, code]) expect(blobs).not.toContain(canary);
    expect(sent('desk').some((r) => r.url.startsWith('https://api.github.com/'))).toBe(true);
    expectNothingLeaked(sent('desk'), {
      origins: [worker.url, 'https://api.github.com'],
      secrets: identityCanaries,
      token: { value: coordinatorToken, origin: 'https://api.github.com' },
    });
    for (const request of sent('all'))
      expect([worker.url, 'https://api.github.com']).toContain(new URL(request.url).origin);
    noProblems();
  });
});
