import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screeningPath } from '../../schemas/data-layout.ts';
import { deskHeaderPolicy } from '../../schemas/desk-policy.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { deskActions } from '../../scripts/commands/desk-actions.ts';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { builtPages, serveBuiltSite } from '../../scripts/dev/built-site.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { commitDeskProgramme, deskPeople, deskSecrets } from '../helpers/desk-programme.ts';
import {
  checkState,
  keptStates,
  recordRequests,
  expectNothingKept,
  expectNothingLeaked,
  tabTo,
  watchStorage,
} from '../helpers/desk-page.ts';
import { coordinatorKey, strangerKey, testRecipients } from '../helpers/test-keys.ts';

// The coordinators' desk on the embedded default (issue 15): `npm start`'s server gives the page
// the records read-only, on this machine only, after a one-time code printed in the terminal;
// the actions run the command line's code. Everything here is done with the keyboard alone.

const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
const now = () => new Date('2026-11-30T09:00:00.000Z');
const states = keptStates();
const codes: string[] = [];
let browser: Browser;
let site: Awaited<ReturnType<typeof serveBuiltSite>>;
let store: LocalGitStore;
let folder: string;

beforeAll(async () => {
  await builtPages();
  folder = await mkdtemp(join(tmpdir(), 'binome-desk-local-'));
  store = new LocalGitStore(join(folder, 'data'));
  await store.ready();
  await commitDeskProgramme(store, settings, now);
  await writeFile(
    join(folder, 'coordination.txt'),
    `# public key: ${coordinatorKey.recipient}\n${coordinatorKey.identity}\n`,
  );
  await writeFile(join(folder, 'stranger.txt'), `${strangerKey.identity}\n`);
  [browser, site] = await Promise.all([
    launchChromium(),
    serveBuiltSite({
      store,
      settings,
      recipients: [...testRecipients],
      desk: {
        store,
        settings,
        recipients: [...testRecipients],
        announce: (code) => codes.push(code),
        ...deskActions({ store, settings, now, fileUrl: (_branch, path) => path }),
      },
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * Space on the focused file field opens the file chooser. On a loaded machine Chromium has been
 * seen to drop the first press right after a navigation: the press is repeated, a few times.
 */
async function chooseByKeyboard(page: Page) {
  for (let attempt = 1; ; attempt += 1) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Space');
    try {
      return await chooser;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Opens the desk by keyboard: the code, the key file (through the file chooser), Enter. */
async function openByKeyboard(page: Page, code: string, keyFile: string): Promise<void> {
  await page.goto(new URL('coordination/', site.url).href);
  await page.locator('#desk-code').waitFor({ state: 'visible' });
  await tabTo(page, '#desk-code');
  await page.keyboard.type(code);
  await tabTo(page, '#desk-key');
  await (await chooseByKeyboard(page)).setFiles(join(folder, keyFile));
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
}

describe('the coordinators’ desk on the embedded default', () => {
  it('refuses a wrong code, a used code, and a key that is not the coordination’s', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await openByKeyboard(page, 'AAAA-AAAA', 'coordination.txt');
    await expect.poll(() => page.textContent('#desk-problem')).toMatch(/^Code erroné/);
    await checkState(page, states, 'wrong-code');

    // A key that is not the programme's is said before the code is used: the same code then
    // opens with the right key, once; typed again, it is refused.
    const code = codes.at(-1)!;
    await openByKeyboard(page, code, 'stranger.txt');
    await expect
      .poll(() => page.textContent('#desk-problem'))
      .toMatch(/Cette clé n’est pas une clé de la coordination de ce programme/);
    await checkState(page, states, 'wrong-key');
    await openByKeyboard(page, code, 'coordination.txt');
    await page.locator('#desk').waitFor({ state: 'visible' });
    await openByKeyboard(page, code, 'coordination.txt');
    await expect.poll(() => page.textContent('#desk-problem')).toMatch(/^Code erroné/);
    expect(codes.at(-1)).not.toBe(code);
    await context.close();
  });

  it('shows the people behind the ids, records a decision, shows a proposal and makes a convention, by keyboard only', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    await watchStorage(context);
    const page = await context.newPage();
    const sent = recordRequests(page);
    await page.goto(new URL('coordination/', site.url).href);
    await page.locator('#desk-code').waitFor({ state: 'visible' });
    await checkState(page, states, 'form');
    await openByKeyboard(page, codes.at(-1)!, 'coordination.txt');
    await page.locator('#desk').waitFor({ state: 'visible' });
    await checkState(page, states, 'open');

    // The applicant to screen: her name, her telephone as a link a phone dials.
    const { applicant, proposedMentor, proposedMentee, pairMentor, pairMentee } = deskPeople;
    const card = page.locator('article', { hasText: applicant.id });
    await expect.poll(() => card.locator('h3').textContent()).toContain('Bérénice Quatrefeuilles');
    expect(await card.getByRole('link', { name: applicant.phone }).getAttribute('href')).toBe(
      'tel:0671000001',
    );
    expect(await card.getByRole('link', { name: applicant.email }).getAttribute('href')).toBe(
      `mailto:${applicant.email}`,
    );
    // Newest first.
    const headings = await page.locator('#desk-applications h3').allTextContents();
    expect(headings[0]).toContain('Bérénice');
    expect(headings[1]).toContain('Anatole');

    // A decision: the same code as `npm run match -- /decision …`, its answer, then its effect.
    await tabTo(page, 'button[data-command="/decision mentee-dddd01 acceptee"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#desk-reply'), { timeout: 20_000 }).toContain('✅');
    expect(await page.textContent('#desk-reply')).toContain('/decision mentee-dddd01 acceptee');
    await expect.poll(() => page.locator('#desk-applications h3').count()).toBe(1);
    expect(JSON.parse((await store.readFile(screeningPath(applicant.id)))!).status).toBe(
      'accepted',
    );
    await checkState(page, states, 'after-decision');

    // The proposal of the cohort, with the names beside the ids, its score and reasons.
    const proposal = page.locator('#desk-proposals');
    expect(await proposal.textContent()).toContain(
      `${proposedMentor.firstName} ${proposedMentor.lastName}`,
    );
    expect(await proposal.textContent()).toContain(
      `${proposedMentee.firstName} ${proposedMentee.lastName}`,
    );
    expect(await proposal.textContent()).toMatch(/Objectifs 35\/35/);

    // The accepted pair's convention, filled in the browser, downloaded from the link.
    await tabTo(page, 'button[data-convention="pair-ffff01-ffff02"]');
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: /Télécharger la convention/ });
    await link.waitFor();
    await checkState(page, states, 'convention');
    const download = page.waitForEvent('download');
    await tabTo(page, '#desk-pairs a[download]');
    await page.keyboard.press('Enter');
    const pdf = await (await download).path();
    expect((await download).suggestedFilename()).toBe('convention-pair-ffff01-ffff02.pdf');
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`${pairMentor.firstName} ${pairMentor.lastName}`);
    expect(text).toContain(`${pairMentee.firstName} ${pairMentee.lastName}`);

    // Nothing kept, nothing sent that it should not be: only the site, the key never, the
    // decrypted values never, the one command with ids only.
    await expectNothingKept(page);
    expectNothingLeaked(sent, { origins: [new URL(site.url).origin], secrets: deskSecrets });
    const commands = sent.filter((r) => r.url.endsWith('/api/coordination/commande'));
    expect(commands.map((r) => JSON.parse(r.body))).toEqual([
      { line: '/decision mentee-dddd01 acceptee' },
    ]);
    await context.close();
  });

  it('keeps Binôme’s answer when the reading after it fails, and says so', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await openByKeyboard(page, codes.at(-1)!, 'coordination.txt');
    await page.locator('#desk').waitFor({ state: 'visible' });
    // From now on the records cannot be read: the command goes through, the reading after it not.
    await page.route('**/api/coordination/lire', (route) => route.abort());
    await page.locator('button[data-command="/decision mentor-dddd02 entretien"]').click();
    await expect
      .poll(() => page.textContent('#desk-reply'), { timeout: 20_000 })
      .toContain('Les données n’ont pas pu être relues');
    expect(await page.textContent('#desk-reply')).toMatch(
      /\/decision mentor-dddd02 entretien\s:\s✅/,
    );
    expect(JSON.parse((await store.readFile(screeningPath('mentor-dddd02')))!).status).toBe(
      'interviewed',
    );
    await context.close();
  });

  it('gives the page its own strict policy, and the records to this machine only', async () => {
    const response = await fetch(new URL('coordination/', site.url));
    expect(response.headers.get('content-security-policy')).toBe(deskHeaderPolicy);
    const api = new URL('api/coordination/', site.url);
    // Another site open in the same browser is refused, even with a code.
    const foreign = await fetch(new URL('session', api), {
      method: 'POST',
      headers: { origin: 'https://ailleurs.example', 'content-type': 'application/json' },
      body: JSON.stringify({ code: codes.at(-1) }),
    });
    expect(foreign.status).toBe(403);
    // Without a session, nothing is read.
    const anonymous = await fetch(new URL('lire', api), {
      method: 'POST',
      headers: { origin: new URL(site.url).origin, 'content-type': 'application/json' },
      body: JSON.stringify({ op: 'list', folder: 'applications/mentees' }),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('mentee-');
  });

  it('is printed by npm start with its one-time code, which opens once and is then replaced', async () => {
    const data = join(folder, 'started');
    const child = spawn(process.execPath, ['scripts/cli/serve.ts', '--port', '0', '--data', data], {
      env: { PATH: process.env['PATH'] ?? '', HOME: folder },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      const line =
        /Espace coordination\s:\s(http:\/\/127\.0\.0\.1:\d+\/coordination\/)\s;\scode à usage unique\s:\s([A-Z0-9]{4}-[A-Z0-9]{4})/;
      await expect.poll(() => line.test(out), { timeout: 30_000 }).toBe(true);
      const [, address, code] = line.exec(out)!;
      const session = (used: string) =>
        fetch(new URL('../api/coordination/session', address), {
          method: 'POST',
          headers: { origin: new URL(address!).origin, 'content-type': 'application/json' },
          body: JSON.stringify({ code: used }),
        });
      expect((await session(code!)).status).toBe(201);
      await expect
        .poll(() => /Nouveau code de l’espace coordination\s:\s[A-Z0-9]{4}-[A-Z0-9]{4}/.test(out))
        .toBe(true);
      expect((await session(code!)).status).toBe(403);
    } finally {
      child.kill();
    }
  });

  it('says how npm start is used with --help, and refuses a wrong argument in French', async () => {
    const start = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/cli/serve.ts', ...args], {
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: folder,
          BINOME_DATA_DIR: join(folder, 'never'),
        },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const help = await start('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm start [-- --port <port>]');
    expect(help.stdout).toContain('espace coordination');
    for (const wrong of [['--bogus'], ['--port'], ['--port', 'quatre'], ['en-trop']]) {
      const refused = await start(...wrong);
      expect([wrong, refused.code]).toEqual([wrong, 2]);
      expect(refused.stderr).not.toMatch(/at |TypeError|Error:/);
    }
    expect((await start('--port', 'quatre')).stderr).toContain('Le port doit être un nombre');
  });

  it('says it needs JavaScript when JavaScript is off, and shows no form to fill in vain', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('coordination/', site.url).href);
    // Playwright turns scripts off after parsing starts, so Chromium keeps <noscript> as text
    // here; a browser with JavaScript off from the start shows it.
    expect(await page.locator('noscript').textContent()).toContain(
      'Cet espace a besoin de JavaScript',
    );
    expect(await page.locator('#desk-login').isVisible()).toBe(false);
    expect(await page.getByText('Chargement de l’espace').isVisible()).toBe(false);
    await context.close();
  });

  it('passes the Nu HTML Checker in every state', async () => {
    expect(states.kept.length).toBe(6);
    expect(await states.nuErrors()).toEqual([]);
  });
});
