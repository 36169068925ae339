// Issue 12: the participants' follow-up forms in real Chromium, on a phone, by keyboard only,
// with and without JavaScript, through the served site and its intake: the « point d'étape »
// and the bilan, every state through axe-core and the Nu HTML Checker, a refused code answered
// one way whatever the reason, and a bilan's words kept within the pair never leaving the phone.
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFollowUp } from '../../schemas/validators.ts';
import { measureFormScripts } from '../../scripts/bench/measure-form-scripts.ts';
import type { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { browserAndSite } from '../helpers/browser-and-site.ts';
import { axeViolations, nuErrors } from '../helpers/page-checks.ts';
import { fillByKeyboard } from '../helpers/keyboard-form.ts';
import {
  aBilanForm,
  aCheckInForm,
  addPairWithCodes,
  tomorrow,
  wrongCodes,
  type PairWithCodes,
} from './follow-up-fixtures.ts';

const shared = browserAndSite({ fastForms: true });
const phone = { width: 375, height: 700 };

let active: PairWithCodes;
let closed: PairWithCodes;
let snapshots: string;
beforeAll(async () => {
  active = await addPairWithCodes(shared.site.store, 1, 'active');
  closed = await addPairWithCodes(shared.site.store, 2, 'closed');
  snapshots = await mkdtemp(join(tmpdir(), 'binome-follow-up-pages-'));
});

/** Each state a person brings a form to, kept for the Nu HTML Checker (last test). */
const kept: string[] = [];
async function keep(page: Page, name: string) {
  const file = join(snapshots, `${name}.html`);
  await writeFile(file, await page.content());
  kept.push(file);
}

/** A page with JavaScript where the pages shown without it are copied for axe, made once. */
let checker: Page | undefined;

/** axe-core on a page shown without JavaScript (axe itself runs as a script, so in a copy). */
async function axeOnCopy(page: Page) {
  if (!checker) {
    checker = await (await shared.browser.newContext({ viewport: phone })).newPage();
    await checker.goto(shared.site.url);
  }
  await checker.setContent(await page.content());
  return axeViolations(checker);
}

async function open(path: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await shared.browser.newContext({
    javaScriptEnabled,
    viewport: phone,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await page.goto(new URL(path, shared.site.url).href);
  return page;
}

type Entries = readonly (readonly [string, string])[];

/** From the top of the page again, the answers typed over the form's, then Enter. */
async function sendAgain(page: Page, entries: Entries): Promise<void> {
  await page.focus('.skip-link');
  await fillByKeyboard(page, entries);
  await page.keyboard.press('Enter');
}

/** Without JavaScript: the answers sent, and the intake's answer once it is shown. */
async function sendWithoutScript(page: Page, entries: Entries): Promise<Response> {
  const [response] = await Promise.all([page.waitForNavigation(), sendAgain(page, entries)]);
  return response!;
}

const summaryLines = (page: Page) => page.locator('.error-summary li').allTextContents();
const codeMessage = (page: Page) =>
  page.locator('[data-field="access.code"] > .field-error').textContent();

/** The records of the pair, as the data repository holds them. */
async function followUps(pairId: string): Promise<Record<string, unknown>[]> {
  const paths = await shared.site.store.listFiles(`followups/${pairId}`);
  const texts = await shared.site.store.readFiles(paths);
  return texts.map((text) => JSON.parse(text!) as Record<string, unknown>);
}

/** Every commit of the data repository, each file's full text included. */
function everythingStored(): string {
  const { directory } = shared.site.store as LocalGitStore;
  return execFileSync('git', ['-C', directory, 'log', '--all', '-p', '--format=%s%n%b'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
}

describe('the « point d’étape », with JavaScript, by keyboard only', () => {
  it('says every mistake, answers any refused code the same way, then sends', async () => {
    const page = await open('/point-etape/', true);

    // A code cut short, a meeting tomorrow, no rating: three messages, the summary focused.
    await fillByKeyboard(
      page,
      aCheckInForm('K7QM-3XRT', { 'meetings.first.date': tomorrow, 'mood.rating': undefined }),
    );
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').waitFor();
    expect(await summaryLines(page)).toEqual([
      'Indiquez votre code de suivi\u00a0: 16 lettres et chiffres, par exemple K7QM-3XRT-9BDA-6HPW.',
      'Cette date est dans le futur\u00a0: indiquez une rencontre qui a déjà eu lieu.',
      'Choisissez comment se passe le mentorat, de 1 à 5.',
    ]);
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true);
    expect(await page.title()).toMatch(/^Erreur – Point d’étape/);
    expect(await axeViolations(page)).toEqual([]);
    await keep(page, 'check-in-mistakes-with-js');

    // Mistyped, nobody's, or a pair no longer under way: the same answer, word for word.
    const answers: unknown[] = [];
    const shown: unknown[] = [];
    for (const [reason, code] of Object.entries(wrongCodes(closed))) {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        sendAgain(page, aCheckInForm(code)),
      ]);
      answers.push({ status: response.status(), body: await response.json() });
      await page.locator('.error-summary:not([hidden]) li').waitFor();
      shown.push([
        await page.locator('.error-summary__title').textContent(),
        await summaryLines(page),
        await codeMessage(page),
      ]);
      expect(await page.locator('#f-access-code').getAttribute('aria-invalid'), reason).toBe(
        'true',
      );
      if (reason === 'unknown') {
        expect(await axeViolations(page)).toEqual([]);
        await keep(page, 'check-in-code-refused-with-js');
      }
    }
    expect(answers[0]).toMatchObject({ status: 422 });
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
    expect(shown).toEqual([shown[0], shown[0], shown[0]]);
    expect(await codeMessage(page)).toMatch(/^Ce code de suivi ne permet pas d’envoyer/);

    // The right code: the receipt, nothing left in the tab, one record for the right role.
    await Promise.all([
      page.waitForURL(/\/api\/suivi\/recu$/),
      sendAgain(page, aCheckInForm(active.codes.mentee)),
    ]);
    expect(await page.locator('.intake-message').textContent()).toBe(
      'Votre réponse est bien enregistrée. Merci\u202f!',
    );
    expect(await page.title()).toMatch(/^Réponse reçue/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await keep(page, 'check-in-receipt-with-js');
    const records = await followUps(active.pairId);
    expect(records).toHaveLength(1);
    expect(checkFollowUp(records[0]).ok).toBe(true);
    expect(records[0]).toMatchObject({
      type: 'check-in',
      role: 'mentee',
      rating: 4,
      wantsContact: false,
      intake: { proofOfWork: 'verified' },
    });
    expect(records[0]!['meetings']).toHaveLength(2);
    await page.context().close();
  });
});

describe('the bilan, with JavaScript, by keyboard only', () => {
  it('keeps words « seulement notre binôme » on the phone: never sent, never stored', async () => {
    const page = await open('/bilan-du-mentorat/', true);
    const posts: (string | null)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.postData());
    });
    const words = aBilanForm('').find(([name]) => name === 'words.text')![1];
    const note = page.locator('[data-field="words.text"] .field-kept');
    const reviewed = page.locator('.review__answers dd').last();

    // Shared with the team: the note and the review say it goes with the answers.
    await fillByKeyboard(
      page,
      aBilanForm(active.codes.mentor, { 'words.sharing': 'coordinators' }),
    );
    expect(await note.textContent()).toBe(
      'Ce texte est envoyé avec vos réponses, à l’équipe du programme.',
    );
    expect(await page.locator('.review__answers').textContent()).toContain(words);

    // Then kept within the pair: it stays on the phone, and the review says so.
    await page.focus('.skip-link');
    await fillByKeyboard(page, aBilanForm(active.codes.mentor));
    expect(await note.textContent()).toBe(
      'Ce texte reste sur votre téléphone\u00a0: il n’est pas envoyé.',
    );
    expect(await page.locator('.review__answers').textContent()).not.toContain(words);
    expect(await page.locator('.review__kept').textContent()).toBe(
      'Non envoyé\u00a0: ce texte reste sur votre téléphone.',
    );
    expect(await reviewed.textContent()).not.toMatch(/envoyé avec/);
    // The draft of this tab never holds the code, a credential.
    await page.waitForFunction(() =>
      sessionStorage.getItem('binome-draft-bilan')?.includes('words.sharing'),
    );
    expect(await page.evaluate(() => sessionStorage.getItem('binome-draft-bilan'))).not.toContain(
      active.codes.mentor,
    );
    expect(await axeViolations(page)).toEqual([]);
    await keep(page, 'bilan-kept-words-with-js');

    await Promise.all([page.waitForURL(/\/api\/suivi\/recu$/), page.keyboard.press('Enter')]);
    expect(posts).toHaveLength(1);
    const sent = new URLSearchParams(posts[0]!);
    expect(sent.get('words.sharing')).toBe('pair-only');
    expect(sent.has('words.text')).toBe(false);
    expect(posts[0]).not.toContain(encodeURIComponent(words.split(' ')[0]!));
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    const [bilan] = (await followUps(active.pairId)).filter((r) => r['type'] === 'bilan');
    expect(checkFollowUp(bilan).ok).toBe(true);
    expect(bilan).toMatchObject({ role: 'mentor', objectivesReached: 'partly', satisfaction: 5 });
    expect(bilan).not.toHaveProperty('words');
    expect(everythingStored()).not.toContain(words);
    await page.context().close();
  });
});

describe('the « point d’étape », without JavaScript, by keyboard only', () => {
  it('comes back with the messages, answers any refused code with the same page, then sends', async () => {
    const page = await open('/point-etape/', false);
    const title = await page.title();

    // Sent empty: the same page, its form with each message, the summary first.
    const empty = await sendWithoutScript(page, []);
    expect(empty.status()).toBe(422);
    expect(await page.title()).toBe(`Erreur – ${title}`);
    expect(await summaryLines(page)).toEqual([
      'Indiquez votre code de suivi\u00a0: 16 lettres et chiffres, par exemple K7QM-3XRT-9BDA-6HPW.',
      'Choisissez comment se passe le mentorat, de 1 à 5.',
    ]);
    expect(await axeOnCopy(page)).toEqual([]);
    await keep(page, 'check-in-empty-without-js');

    // Whatever makes a code wrong, the same page, byte for byte, the code not written back.
    const bodies: string[] = [];
    for (const code of Object.values(wrongCodes(closed))) {
      const response = await sendWithoutScript(page, aCheckInForm(code));
      expect(response.status()).toBe(422);
      bodies.push(await response.text());
      expect(await page.locator('#f-access-code').inputValue()).toBe('');
    }
    expect(bodies).toEqual([bodies[0], bodies[0], bodies[0]]);
    expect(await codeMessage(page)).toMatch(/^Ce code de suivi ne permet pas d’envoyer/);
    // Everything else typed is still there.
    expect(await page.locator('#f-meetings-second-date').inputValue()).toBe(
      aCheckInForm('').find(([name]) => name === 'meetings.second.date')![1],
    );
    expect(await axeOnCopy(page)).toEqual([]);
    await keep(page, 'check-in-code-refused-without-js');

    await Promise.all([
      page.waitForURL(/\/api\/suivi\/recu$/),
      sendAgain(page, aCheckInForm(active.codes.mentor)),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Réponse reçue');
    expect(await axeOnCopy(page)).toEqual([]);
    await keep(page, 'check-in-receipt-without-js');
    const mentor = (await followUps(active.pairId)).filter(
      (r) => r['type'] === 'check-in' && r['role'] === 'mentor',
    );
    expect(mentor).toHaveLength(1);
    expect(mentor[0]).toMatchObject({ intake: { proofOfWork: 'absent' } });
    await page.context().close();
  });
});

describe('the bilan, without JavaScript, by keyboard only', () => {
  it('says beside the words what becomes of them, and stores none kept within the pair', async () => {
    const page = await open('/bilan-du-mentorat/', false);
    expect(await page.locator('[data-field="words.text"] .field-kept').textContent()).toBe(
      'Si vous choisissez «\u00a0Seulement notre binôme\u00a0» ci-dessous, ce texte n’est pas enregistré\u00a0: personne d’autre ne le lit.',
    );
    const words = aBilanForm('').find(([name]) => name === 'words.text')![1];

    // One answer missing: the form again, that message, the words not sent back.
    await sendWithoutScript(
      page,
      aBilanForm(active.codes.mentee, { 'outcome.satisfaction': undefined }),
    );
    expect(await summaryLines(page)).toEqual(['Choisissez votre satisfaction, de 1 à 5.']);
    expect(await page.locator('#f-words-text').inputValue()).toBe('');
    expect(await axeOnCopy(page)).toEqual([]);
    await keep(page, 'bilan-mistakes-without-js');

    await Promise.all([
      page.waitForURL(/\/api\/suivi\/recu$/),
      sendAgain(page, aBilanForm(active.codes.mentee)),
    ]);
    const [bilan] = (await followUps(active.pairId)).filter(
      (r) => r['type'] === 'bilan' && r['role'] === 'mentee',
    );
    expect(checkFollowUp(bilan).ok).toBe(true);
    expect(bilan).not.toHaveProperty('words');
    expect(everythingStored()).not.toContain(words);
    await page.context().close();
  });
});

describe('the JavaScript of a follow-up form’s page', () => {
  it.each(['/point-etape/', '/bilan-du-mentorat/'])(
    '%s stays under 20 KB gzip, proof of work and validator included',
    async (path) => {
      const page = await (await shared.browser.newContext()).newPage();
      const size = await measureFormScripts(page, new URL(path, shared.site.url).href);
      expect(size.files).toBeGreaterThanOrEqual(2);
      expect(size.gzip).toBeLessThan(20 * 1024);
      await page.context().close();
    },
  );
});

describe('every state above', () => {
  it('passes the Nu HTML Checker', async () => {
    // The states are those the scenarios above kept: run the whole file.
    expect(kept.length).toBe(8);
    expect(await nuErrors(kept)).toEqual([]);
  });
});
