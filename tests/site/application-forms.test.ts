import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../schemas/validators.ts';
import { aMenteeForm, aMentorForm, withMistakes } from '../../scripts/dev/application-forms.ts';
import { fillByKeyboard } from '../helpers/keyboard-form.ts';
import { measureFormScripts } from '../../scripts/bench/measure-form-scripts.ts';
import { browserAndSite } from '../helpers/browser-and-site.ts';
import { axeViolations, nuErrors } from '../helpers/page-checks.ts';

const shared = browserAndSite({ fastForms: true });

type Entries = readonly (readonly [string, string])[];

/** With JavaScript: sends the answers with mistakes, by keyboard, and waits for the summary. */
async function sendWithMistakes(page: Page, entries: Entries) {
  await fillByKeyboard(page, withMistakes(entries));
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  return summary;
}

/** Without JavaScript: sends the answers but the phone, by keyboard, to the intake's page. */
async function sendWithoutPhone(page: Page, entries: Entries) {
  const withoutPhone = entries.filter(([name]) => name !== 'identity.phone');
  await fillByKeyboard(page, withoutPhone);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return withoutPhone;
}

/**
 * Resolves once this tab's draft holds every given answer. The form writes its draft a moment
 * after the last change (a debounce): waiting on the write itself, not on a clock, keeps the test
 * right on a slow machine and quick on a fast one.
 */
async function draftHolds(page: Page, entries: Entries) {
  await page.waitForFunction((wanted) => {
    for (let i = 0; i < sessionStorage.length; i += 1) {
      try {
        const draft = JSON.parse(sessionStorage.getItem(sessionStorage.key(i)!)!) as {
          entries?: [string, string][];
        };
        const held = new Set((draft.entries ?? []).map((e) => JSON.stringify(e)));
        if (wanted.every((e) => held.has(JSON.stringify(e)))) return true;
      } catch {
        // Not a draft.
      }
    }
    return false;
  }, entries);
}

async function watchConsole(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  context.on('weberror', (e) => problems.push(e.error().message));
  return problems;
}

async function storedRecord(kind: 'mentor' | 'mentee', reference: string) {
  const text = await shared.site.store.readFile(`applications/${kind}s/${reference}.json`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}

const forms = [
  { kind: 'mentee' as const, path: '/trouver-un-mentor/', entries: aMenteeForm() },
  { kind: 'mentor' as const, path: '/devenir-mentor/', entries: aMentorForm() },
];

describe.each(forms)(
  'the $kind form, with JavaScript, by keyboard only',
  ({ kind, path, entries }) => {
    it('shows every error in a summary that takes the focus, then sends once the errors are fixed', async () => {
      const context = await shared.browser.newContext({
        viewport: { width: 320, height: 700 },
        locale: 'fr-FR',
      });
      const problems = await watchConsole(context);
      const page = await context.newPage();
      await page.goto(new URL(path, shared.site.url).href);

      // Submit with a wrong e-mail address and a missing name.
      const summary = await sendWithMistakes(page, entries);
      expect(
        await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
      ).toBe(true);
      expect(await summary.locator('li').allTextContents()).toEqual([
        'Indiquez votre nom.',
        'Indiquez une adresse électronique valide, par exemple nom@exemple.fr.',
      ]);
      expect(await page.locator('#f-identity-email').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('[data-field="identity.email"] > .field-error').textContent()).toBe(
        'Indiquez une adresse électronique valide, par exemple nom@exemple.fr.',
      );
      expect(await axeViolations(page)).toEqual([]);

      // The summary's first link leads to the field.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-identity-lastName');

      // Type the name there, then go through the form again from the top and fix the rest.
      await page.keyboard.type(entries.find(([name]) => name === 'identity.lastName')![1]);
      await page.focus('.skip-link');
      await fillByKeyboard(page, entries);
      await Promise.all([
        page.waitForURL(/\/api\/candidatures\/recu\?reference=/),
        page.keyboard.press('Enter'),
      ]);
      const reference = new URL(page.url()).searchParams.get('reference')!;
      expect(reference).toMatch(new RegExp(`^${kind}-[0-9a-z]{6}$`));
      expect(await page.locator('.intake-reference').textContent()).toBe(
        `Votre numéro de candidature\u00a0: ${reference}`,
      );
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      const record = await storedRecord(kind, reference);
      expect(record).toBeDefined();
      expect(checkApplication(kind, record).ok).toBe(true);
      expect(record!['intake']).toMatchObject({ proofOfWork: 'verified', needsReview: false });
      expect(problems).toEqual([]);
      await context.close();
    });
  },
);

/** The answers a form holds, as it would send them (the technical fields left out). */
async function answersIn(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...new FormData(document.querySelector<HTMLFormElement>('form.application-form')!)]
      .filter(([name]) => !['website', 'altcha', 'idempotencyKey'].includes(name))
      .map(([name, value]) => [name, String(value)] as [string, string]),
  );
}

/** axe-core on a page shown without JavaScript (axe itself runs as a script, so in a copy). */
async function axeOnCopy(page: Page) {
  const checker = await (await shared.browser.newContext()).newPage();
  await checker.goto(shared.site.url);
  await checker.setContent(await page.content());
  const violations = await axeViolations(checker);
  await checker.context().close();
  return violations;
}

describe.each(forms)(
  'the $kind form, without JavaScript, by keyboard only',
  ({ kind, path, entries }) => {
    it('comes back with the answers and the messages in place, empty then partly wrong; then the receipt', async () => {
      const context = await shared.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 375, height: 700 },
      });
      const page = await context.newPage();
      await page.goto(new URL(path, shared.site.url).href);
      const heading = await page.locator('h1').textContent();
      const title = await page.title();

      // Sent empty: the same page, the form with every message, the summary first.
      await fillByKeyboard(page, []);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toBe(heading);
      expect(await page.title()).toBe(`Erreur – ${title}`);
      const links = await page
        .locator('.error-summary a')
        .evaluateAll((as) =>
          as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent! })),
        );
      expect(links.length).toBeGreaterThan(5);
      // The summary's heading has the focus (autofocus): the page shows the summary's top,
      // not its middle, even on a phone with many messages.
      const top = await page.locator('.error-summary__title').boundingBox();
      expect(top!.y).toBeGreaterThanOrEqual(0);
      expect(top!.y).toBeLessThan(700 / 2);
      expect(
        await page.evaluate(() => Boolean(document.activeElement?.closest('.error-summary'))),
      ).toBe(true);
      for (const link of links) {
        // Each link leads to its field, and the field says the same beside it.
        const target = page.locator(link.href);
        expect(await target.count(), link.href).toBe(1);
        const holder = page
          .locator(`${link.href}[data-field], [data-field]:has(${link.href})`)
          .last();
        expect(await holder.locator(':scope > .field-error').textContent(), link.href).toBe(
          link.text,
        );
      }
      expect(await axeOnCopy(page)).toEqual([]);

      // Sent with every answer but the phone: everything typed is still there, one message.
      const withoutPhone = entries.filter(([name]) => name !== 'identity.phone');
      await page.focus('.skip-link');
      await fillByKeyboard(page, withoutPhone);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.locator('.error-summary li').allTextContents()).toEqual([
        'Indiquez un numéro de téléphone valide, par exemple 06 12 34 56 78.',
      ]);
      expect(await page.locator('#f-identity-phone').getAttribute('aria-invalid')).toBe('true');
      expect((await answersIn(page)).filter(([, value]) => value !== '').sort()).toEqual(
        [...withoutPhone].filter(([name]) => name !== 'website').sort(),
      );
      expect(await axeOnCopy(page)).toEqual([]);

      // The phone added: the receipt, and the entry is marked for a coordinator's check.
      await page.focus('.skip-link');
      await fillByKeyboard(page, entries);
      await Promise.all([
        page.waitForURL(/\/api\/candidatures\/recu\?reference=/),
        page.keyboard.press('Enter'),
      ]);
      const reference = new URL(page.url()).searchParams.get('reference')!;
      const record = await storedRecord(kind, reference);
      expect(checkApplication(kind, record).ok).toBe(true);
      expect(record!['intake']).toMatchObject({ proofOfWork: 'absent', needsReview: true });
      await context.close();
    });
  },
);

describe('the draft', () => {
  it('survives a reload in the same tab, never reaches another tab, and a double submission sends once', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('/trouver-un-mentor/', shared.site.url).href);
    await page.locator('#f-identity-firstName').fill('Zéphyrine');
    const objective = page.locator('#f-profile-objectives-1');
    await objective.check();
    await draftHolds(page, [
      ['identity.firstName', 'Zéphyrine'],
      ['profile.objectives', await objective.inputValue()],
    ]);
    await page.reload();
    expect(await page.locator('#f-identity-firstName').inputValue()).toBe('Zéphyrine');
    expect(await page.locator('#f-profile-objectives-1').isChecked()).toBe(true);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    const other = await context.newPage();
    await other.goto(new URL('/trouver-un-mentor/', shared.site.url).href);
    expect(await other.locator('#f-identity-firstName').inputValue()).toBe('');

    await fillByKeyboard(page, aMenteeForm({ 'identity.lastName': 'Doublon' }));
    const before = (await shared.site.store.listFiles('applications/mentees')).length;
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await Promise.all([
      page.waitForURL(/\/api\/candidatures\/recu/),
      page.locator('button[type=submit]').dblclick(),
    ]);
    expect((await shared.site.store.listFiles('applications/mentees')).length).toBe(before + 1);
    expect(posts).toHaveLength(1);
    await context.close();
  });
});

describe('the forms in their error states', () => {
  it('pass the Nu HTML Checker', async () => {
    // This test makes its own pages (it runs alone with -t, in any order): each form as the
    // browser shows it with its errors, and as the intake answers without JavaScript.
    const directory = await mkdtemp(join(tmpdir(), 'binome-form-pages-'));
    const snapshots: string[] = [];
    const keep = async (page: Page, name: string) => {
      const file = join(directory, `${name}.html`);
      await writeFile(file, await page.content());
      snapshots.push(file);
    };
    for (const { kind, path, entries } of forms) {
      const withJs = await (await shared.browser.newContext()).newPage();
      await withJs.goto(new URL(path, shared.site.url).href);
      await sendWithMistakes(withJs, entries);
      await keep(withJs, `${kind}-errors-with-js`);
      await withJs.context().close();

      const withoutJs = await (
        await shared.browser.newContext({ javaScriptEnabled: false })
      ).newPage();
      await withoutJs.goto(new URL(path, shared.site.url).href);
      await fillByKeyboard(withoutJs, []);
      await Promise.all([withoutJs.waitForNavigation(), withoutJs.keyboard.press('Enter')]);
      await keep(withoutJs, `${kind}-empty-without-js`);
      await sendWithoutPhone(withoutJs, entries);
      expect(await withoutJs.title()).toMatch(/^Erreur – /);
      await keep(withoutJs, `${kind}-problems-without-js`);
      await withoutJs.context().close();
    }
    expect(await nuErrors(snapshots)).toEqual([]);
  });
});

describe('the JavaScript of a form page', () => {
  it.each(['/devenir-mentor/', '/trouver-un-mentor/'])(
    '%s stays under 20 KB gzip, proof of work included',
    async (path) => {
      const page = await (await shared.browser.newContext()).newPage();
      const size = await measureFormScripts(page, new URL(path, shared.site.url).href);
      expect(size.files).toBeGreaterThanOrEqual(2);
      expect(size.gzip).toBeLessThan(20 * 1024);
      await page.context().close();
    },
  );
});
