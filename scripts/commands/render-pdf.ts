import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * The Chromium or Chrome of this machine: `BINOME_CHROMIUM` when set, else Debian's Chromium or
 * the Chrome that GitHub's Ubuntu runners ship. Undefined when there is none (no browser is
 * ever downloaded).
 */
export function findChromium(env: Record<string, string | undefined>): string | undefined {
  const candidates = [
    env['BINOME_CHROMIUM'],
    '/usr/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}

/**
 * Prints a standalone HTML page to a tagged PDF (headings, tables and figures stay accessible to
 * screen readers), A4, with its outline, through headless Chromium kept off the network: the page
 * loads nothing (everything is inline), and any request it still makes is refused.
 */
export async function renderPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
      printBackground: true,
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
