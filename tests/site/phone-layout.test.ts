import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-and-site.ts';

// Issue 8: on a 375 × 667 phone, what a person came for is on the first screen, under a header
// that takes a fifth of it at most; on a desktop, the menu stands on one line.
const phone = { width: 375, height: 667 };
const firstScreens = [
  {
    path: '/',
    calls: ['a.call[href="/trouver-un-mentor/"]', 'a.call[href="/devenir-mentor/"]'],
  },
  {
    path: '/devenir-mentor/',
    calls: ['a.button[href="#formulaire"]'],
    label: 'Déposer ma candidature',
  },
  {
    path: '/trouver-un-mentor/',
    calls: ['a.button[href="#formulaire"]'],
    label: 'Déposer ma candidature',
  },
  // The participants' follow-up forms (issue 12), opened from a phone each month.
  {
    path: '/point-etape/',
    calls: ['a.button[href="#formulaire"]'],
    label: 'Remplir le point d’étape',
  },
  {
    path: '/bilan-du-mentorat/',
    calls: ['a.button[href="#formulaire"]'],
    label: 'Remplir le bilan',
  },
];

const shared = browserAndSite();

async function withPage<T>(
  options: Parameters<Browser['newContext']>[0],
  path: string,
  use: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await shared.browser.newContext({ locale: 'fr-FR', ...options });
  try {
    const page = await context.newPage();
    await page.goto(new URL(path, shared.site.url).href);
    return await use(page, context);
  } finally {
    await context.close();
  }
}

/** The bottom edge of an element, in CSS pixels from the top of the page. */
const bottomOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);

describe('on a 375 × 667 phone', () => {
  it.each(firstScreens)(
    '$path: the calls to action are on the first screen',
    async ({ path, calls, label }) => {
      await withPage({ viewport: phone }, path, async (page) => {
        for (const call of calls) {
          expect(await page.locator(call).isVisible(), call).toBe(true);
          expect(await bottomOf(page, call), call).toBeLessThanOrEqual(phone.height);
        }
        if (label) {
          // A real link to the form, labelled as the issue asks, whose target holds the form.
          expect(await page.locator(calls[0]!).textContent()).toBe(label);
          expect(await page.locator('#formulaire form').count()).toBe(1);
        }
      });
    },
  );

  it.each(firstScreens)(
    '$path: the header takes a fifth of the screen at most, and nothing scrolls sideways',
    async ({ path }) => {
      await withPage({ viewport: phone }, path, async (page) => {
        const header = await page.locator('.site-header').boundingBox();
        expect(header!.height).toBeLessThan(135);
        // The menu is folded: its links are not shown until the person opens it.
        expect(await page.locator('nav[aria-label="Menu principal"]').isVisible()).toBe(false);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      });
    },
  );

  it('the menu opens and closes by keyboard, without JavaScript, and says whether it is open', async () => {
    await withPage(
      { viewport: phone, javaScriptEnabled: false },
      '/trouver-un-mentor/',
      async (page, context) => {
        const menu = page.locator('nav[aria-label="Menu principal"]');
        // Skip link, brand, then the menu's toggle.
        for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');
        const toggle = await announced(context, page);
        expect(toggle).toEqual({ role: 'DisclosureTriangle', name: 'Menu', expanded: false });

        await page.keyboard.press('Enter');
        expect(await menu.isVisible()).toBe(true);
        expect(await announced(context, page)).toEqual({ ...toggle, expanded: true });
        // The next Tab reaches the first link; the current page is marked.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/');
        expect(await menu.locator('a[aria-current="page"]').getAttribute('href')).toBe(
          '/trouver-un-mentor/',
        );
        // The menu pushes the page down rather than covering it, and stays within the width.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);

        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Space');
        expect(await menu.isVisible()).toBe(false);
      },
    );
  });
});

describe('on a 1280 px desktop', () => {
  it('the menu stands on one line, every link shown, with no toggle', async () => {
    await withPage({ viewport: { width: 1280, height: 800 } }, '/', async (page) => {
      expect(await page.locator('summary').isVisible()).toBe(false);
      const links = page.locator('nav[aria-label="Menu principal"] a');
      const tops = new Set<number>();
      for (const link of await links.all()) {
        expect(await link.isVisible()).toBe(true);
        tops.add(Math.round((await link.boundingBox())!.y));
      }
      expect(await links.count()).toBeGreaterThanOrEqual(7);
      expect([...tops]).toHaveLength(1);
    });
  });
});

/** How Chromium exposes the menu's toggle to assistive technologies (its accessibility tree). */
async function announced(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      role?: { value: string };
      name?: { value: string };
      properties?: { name: string; value: { value: unknown } }[];
    }[];
  };
  await cdp.detach();
  const toggle = nodes.find((n) => n.name?.value === 'Menu' && n.role?.value !== 'StaticText');
  return {
    role: toggle?.role?.value,
    name: toggle?.name?.value,
    expanded: toggle?.properties?.find((p) => p.name === 'expanded')?.value.value,
  };
}
