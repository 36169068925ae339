import type { Page } from 'playwright-core';

/**
 * The JavaScript a form page really costs: loads the page, submits it empty (which loads the
 * validator, fetched on first use) and adds up the scripts transferred, as the server sent them
 * (gzip). Returns bytes on the wire and decoded.
 */
export async function measureFormScripts(
  page: Page,
  url: string,
): Promise<{ gzip: number; decoded: number; files: number }> {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('button[type=submit]').click();
  await page.locator('.error-summary').waitFor();
  return page.evaluate(() => {
    const scripts = (
      performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    ).filter((e) => /\.js(\?|$)/.test(e.name));
    return {
      gzip: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
      decoded: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0),
      files: scripts.length,
    };
  });
}
