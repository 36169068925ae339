import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Encrypter } from 'age-encryption';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { builtPages, serveBuiltSite } from '../../scripts/dev/built-site.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { actionsRunner, openJobIssues } from '../helpers/actions-runner.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import {
  checkState,
  keptStates,
  recordRequests,
  expectNothingKept,
  expectNothingLeaked,
  watchStorage,
} from '../helpers/desk-page.ts';
import { commitDeskProgramme, deskPeople, deskSecrets } from '../helpers/desk-programme.ts';
import {
  launchChromiumFor,
  startApiGitHubCom,
  type ApiGitHubCom,
} from '../helpers/https-stand-in.ts';
import { coordinatorKey, strangerKey, testRecipients } from '../helpers/test-keys.ts';

// The coordinators' desk against GitHub (issue 15): the page, served like any static site, talks
// to https://api.github.com from Chromium (the stand-in, over HTTPS, with GitHub's CORS answers:
// no request interception, so preflights and the page's policy are the browser's own), reads with
// the coordinator's fine-grained token, decrypts in the page, and acts by comment commands that
// the « Commandes » workflow's code answers, as Actions would run it.

const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
const now = () => new Date('2026-11-30T09:00:00.000Z');
const repository = 'clavim/mentorat-donnees';
const token = 'github_pat_11AAAAAAA0coordinatrice0000000000000000000000000000000000000000';
const states = keptStates();
const standIn = new GitHubStandIn();
let api: ApiGitHubCom;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveBuiltSite>>;
let folder: string;
let runner: ReturnType<typeof actionsRunner>;
let issues: { digest: number; followUp: number };

beforeAll(async () => {
  await builtPages();
  standIn.addToken('ghs_binome_app', { login: 'binome-mentorat[bot]', type: 'Bot' });
  standIn.addToken(token, {
    login: 'coordinatrice',
    rights: { contents: 'read', issues: 'write', pull_requests: 'write' },
  });
  standIn.addToken('github_pat_expired', { login: 'coordinatrice', expired: true });
  standIn.addToken('github_pat_issues_only', {
    login: 'coordinatrice',
    rights: { contents: 'none', issues: 'write', pull_requests: 'write' },
  });
  standIn.setPermission('coordinatrice', 'write');
  const { store } = gitHubHarness(standIn, { checkedByCaller: true, token: 'ghs_binome_app' });
  await commitDeskProgramme(store, settings, now);
  issues = await openJobIssues(store);
  folder = await mkdtemp(join(tmpdir(), 'binome-desk-github-'));
  // The jobs run a week later: the pair on main was accepted on 5 December (tests/helpers/a-pair.ts).
  runner = actionsRunner(
    standIn,
    store,
    () => new Date('2026-12-07T09:00:00.000Z'),
    join(folder, 'documents'),
  );
  await writeFile(join(folder, 'coordination.txt'), `${coordinatorKey.identity}\n`);
  await writeFile(join(folder, 'stranger.txt'), `${strangerKey.identity}\n`);
  const protectedKey = new Encrypter();
  protectedKey.setPassphrase('une longue phrase de passe');
  protectedKey.setScryptWorkFactor(12);
  await writeFile(
    join(folder, 'protected.age'),
    await protectedKey.encrypt(`${coordinatorKey.identity}\n`),
  );
  api = await startApiGitHubCom(standIn);
  [browser, site] = await Promise.all([
    launchChromiumFor(api),
    // The built site as any static host serves it: no desk on the server, so the page talks to
    // GitHub.
    serveBuiltSite({
      store,
      settings,
      recipients: [...testRecipients],
    }),
  ]);
});

afterEach(() => {
  expect(standIn.violations).toEqual([]);
});

afterAll(async () => {
  await runner?.stop();
  await browser?.close();
  await site?.close();
  await api?.close();
});

async function open(
  page: Page,
  options: { token?: string; key?: string; passphrase?: string } = {},
): Promise<void> {
  await page.goto(new URL('coordination/', site.url).href);
  await page.locator('#desk-repository').waitFor({ state: 'visible' });
  await page.fill('#desk-repository', repository);
  await page.fill('#desk-token', options.token ?? token);
  await page.setInputFiles('#desk-key', join(folder, options.key ?? 'coordination.txt'));
  if (options.passphrase) await page.fill('#desk-passphrase', options.passphrase);
  await page.getByRole('button', { name: 'Ouvrir l’espace' }).click();
}

const problem = (page: Page) =>
  expect.poll(() => page.textContent('#desk-problem'), { timeout: 15_000 });

describe('the coordinators’ desk on GitHub', () => {
  it('decrypts in the page, records a decision by a comment, shows a proposal and prints a convention; sends and keeps nothing it should not', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    await watchStorage(context);
    const page = await context.newPage();
    const sent = recordRequests(page);
    await open(page);
    await page.locator('#desk').waitFor({ state: 'visible', timeout: 20_000 });
    await checkState(page, states, 'github-open');

    const { applicant, proposedMentor, proposedMentee, pairMentor, pairMentee } = deskPeople;
    const card = page.locator('article', { hasText: applicant.id });
    expect(await card.locator('h3').textContent()).toContain('Bérénice Quatrefeuilles');
    expect(await card.getByRole('link', { name: applicant.phone }).getAttribute('href')).toBe(
      'tel:0671000001',
    );

    // The decision is a comment on the « Candidatures à examiner » issue, by the coordinator;
    // the workflow's reply comes back, and so does its effect.
    const before = standIn.comments.length;
    await page.locator('button[data-command="/decision mentee-dddd01 acceptee"]').click();
    await expect.poll(() => page.textContent('#desk-reply'), { timeout: 20_000 }).toContain('✅');
    const posted = standIn.comments.slice(before);
    expect(posted.map((c) => [c.body, c.author?.login])).toEqual([
      ['/decision mentee-dddd01 acceptee', 'coordinatrice'],
      [expect.stringContaining('**Binôme** a traité vos commandes'), 'binome-mentorat[bot]'],
    ]);
    expect(runner.failures).toEqual([]);
    await expect.poll(() => page.locator('#desk-applications h3').count()).toBe(1);
    expect(JSON.parse(standIn.file('screening/mentee-dddd01.json')!).status).toBe('accepted');
    await checkState(page, states, 'github-after-decision');

    const proposal = (await page.textContent('#desk-proposals'))!;
    expect(proposal).toContain(`${proposedMentor.firstName} ${proposedMentor.lastName}`);
    expect(proposal).toContain(`${proposedMentee.firstName} ${proposedMentee.lastName}`);
    // Accepting is merging the pull request on GitHub: the page links to it.
    expect(
      await page.getByRole('link', { name: /fusionner la pull request/ }).getAttribute('href'),
    ).toMatch(/\/pull\/\d+$/);

    await page.locator('button[data-convention="pair-ffff01-ffff02"]').click();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Télécharger la convention/ }).click();
    const { stdout } = await promisify(execFile)('pdftotext', [await (await download).path(), '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`${pairMentor.firstName} ${pairMentor.lastName}`);
    expect(text).toContain(`${pairMentee.firstName} ${pairMentee.lastName}`);

    // A pairing command goes to the cohort's pull request, a pair's step to the follow-up issue.
    const pull = standIn.issues.find((i) => i.pull && i.state === 'open')!;
    const commented = () =>
      standIn.comments.filter((c) => c.author?.type === 'User').map((c) => [c.issue, c.body]);
    await page
      .getByRole('button', { name: /Retirer le binôme Clémence Vautrin et Dorian Lefébure/ })
      .click();
    await expect
      .poll(() => page.textContent('#desk-reply'), { timeout: 20_000 })
      .toMatch(/\/retirer pair-eeee01-eeee02.*✅/s);
    expect(commented().at(-1)).toEqual([pull.number, '/retirer pair-eeee01-eeee02']);
    // Every pair withdrawn, the proposal stays, to be completed: nobody paired, and why.
    await expect.poll(() => page.locator('#desk-proposals tbody tr').count()).toBe(0);
    expect(await page.textContent('#desk-proposals')).toContain('Mentorés sans binôme (2)');
    await page.locator('#desk-pairs input[type="date"]').fill('2026-12-06');
    await page.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await expect
      .poll(() => page.textContent('#desk-reply'), { timeout: 20_000 })
      .toMatch(/\/signee pair-ffff01-ffff02 2026-12-06.*✅/s);
    expect(commented().at(-1)).toEqual([issues.followUp, '/signee pair-ffff01-ffff02 2026-12-06']);
    expect(JSON.parse(standIn.file('pairs/pair-ffff01-ffff02.json')!).status).toBe('active');
    await expect.poll(() => page.textContent('#desk-pairs')).toContain('En cours');
    expect(runner.failures).toEqual([]);

    await expectNothingKept(page);
    const github = sent.filter((r) => r.url.startsWith('https://api.github.com/'));
    expect(github.length).toBeGreaterThan(10);
    expectNothingLeaked(sent, {
      origins: [new URL(site.url).origin, 'https://api.github.com'],
      secrets: deskSecrets,
      token: { value: token, origin: 'https://api.github.com' },
    });
    const comments = github.filter((r) => r.method === 'POST' && r.url.endsWith('/comments'));
    expect(comments.map((r) => JSON.parse(r.body))).toEqual([
      { body: '/decision mentee-dddd01 acceptee' },
      { body: '/retirer pair-eeee01-eeee02' },
      { body: '/signee pair-ffff01-ffff02 2026-12-06' },
    ]);
    await context.close();
  });

  it('opens with a passphrase-protected key, and says in French what is wrong otherwise', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await open(page, { key: 'protected.age' });
    await problem(page).toMatch(/protégé par une phrase de passe/);
    await checkState(page, states, 'github-needs-passphrase');
    await open(page, { key: 'protected.age', passphrase: 'une autre phrase' });
    await problem(page).toMatch(/phrase de passe ne correspond pas/);
    await open(page, { key: 'stranger.txt' });
    await problem(page).toMatch(/Cette clé n’ouvre aucune des identités/);
    await open(page, { token: 'github_pat_expired' });
    await problem(page).toMatch(/GitHub refuse ce jeton\s:\sil a expiré/);
    await open(page, { token: 'github_pat_issues_only' });
    await problem(page).toMatch(
      /n’a pas les droits qu’il faut sur le dépôt clavim\/mentorat-donnees/,
    );
    standIn.exhaustRateLimit(600);
    try {
      await open(page);
      await problem(page).toMatch(/GitHub limite le nombre de requêtes.*jusqu’à \d\d\sh\s\d\d/);
      await checkState(page, states, 'github-rate-limit');
    } finally {
      standIn.clearRateLimit();
    }
    await open(page, { key: 'protected.age', passphrase: 'une longue phrase de passe' });
    await page.locator('#desk').waitFor({ state: 'visible', timeout: 20_000 });
    await context.close();
  });

  it('lists a record it cannot read, and shows everything else', async () => {
    await gitHubHarness(standIn, { checkedByCaller: true, token: 'ghs_binome_app' }).store.commit(
      [{ path: 'screening/mentor-dddd02.json', content: '{ "ceci": n’est pas du JSON' }],
      'A hand edit gone wrong',
    );
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await open(page);
    await page.locator('#desk').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.textContent('#desk-unreadable')).toContain('screening/mentor-dddd02.json');
    expect(await page.textContent('#desk-unreadable')).not.toContain('ceci');
    expect(await page.textContent('#desk-applications')).toContain('Anatole Brisefer');
    await checkState(page, states, 'github-unreadable');
    await context.close();
  });

  it('passes the Nu HTML Checker in every state', async () => {
    expect(states.kept.length).toBe(5);
    expect(await states.nuErrors()).toEqual([]);
  });
});
