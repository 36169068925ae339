import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formToObject } from '../../schemas/form-to-object.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { rulesContext, rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { checkApplicationForm, formSchemas } from '../../schemas/validators.ts';
import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { builtPages, distDir } from '../../scripts/dev/built-site.ts';
import { listen } from '../../scripts/http/listen.ts';
import { serveStatic } from '../../scripts/http/serve-static.ts';

// The browser's checks (precompiled validators, rules context from the page) against the
// server's (checkApplicationForm, the intake's function): same refusals, same French words.
// The built pages alone suffice: a refused form never reaches the intake.
const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));

let browser: Browser;
let server: Server;
let siteUrl = '';

beforeAll(async () => {
  await builtPages();
  const served = await listen((request) => serveStatic(distDir)(request));
  [server, siteUrl] = [served.server, served.url];
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

/** Sets every field at once (typing is tested elsewhere), then submits with the button. */
async function submitInBrowser(page: Page, entries: [string, string][]): Promise<string[]> {
  await page.evaluate((fields) => {
    const form = document.querySelector<HTMLFormElement>('form.application-form')!;
    for (const [name, value] of fields) {
      for (const element of form.querySelectorAll<HTMLInputElement>(
        `[name="${CSS.escape(name)}"]`,
      )) {
        if (element.type === 'checkbox' || element.type === 'radio') {
          if (element.value === value) element.checked = true;
        } else element.value = value;
      }
    }
  }, entries);
  await page.locator('button[type=submit]').click();
  await page.locator('.error-summary').waitFor();
  return page.locator('.error-summary li').allTextContents();
}

function serverMessages(kind: 'mentor' | 'mentee', entries: [string, string][]): string[] {
  const form = formToObject(formSchemas[kind] as SchemaNode, entries);
  const result = checkApplicationForm(
    kind,
    form,
    rulesContext(rulesSettingsFrom(settings), new Date()),
  );
  return result.ok ? [] : result.problems.map((p) => frenchTypography(p.message));
}

const cases = [
  {
    kind: 'mentor' as const,
    path: '/devenir-mentor/',
    entries: aMentorForm({
      'identity.birthDate': '31/02/1980',
      'identity.email': '<script>alert(1)</script>@exemple.fr',
    }),
    expected: [
      'Indiquez une adresse électronique valide, par exemple nom@exemple.fr.',
      'Indiquez une date de naissance qui existe, au format JJ/MM/AAAA, par exemple 03/02/1980.',
    ],
  },
  {
    kind: 'mentee' as const,
    path: '/trouver-un-mentor/',
    entries: aMenteeForm({
      'identity.birthDate': '10/05/2019',
      'identity.email': '=HYPERLINK("https://exemple.com/x")@exemple.fr',
      'identity.lastName': 'Testaccio\u202e',
    }),
    expected: [
      'Indiquez votre nom.',
      'Indiquez une adresse électronique valide, par exemple nom@exemple.fr.',
      'Le programme s’adresse aux étudiants et étudiantes de 16 à 30 ans : vérifiez votre date de naissance.',
    ],
  },
];

describe('the forms check in the browser what the server checks', () => {
  it.each(cases)(
    '$kind: refuses an impossible or out-of-range date and a hostile e-mail, in the server’s words',
    async ({ kind, path, entries, expected }) => {
      const page = await browser.newPage();
      await page.goto(new URL(path, siteUrl).href);
      const shown = await submitInBrowser(page, entries);
      expect(shown).toEqual(serverMessages(kind, entries));
      expect(shown).toEqual(expected.map(frenchTypography));
      await page.close();
    },
  );
});
