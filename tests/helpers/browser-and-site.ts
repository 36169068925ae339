import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { serveBuiltSite } from '../../scripts/dev/built-site.ts';

type Site = Awaited<ReturnType<typeof serveBuiltSite>>;

/**
 * One Chromium and one served site (built pages and intake, a fresh data repository) for the
 * whole test file, started before its first test and closed after its last. With `fastForms`,
 * people type fast: the minimum fill time is tested in the intake's own tests.
 */
export function browserAndSite(options: { fastForms?: boolean } = {}): {
  readonly browser: Browser;
  readonly site: Site;
} {
  const state: { browser?: Browser; site?: Site } = {};
  beforeAll(async () => {
    const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    if (options.fastForms) settings.intake.minFillSeconds = 0;
    [state.browser, state.site] = await Promise.all([
      launchChromium(),
      serveBuiltSite({ settings }),
    ]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return {
    get browser() {
      return state.browser!;
    },
    get site() {
      return state.site!;
    },
  };
}
