// The README's three screenshots (issue 8), taken from the built site as `npm start` serves it,
// on a 375 × 667 phone: the home page, the mentee form in error, a receipt. Synthetic people only,
// and a fresh data repository each run, so nothing real can ever appear in them.
//   npm run build && node scripts/dev/screenshots.ts
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { readSettings } from '../../schemas/read-settings.ts';
import { aMenteeForm } from './application-forms.ts';
import { launchChromium } from './browser.ts';
import { serveBuiltSite } from './built-site.ts';
import { scriptArguments } from './script-arguments.ts';

const usage = `Utilisation : npm run screenshots
    construit le site puis prend les images du README, sur un téléphone de 375 pixels et avec
    des personnes fictives : la page d’accueil, un formulaire avec deux erreurs et l’accusé de
    réception (docs/screenshots/), puis celles de la convention et de la pull request des
    binômes et du bilan.`;
// --help prints the usage and does nothing else: no browser started, no file written.
scriptArguments(usage, {});

const outDir = resolve('docs/screenshots');
/** The size of the README's pictures: above it a PNG is worth a second look (a photo, a gradient). */
const maxBytes = 150 * 1024;

// Scale 1 keeps each PNG small; reduced motion and a light scheme keep two runs alike.
const phone: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-FR',
  colorScheme: 'light',
  reducedMotion: 'reduce',
};

type Entries = readonly (readonly [string, string])[];

/**
 * Fills the application form field by field, by name. Empty values are left alone (the honeypot
 * stays empty); boxes and radio buttons are ticked by their value as the browser sends it (a box
 * without a value attribute sends « on »).
 */
async function fillForm(page: Page, entries: Entries) {
  const form = page.locator('form.application-form');
  for (const [name, value] of entries) {
    if (value === '') continue;
    const fields = form.locator(`[name="${name}"]`);
    const type = await fields.first().getAttribute('type');
    if (type === 'checkbox' || type === 'radio') {
      const values = await fields.evaluateAll((els) =>
        els.map((el) => (el as HTMLInputElement).value),
      );
      if (!values.includes(value)) throw new Error(`No choice ${value} for ${name}.`);
      await fields.nth(values.indexOf(value)).check();
    } else {
      await fields.fill(value);
    }
  }
}

/**
 * Writes the first screen, as a person opening the page sees it, or with `upTo` a taller picture
 * from the top of the page: it ends after the last block of the main content that fits within
 * `upTo` pixels, so no text is ever cut in half and the footer is left out.
 */
async function shoot(page: Page, name: string, { upTo = 0 } = {}) {
  const path = join(outDir, name);
  const clip = upTo
    ? await page.locator('main').evaluate((main, limit) => {
        const bottoms = Array.from(
          main.children,
          (child) => child.getBoundingClientRect().bottom + window.scrollY,
        );
        const fitting = bottoms.filter((bottom) => bottom <= limit);
        // A little of the page's own margin below the last block, as on the screen.
        const height = Math.min(limit, Math.max(...fitting, window.innerHeight) + 16);
        return { x: 0, y: 0, width: document.documentElement.clientWidth, height };
      }, upTo)
    : undefined;
  await page.screenshot({
    path,
    animations: 'disabled',
    caret: 'hide',
    ...(clip ? { clip, fullPage: true } : {}),
  });
  const { size } = await stat(path);
  console.log(`${path}: ${Math.round(size / 1024)} KB`);
  if (size > maxBytes) throw new Error(`${name} is over ${maxBytes / 1024} KB.`);
}

async function withPhone(
  browser: Browser,
  options: BrowserContextOptions,
  run: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ ...phone, ...options });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

// The minimum fill time guards the real intake against robots; a script fills in no time.
const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
settings.intake.minFillSeconds = 0;

await mkdir(outDir, { recursive: true });
const [browser, site] = await Promise.all([launchChromium(), serveBuiltSite({ settings })]);
try {
  await withPhone(browser, {}, async (page) => {
    await page.goto(new URL('/', site.url).href);
    await shoot(page, 'home-phone.png');
  });

  // Two mistakes, as in the forms' tests: the name left out, an e-mail address that is not one.
  await withPhone(browser, {}, async (page) => {
    await page.goto(new URL('/trouver-un-mentor/', site.url).href);
    await fillForm(
      page,
      aMenteeForm({ 'identity.lastName': undefined, 'identity.email': 'pas-une-adresse' }),
    );
    await page.locator('form.application-form button[type=submit]').click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    // The summary near the top of the screen, its frame whole, the first fields below it.
    await summary.evaluate((el) =>
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16),
    );
    await shoot(page, 'form-errors-phone.png');
  });

  // Without JavaScript: the plainest path, and one that needs no proof of work to finish.
  await withPhone(browser, { javaScriptEnabled: false }, async (page) => {
    await page.goto(new URL('/trouver-un-mentor/', site.url).href);
    await fillForm(page, aMenteeForm());
    await Promise.all([
      page.waitForURL(/\/api\/candidatures\/recu\?reference=/),
      page.locator('form.application-form button[type=submit]').click(),
    ]);
    // Two screens of the receipt: the reference, then what happens next; the PNG stays small.
    await shoot(page, 'receipt-phone.png', { upTo: 2 * 667 });
  });
} finally {
  await browser.close();
  await site.close();
}
