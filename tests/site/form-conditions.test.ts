import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-and-site.ts';

// Issue 8: forms that ask only what applies, limits said as boxes are ticked, steps, a review,
// links that lose nothing. One Chromium and one served site for the whole file.

const shared = browserAndSite({ fastForms: true });

async function open(path: string, javaScriptEnabled = true): Promise<Page> {
  const context = await shared.browser.newContext({
    javaScriptEnabled,
    viewport: { width: 375, height: 700 },
  });
  const page = await context.newPage();
  await page.goto(new URL(path, shared.site.url).href);
  return page;
}

const visible = (page: Page, field: string) =>
  page.locator(`[data-field="${field}"]`).first().isVisible();

/** The names the form would send now, as the browser builds them. */
const sentNames = (page: Page) =>
  page.evaluate(() => [
    ...new Set(
      [...new FormData(document.querySelector<HTMLFormElement>('form.application-form')!)].map(
        ([name]) => name,
      ),
    ),
  ]);

describe('with JavaScript, a form shows only what applies', () => {
  it('the legal representative appears for a minor only, and is not sent for an adult', async () => {
    const page = await open('/trouver-un-mentor/');
    expect(await visible(page, 'identity.legalRepresentative')).toBe(false);
    await page.fill('#f-identity-legalRepresentative-name', 'x').catch(() => {});
    await page.fill('#f-identity-birthDate', '02/03/2012');
    expect(await visible(page, 'identity.legalRepresentative')).toBe(true);
    await page.fill('#f-identity-legalRepresentative-name', 'Honorine Testaccio');
    expect(await sentNames(page)).toContain('identity.legalRepresentative.name');
    await page.fill('#f-identity-birthDate', '14/07/2005');
    expect(await visible(page, 'identity.legalRepresentative')).toBe(false);
    expect(await sentNames(page)).not.toContain('identity.legalRepresentative.name');
    // What happens instead of a minor ticking an authorisation: the representative signs.
    expect(await page.locator('#f-identity-legalRepresentative-hint').textContent()).toContain(
      'signera la convention',
    );
    expect(await page.locator('[name="commitments.legalRepresentativeConsent"]').count()).toBe(0);
    await page.context().close();
  });

  it('« Autre objectif » and « Autre secteur » appear only when « autre » is chosen', async () => {
    const mentee = await open('/trouver-un-mentor/');
    expect(await visible(mentee, 'profile.objectiveOther')).toBe(false);
    expect(await visible(mentee, 'profile.sectorOther')).toBe(false);
    await mentee.check('[name="profile.objectives"][value="autre"]');
    await mentee.check('[name="profile.sectors"][value="autre"]');
    expect(await visible(mentee, 'profile.objectiveOther')).toBe(true);
    expect(await visible(mentee, 'profile.sectorOther')).toBe(true);
    await mentee.context().close();

    const mentor = await open('/devenir-mentor/');
    expect(await visible(mentor, 'profile.sectorOther')).toBe(false);
    await mentor.check('[name="profile.sector"][value="autre"]');
    expect(await visible(mentor, 'profile.sectorOther')).toBe(true);
    await mentor.check('[name="profile.sector"][value="numerique"]');
    expect(await visible(mentor, 'profile.sectorOther')).toBe(false);
    await mentor.context().close();
  });

  it('stops the sixth sector as it is ticked, and says why', async () => {
    const page = await open('/trouver-un-mentor/');
    const boxes = page.locator('[name="profile.sectors"]');
    for (let i = 0; i < 5; i += 1) await boxes.nth(i).check();
    expect(await boxes.nth(5).isDisabled()).toBe(true);
    expect(
      await page.locator('[data-field="profile.sectors"] .choice-limit').textContent(),
    ).toMatch(/^Vous avez coché 5 choix\u00a0: c’est le maximum/);
    await boxes.nth(0).uncheck();
    expect(await boxes.nth(5).isDisabled()).toBe(false);
    await page.context().close();
  });

  it('numbers its steps, and shows the answers to check before sending', async () => {
    const page = await open('/devenir-mentor/');
    expect(await page.locator('.group__step').allTextContents()).toEqual([
      'Étape 1 sur 4\u00a0:',
      'Étape 2 sur 4\u00a0:',
      'Étape 3 sur 4\u00a0:',
      'Étape 4 sur 4\u00a0:',
    ]);
    await page.fill('#f-identity-firstName', 'Barnabé');
    await page.check('[name="profile.sector"][value="numerique"]');
    const review = page.locator('.review__answers');
    await expect.poll(() => review.isVisible()).toBe(true);
    expect(await review.locator('dd').allTextContents()).toEqual(
      expect.arrayContaining(['Barnabé', 'Informatique, numérique, télécommunications']),
    );
    expect(await review.locator('dt a').first().getAttribute('href')).toBe('#f-identity-firstName');
    await page.context().close();
  });

  it('links « J’ai lu… » to the convention and the notice in a new tab: nothing typed is lost', async () => {
    const page = await open('/trouver-un-mentor/');
    await page.fill('#f-identity-firstName', 'Zéphyrine');
    const links = page.locator('[data-field^="commitments."] label a');
    expect(
      await links.evaluateAll((as) =>
        as.map((a) => [a.getAttribute('href'), a.getAttribute('target')]),
      ),
    ).toEqual([
      ['/la-convention/', '_blank'],
      ['/donnees-personnelles/', '_blank'],
    ]);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), links.first().click()]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/la-convention/');
    expect(await page.inputValue('#f-identity-firstName')).toBe('Zéphyrine');
    expect(await page.isChecked('#f-commitments-convention')).toBe(false);
    await page.context().close();
  });

  it('gives one message for six unticked commitments, and a length limit only to a value too long', async () => {
    const page = await open('/trouver-un-mentor/');
    // The browser's own maxlength stops typing at 100: a value set otherwise (pasted by a
    // script, an old browser) still gets the message that says the limit.
    await page.evaluate(() => {
      document.querySelector<HTMLInputElement>('#f-identity-lastName')!.value = 'x'.repeat(101);
    });
    await page.click('button[type=submit]');
    // The check runs once the validator has loaded: wait for its summary, not for a clock.
    await page.locator('.error-summary').waitFor();
    const messages = await page.locator('.error-summary li').allTextContents();
    expect(messages).toContain('Raccourcissez «\u00a0Nom\u00a0»\u00a0: 100 caractères au plus.');
    expect(messages).toContain('Indiquez votre prénom.');
    expect(messages.filter((m) => m.includes('engagement'))).toEqual([
      'Cochez chacun de vos engagements\u00a0: ils sont la condition de votre participation.',
    ]);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('every part stays visible, each conditional one with its « seulement si » hint', async () => {
    const page = await open('/trouver-un-mentor/', false);
    for (const field of [
      'identity.legalRepresentative',
      'profile.objectiveOther',
      'profile.sectorOther',
    ]) {
      expect(await visible(page, field)).toBe(true);
      expect(await page.locator(`[data-field="${field}"] .hint`).first().textContent()).toMatch(
        /^Seulement si/,
      );
    }
    await page.context().close();
  });

  it('after a failed send, a corrected field or a part that no longer applies loses its message', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 375, height: 700 } });
    await page.goto(new URL('/trouver-un-mentor/', shared.site.url).href);
    await page.fill('#f-identity-birthDate', '15/06/2010');
    await page.click('button[type=submit]');
    await page.locator('.error-summary').waitFor();
    const summary = page.locator('.error-summary li');
    const before = await summary.allTextContents();
    expect(before.some((m) => m.includes('représentant légal'))).toBe(true);
    expect(before).toContain('Indiquez votre prénom.');
    await page.fill('#f-identity-firstName', 'Zéphyrine');
    expect(await summary.allTextContents()).not.toContain('Indiquez votre prénom.');
    expect(await page.locator('#f-identity-firstName-error').isVisible()).toBe(false);
    await page.fill('#f-identity-birthDate', '15/06/2000');
    expect((await summary.allTextContents()).some((m) => m.includes('représentant légal'))).toBe(
      false,
    );
    await page.close();
  });

  it('reviews several choices as a list, and says which required answers are missing', async () => {
    const page = await shared.browser.newPage();
    await page.goto(new URL('/trouver-un-mentor/', shared.site.url).href);
    await page.check('[name="profile.sectors"][value="numerique"]');
    await page.check('[name="profile.sectors"][value="sante-social"]');
    const sectors = page.locator('.review__answers dd').filter({ has: page.locator('li') });
    expect(await sectors.first().locator('li').allTextContents()).toEqual([
      'Informatique, numérique, télécommunications',
      'Santé, social, médico-social',
    ]);
    expect(await page.locator('.review__missing').first().textContent()).toBe('Non renseigné');
    // The limit's message sits above the boxes, where a person sees it on a phone.
    expect(
      await page
        .locator('[data-field="profile.sectors"]')
        .evaluate((f) => f.querySelector('.choice-limit')!.nextElementSibling!.className),
    ).toMatch(/^choices/);
    await page.close();
  });
});
