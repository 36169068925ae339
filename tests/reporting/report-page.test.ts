import { AxeBuilder } from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { followUpRulesFrom } from '../../scripts/followup/follow-up-rules.ts';
import { compileReport } from '../../scripts/reporting/compile-report.ts';
import { reportPeriod } from '../../scripts/reporting/report-period.ts';
import { programmeSettings } from '../helpers/intake-harness.ts';
import { goldenProgramme } from '../helpers/report-programme.ts';

// Issue 13: the report page is accessible: valid HTML (Nu HTML Checker), no axe-core violation
// on a phone and a desktop, nothing scrolling sideways at 320 px, its headings in order, each
// table captioned with headers, each chart an image with its title and description.

const vnuJar: string = createRequire(import.meta.url)('vnu-jar');
const settings = programmeSettings();
const html = compileReport({
  period: reportPeriod('2026-2027', settings.cohorts),
  day: '2027-08-31',
  records: goldenProgramme().records,
  settings: { ...settings, followUp: followUpRulesFrom(settings), threshold: 5 },
  terms: { names: [], organisations: [], emails: [], phones: [] },
  programme: settings.structure.name,
}).html;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('the report page', () => {
  it('is valid HTML for the Nu HTML Checker', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'binome-report-')), 'rapport.html');
    await writeFile(file, html);
    const result = await promisify(execFile)(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--errors-only', file],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stderr?: string }) => {
      if (typeof error.stderr === 'string' && error.stderr.startsWith('{'))
        return { stderr: error.stderr };
      throw error;
    });
    const { messages } = JSON.parse(result.stderr) as {
      messages: { type: string; lastLine?: number; message: string }[];
    };
    expect(
      messages.filter((m) => m.type !== 'info').map((m) => `${m.lastLine ?? '?'} ${m.message}`),
    ).toEqual([]);
  });

  it.each([
    { name: 'phone', width: 320, height: 640 },
    { name: 'desktop', width: 1280, height: 900 },
  ])('has no axe-core violation on a $name, and its structure reads in order', async (viewport) => {
    const context = await browser.newContext({ viewport, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.setContent(html);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const structure = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        headings: [...document.querySelectorAll('h1, h2')].map(
          (h) => `${h.tagName} ${h.textContent}`,
        ),
        tables: [...document.querySelectorAll('table')].map((t) => ({
          caption: t.querySelector('caption')?.textContent ?? '',
          columnHeaders: t.querySelectorAll('thead th[scope="col"]').length,
          rowHeaders: t.querySelectorAll('tbody th[scope="row"]').length,
          rows: t.querySelectorAll('tbody tr').length,
        })),
        charts: [...document.querySelectorAll('svg')].map((svg) => ({
          role: svg.getAttribute('role'),
          name: svg
            .getAttribute('aria-labelledby')!
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' | '),
        })),
      }));
      expect(structure.lang).toBe('fr');
      expect(structure.headings).toEqual([
        'H1 Bilan du programme de mentorat — année scolaire 2026-2027',
        'H2 Comment lire ce bilan',
        'H2 Candidatures',
        'H2 Mentors et mentorés en attente',
        'H2 Binômes',
        'H2 Rencontres et suivi',
        'H2 Bilans de fin de mentorat',
        'H2 Ce que disent les bilans',
      ]);
      expect(structure.tables.length).toBe(16);
      for (const table of structure.tables) {
        expect(table.caption).not.toBe('');
        expect(table.columnHeaders).toBeGreaterThanOrEqual(2);
        expect(table.rowHeaders).toBe(table.rows);
      }
      expect(structure.charts).toHaveLength(4);
      for (const chart of structure.charts) {
        expect(chart.role).toBe('img');
        expect(chart.name).toMatch(/^.+ \| .+$/);
      }
    } finally {
      await context.close();
    }
  });
});
