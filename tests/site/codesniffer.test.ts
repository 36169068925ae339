// The second accessibility engine of issue 8: HTML_CodeSniffer, WCAG 2 AA, on every built page
// and on each form (applications, and the follow-up forms of issue 12) in each state a person
// can bring it to. Only errors fail a test:
// warnings and notices ask for a human judgement (« if this is a navigation section… »).
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aMenteeForm,
  aMentorForm,
  personalStrings,
  syntheticPeople,
  withMistakes,
} from '../../scripts/dev/application-forms.ts';
import { builtPages, pathOf } from '../../scripts/dev/built-site.ts';
import { codeSniffer, codeSnifferErrors } from '../../scripts/dev/html-codesniffer.ts';
import { fillByKeyboard } from '../helpers/keyboard-form.ts';
import { browserAndSite } from '../helpers/browser-and-site.ts';
import {
  aBilanForm,
  aCheckInForm,
  addPairWithCodes,
  wrongCodes,
  type PairWithCodes,
} from './follow-up-fixtures.ts';

const pages = await builtPages();

const shared = browserAndSite({ fastForms: true });

const viewports = [
  { name: 'a 375 px phone', viewport: { width: 375, height: 667 } },
  { name: 'a desktop', viewport: { width: 1280, height: 900 } },
];

/**
 * No HTMLCS error on the page. Every code of WCAG2AA counts: no finding is ignored, as none of
 * those seen on this site so far was a false positive. The warnings are counted in the output so
 * that a rise is seen.
 */
async function expectClean(page: Page, label: string) {
  const { errors, warnings } = await codeSniffer(page);
  console.info(`HTML_CodeSniffer, ${label}: ${warnings.length} warning(s)`);
  expect(errors.map(({ code, selector }) => ({ code, selector }))).toEqual([]);
}

async function withPage<T>(options: BrowserContextOptions, run: (page: Page) => Promise<T>) {
  const context = await shared.browser.newContext({ locale: 'fr-FR', ...options });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

// A canary: were the engine not to load or not to run, every page below would pass with no error.
// It must also name elements without their text: a page in error holds the person's answers.
describe('the HTML_CodeSniffer helper', () => {
  const { firstName, lastName, email } = syntheticPeople.mentee;
  const faulty = `<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main>
    <h2 class="summary__title"></h2>
    <p class="answer">${firstName} ${lastName} <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
    <input id="f-email" type="text" value="${email}">
  </main></body></html>`;

  it.each([true, false])(
    'finds known errors, named by tag, id and class only (JavaScript enabled: %s)',
    (javaScriptEnabled) =>
      withPage({ javaScriptEnabled }, async (page) => {
        await page.setContent(faulty);
        const errors = await codeSnifferErrors(page);
        expect(errors.map(({ code, selector }) => ({ code, selector }))).toEqual(
          expect.arrayContaining([
            {
              code: 'WCAG2AA.Principle1.Guideline1_3.1_3_1.H42.2',
              selector: 'body > main > h2.summary__title',
            },
            {
              code: 'WCAG2AA.Principle1.Guideline1_1.1_1_1.H37',
              selector: 'body > main > p.answer > img',
            },
            {
              code: 'WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputText.Name',
              selector: 'input#f-email',
            },
          ]),
        );
        const reported = JSON.stringify(await codeSniffer(page));
        for (const text of personalStrings()) expect(reported).not.toContain(text);
      }),
  );
});

describe.each(viewports)('HTML_CodeSniffer, WCAG 2 AA, on $name', ({ viewport }) => {
  it.each(pages)('%s has no error', (file) =>
    withPage({ viewport }, async (page) => {
      await page.goto(new URL(pathOf(file), shared.site.url).href);
      await expectClean(page, `${pathOf(file)}, ${viewport.width} px`);
    }),
  );
});

const forms = [
  { kind: 'mentee', path: '/trouver-un-mentor/', entries: aMenteeForm() },
  { kind: 'mentor', path: '/devenir-mentor/', entries: aMentorForm() },
];

const submitButton = 'form.application-form button[type=submit]';

/** The error summary, as issue 8 asks for with and without JavaScript: shown, linking to fields. */
async function expectErrorSummary(page: Page) {
  const summary = page.locator('.error-summary');
  expect.soft(await summary.isVisible(), 'the error summary is shown').toBe(true);
  expect.soft(await summary.locator('a[href^="#"]').count()).toBeGreaterThan(0);
}

describe.each(viewports)('HTML_CodeSniffer on the application forms, on $name', ({ viewport }) => {
  describe.each(forms)('the $kind form ($path)', ({ kind, path, entries }) => {
    const where = (state: string) => `${kind} form ${state}, ${viewport.width} px`;

    it('with JavaScript, sent empty: the error summary shown', () =>
      withPage({ viewport }, async (page) => {
        await page.goto(new URL(path, shared.site.url).href);
        await page.locator(submitButton).click();
        await page.locator('.error-summary').waitFor();
        await expectErrorSummary(page);
        await expectClean(page, where('sent empty with JavaScript'));
      }));

    it('with JavaScript, sent with two mistakes', () =>
      withPage({ viewport }, async (page) => {
        await page.goto(new URL(path, shared.site.url).href);
        await fillByKeyboard(page, withMistakes(entries));
        await page.keyboard.press('Enter');
        await page.locator('.error-summary').waitFor();
        await expectErrorSummary(page);
        await expectClean(page, where('with two mistakes, with JavaScript'));
      }));

    // Without JavaScript the page is checked as the intake answered it: the engine is evaluated
    // through the DevTools protocol, so no script of the page runs and nothing is rewritten.
    it('without JavaScript, sent empty: the intake’s answer', () =>
      withPage({ viewport, javaScriptEnabled: false }, async (page) => {
        await page.goto(new URL(path, shared.site.url).href);
        await Promise.all([page.waitForNavigation(), page.locator(submitButton).click()]);
        await expectClean(page, where('sent empty without JavaScript'));
        // Issue 8: the intake answers with the form itself, its error summary at the top.
        await expectErrorSummary(page);
      }));

    it('without JavaScript, sent with two mistakes: the intake’s answer', () =>
      withPage({ viewport, javaScriptEnabled: false }, async (page) => {
        await page.goto(new URL(path, shared.site.url).href);
        await fillByKeyboard(page, withMistakes(entries));
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        await expectClean(page, where('with two mistakes, without JavaScript'));
        await expectErrorSummary(page);
      }));

    it('without JavaScript, sent right: the receipt', () =>
      withPage({ viewport, javaScriptEnabled: false }, async (page) => {
        await page.goto(new URL(path, shared.site.url).href);
        await fillByKeyboard(page, entries);
        await Promise.all([
          page.waitForURL(/\/api\/candidatures\/recu\?reference=/),
          page.keyboard.press('Enter'),
        ]);
        await expectClean(page, where('received'));
      }));
  });
});

// The participants' follow-up forms (issue 12): a pair under way, so that a right code gets the
// receipt. Each viewport and form tries one wrong code with and one without JavaScript: eight
// in all, under the intake's ten refused codes an hour from one address.
describe.each(viewports)('HTML_CodeSniffer on the follow-up forms, on $name', ({ viewport }) => {
  let pair: PairWithCodes;
  beforeAll(async () => {
    // Pair numbers 10, 11…: one pair per viewport.
    const n = 10 + viewports.findIndex((v) => v.viewport === viewport);
    pair = await addPairWithCodes(shared.site.store, n, 'active');
  });
  const followUpForms = [
    { kind: 'check-in', path: '/point-etape/', form: aCheckInForm },
    { kind: 'bilan', path: '/bilan-du-mentorat/', form: aBilanForm },
  ];

  describe.each(followUpForms)('the $kind form ($path)', ({ kind, path, form }) => {
    const where = (state: string) => `${kind} form ${state}, ${viewport.width} px`;
    const unknownCode = () => wrongCodes(pair).unknown;

    it('with JavaScript, sent empty, then with a code nobody has', () =>
      withPage({ viewport }, async (page) => {
        await page.goto(new URL(path, shared.site.url).href);
        await page.locator(submitButton).click();
        await page.locator('.error-summary').waitFor();
        await expectErrorSummary(page);
        await expectClean(page, where('sent empty with JavaScript'));
        await page.focus('.skip-link');
        await fillByKeyboard(page, form(unknownCode()));
        await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.keyboard.press('Enter'),
        ]);
        await page.locator('.error-summary:not([hidden]) li').waitFor();
        await expectErrorSummary(page);
        await expectClean(page, where('with a refused code, with JavaScript'));
      }));

    it('without JavaScript, sent empty, with a code nobody has, then right: the intake’s answers', () =>
      withPage({ viewport, javaScriptEnabled: false }, async (page) => {
        await page.goto(new URL(path, shared.site.url).href);
        await Promise.all([page.waitForNavigation(), page.locator(submitButton).click()]);
        await expectClean(page, where('sent empty without JavaScript'));
        await expectErrorSummary(page);
        await fillByKeyboard(page, form(unknownCode()));
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        await expectClean(page, where('with a refused code, without JavaScript'));
        await expectErrorSummary(page);
        await page.focus('.skip-link');
        await fillByKeyboard(page, form(pair.codes.mentee));
        await Promise.all([page.waitForURL(/\/api\/suivi\/recu$/), page.keyboard.press('Enter')]);
        await expectClean(page, where('received'));
      }));
  });
});
