import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import {
  conventionFonts,
  conventionSourceFile,
  readConventionAssets,
} from '../../scripts/commands/convention-assets.ts';
import { ConventionMaker } from '../../scripts/convention/convention-maker.ts';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { referenceParticulars } from '../../scripts/dev/convention-reference-fixtures.ts';

// Issue 15 fills conventions in the coordinator's browser « from the same code as npm run
// conventions »: the convention's modules import nothing of Node, and give there the same bytes.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: ['tests/convention/browser-entry.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'binome',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('the convention in a browser', () => {
  it('bundles for the browser without any Node module', async () => {
    // esbuild refuses `node:` imports on the browser platform: this would throw.
    expect((await bundle()).length).toBeGreaterThan(100_000);
  });

  it('gives in Chromium the same bytes as in Node for the same input and clock', async () => {
    const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    const now = new Date('2026-11-30T12:00:00Z');
    const node = await new ConventionMaker(await readConventionAssets(settings)).fill(
      referenceParticulars,
      now,
    );
    const page = await browser.newPage();
    try {
      // A secure context, as the desk's page will be (WebCrypto is there only): localhost.
      await page.route('http://localhost/', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>desk</title>' }),
      );
      await page.goto('http://localhost/');
      await page.addScriptTag({ content: await bundle() });
      const base64 = await page.evaluate(
        (input) =>
          (
            globalThis as unknown as {
              binome: { fillInTheBrowser: (i: typeof input) => Promise<string> };
            }
          ).binome.fillInTheBrowser(input),
        {
          markdown: readFileSync(conventionSourceFile, 'utf8'),
          settings,
          regular: readFileSync(conventionFonts.regular).toString('base64'),
          bold: readFileSync(conventionFonts.bold).toString('base64'),
          particulars: referenceParticulars,
          now: now.toISOString(),
        },
      );
      expect(Buffer.compare(Buffer.from(base64, 'base64'), Buffer.from(node.bytes))).toBe(0);
    } finally {
      await page.close();
    }
  });
});
