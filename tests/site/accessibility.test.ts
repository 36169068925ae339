import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { builtPages, pathOf } from '../../scripts/dev/built-site.ts';
import { browserAndSite } from '../helpers/browser-and-site.ts';

const pages = await builtPages();
const shared = browserAndSite();

// Phones first (320 px is the RGAA reflow width), then a desktop screen.
describe.each([
  { name: 'phone', width: 320, height: 640 },
  { name: 'desktop', width: 1280, height: 900 },
])('axe-core, WCAG 2.1 A and AA, on a $name', (viewport) => {
  it.each(pages)('%s has no violation', async (file) => {
    const context = await shared.browser.newContext({ viewport, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(new URL(pathOf(file), shared.site.url).href);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const violations = results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
      expect(violations).toEqual([]);
      // Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 px.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
