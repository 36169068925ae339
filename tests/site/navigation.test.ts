import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtPages, distDir, pathOf } from '../../scripts/dev/built-site.ts';
import { browserAndSite } from '../helpers/browser-and-site.ts';

interface NavItem {
  label: string;
  href: string;
  menu: 'main' | 'footer';
}

const navigation = parse(await readFile('content/navigation.yaml', 'utf8')) as NavItem[];
const shared = browserAndSite();

/**
 * Presses Tab until the link to `href` inside `region` has the focus; fails after 200 presses.
 * On a phone the main menu is folded in a disclosure (issue 8): when its toggle has the focus and
 * the link is inside, Enter opens it, as a person would.
 */
async function tabTo(page: Page, region: string, href: string): Promise<void> {
  for (let presses = 0; presses < 200; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((selector) => {
      const active = document.activeElement;
      const disclosure = active?.tagName === 'SUMMARY' ? active.parentElement : null;
      if (disclosure instanceof HTMLDetailsElement && !disclosure.open)
        return disclosure.querySelector(selector) ? 'closed menu' : null;
      return active instanceof HTMLAnchorElement && active.closest(selector)
        ? active.getAttribute('href')
        : null;
    }, region);
    if (focused === 'closed menu') await page.keyboard.press('Enter');
    if (focused === href) return;
  }
  throw new Error(`No link to ${href} in ${region} could be reached with the Tab key.`);
}

describe('navigation by keyboard', () => {
  it('reaches every page from the home page through the menu and the footer, with no console error', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 375, height: 720 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.url()}: HTTP ${response.status()}`);
    });

    await page.goto(shared.site.url);
    // The first Tab reaches the skip link, which moves the focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');

    // Each step starts from a freshly loaded page, where the focus starts at the top.
    await page.goto(shared.site.url);
    const visited: string[] = [];
    for (const item of navigation) {
      const region =
        item.menu === 'main'
          ? 'nav[aria-label="Menu principal"]'
          : 'nav[aria-label="Liens du pied de page"]';
      await tabTo(page, region, item.href);
      // Waiting for the navigation also covers a link to the page already shown (it reloads).
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(page.url()).toBe(new URL(item.href, shared.site.url).href);
      await page.locator('main h1').waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      if (item.menu === 'main') {
        expect(
          await page
            .locator(`nav[aria-label="Menu principal"] a[aria-current="page"]`)
            .getAttribute('href'),
        ).toBe(item.href);
      }
      visited.push(new URL(page.url()).pathname);
    }
    expect(visited).toEqual(navigation.map((item) => item.href));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('every page links only to pages and anchors that exist', async () => {
    const broken: string[] = [];
    for (const file of await builtPages()) {
      const html = await readFile(join(distDir, file), 'utf8');
      const from = new URL(pathOf(file), shared.site.url);
      for (const [, href] of html.matchAll(/\bhref="([^"]+)"/g)) {
        const target = new URL(href!.replace(/&amp;/g, '&'), from);
        if (target.origin !== from.origin) continue;
        const response = await fetch(target, { redirect: 'manual' });
        if (response.status !== 200) {
          broken.push(`${file} -> ${href} (HTTP ${response.status})`);
          continue;
        }
        if (target.hash) {
          const body = await response.text();
          const id = decodeURIComponent(target.hash.slice(1));
          if (!body.includes(`id="${id}"`)) broken.push(`${file} -> ${href} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('answers an unknown address with the 404 page and status', async () => {
    const response = await fetch(new URL('/cette-page-n-existe-pas/', shared.site.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page introuvable');
  });
});
