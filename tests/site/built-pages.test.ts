import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectedFields } from '../../schemas/collected-fields.ts';
import { fillTokens } from '../../schemas/fill-tokens.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { formSchemas } from '../../schemas/validators.ts';
import { builtPages, distDir } from '../../scripts/dev/built-site.ts';
import { htmlToText, markdownBlocks, normalizeText } from '../helpers/text.ts';

const formPages = ['devenir-mentor/index.html', 'trouver-un-mentor/index.html'];
let pages: string[] = [];
beforeAll(async () => {
  pages = await builtPages();
});

describe('built pages', () => {
  it('include every page of the site', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        '404.html',
        'le-programme/index.html',
        'la-convention/index.html',
        'devenir-mentor/index.html',
        'trouver-un-mentor/index.html',
        'questions-frequentes/index.html',
        'contact/index.html',
        'mentions-legales/index.html',
        'donnees-personnelles/index.html',
        'accessibilite/index.html',
        'plan-du-site/index.html',
        'candidature-recue/index.html',
        'candidature-non-envoyee/index.html',
      ]),
    );
  });

  it('ship no JavaScript, but for the two forms, and stay under 30 KB gzip, stylesheets included', async () => {
    for (const page of pages) {
      const html = await readFile(join(distDir, page), 'utf8');
      if (!formPages.includes(page)) expect(html, page).not.toMatch(/<script\b/i);
      const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
        (m) => m[1]!,
      );
      const css = await Promise.all(sheets.map((href) => readFile(join(distDir, href), 'utf8')));
      const size = gzipSync(html + css.join('')).byteLength;
      expect(size, `${page}: ${size} bytes gzip`).toBeLessThan(30 * 1024);
    }
  });

  it('are in French, with a title, a description and one h1', async () => {
    for (const page of pages) {
      const html = await readFile(join(distDir, page), 'utf8');
      expect(html, page).toMatch(/<html lang="fr"/);
      expect(html, page).toMatch(/<title>[^<]{5,}<\/title>/);
      expect(html, page).toMatch(/<meta name="description" content="[^"]{50,}"/);
      expect(html.match(/<h1\b/g), page).toHaveLength(1);
    }
  });

  it('never show a settings key or an unreplaced template', async () => {
    for (const page of pages) {
      const text = htmlToText(await readFile(join(distDir, page), 'utf8'));
      expect(text, page).not.toMatch(
        /\{(status|commune|structure|duration|capacityMax)\}|undefined|\[object Object\]|props\.settings/,
      );
    }
  });
});

describe('the convention page', () => {
  it('contains every paragraph, heading and list item of content/documents/convention.md', async () => {
    const source = await readFile('content/documents/convention.md', 'utf8');
    const html = await readFile(join(distDir, 'la-convention/index.html'), 'utf8');
    const text = normalizeText(htmlToText(html));
    const blocks = markdownBlocks(source);
    expect(blocks.length).toBeGreaterThan(40);
    const missing = blocks.filter((block) => !text.includes(block));
    expect(missing).toEqual([]);
  });

  it('renders the structure: numbered sections, lists and bold terms', async () => {
    const html = await readFile(join(distDir, 'la-convention/index.html'), 'utf8');
    expect(html.match(/<h2[^>]*>\d\. /g)).toHaveLength(5);
    expect(html).toMatch(/<strong>le mentor<\/strong>/);
    expect(html).toMatch(/<strong>le mentoré<\/strong>/);
    expect(html.match(/<ul>/g)!.length).toBeGreaterThanOrEqual(7);
  });
});

describe('French typography', () => {
  it('puts no-break spaces before « : ; ! ? » and inside guillemets, on every page', async () => {
    const faults: string[] = [];
    for (const page of pages) {
      const text = htmlToText(await readFile(join(distDir, page), 'utf8'));
      for (const match of text.matchAll(/.{0,25}( [:;!?»]|« ).{0,10}/g))
        faults.push(`${page}: …${match[0]}…`);
    }
    expect(faults).toEqual([]);
  });
});

describe('the application forms', () => {
  const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
  const rules = rulesSettingsFrom(settings);
  const forms = [
    { kind: 'mentor' as const, page: 'devenir-mentor/index.html' },
    { kind: 'mentee' as const, page: 'trouver-un-mentor/index.html' },
  ];
  const attribute = (html: string, name: string) =>
    [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => htmlToText(m[1]!));
  /** The text of a page from a heading's text to the next heading of level 2. */
  const section = (html: string, heading: string) => {
    const start = html.indexOf(heading);
    expect(start, heading).toBeGreaterThan(-1);
    return normalizeText(htmlToText(html.slice(start, html.indexOf('<h2', start))));
  };
  const titles = (kind: 'mentor' | 'mentee') =>
    collectedFields(formSchemas[kind] as SchemaNode).flatMap((group) => [
      group.title,
      ...group.fields.filter((f) => !f.checkbox).map((f) => f.title),
    ]);
  const shown = (title: string) => normalizeText(fillTokens(title, rules.tokens));

  it.each(forms)(
    '$kind: take the rules from one attribute, built by rulesSettingsFrom',
    async ({ page }) => {
      const html = await readFile(join(distDir, page), 'utf8');
      expect(attribute(html, 'data-rules').map((json) => JSON.parse(json) as unknown)).toEqual([
        rules,
      ]);
      expect(html).not.toMatch(/data-(communes|capacity-max|tokens)=/);
    },
  );

  it('offer a mentor the capacities the settings allow, no more', async () => {
    const html = await readFile(join(distDir, 'devenir-mentor/index.html'), 'utf8');
    const offered = [...html.matchAll(/name="profile\.capacity" value="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(offered).toEqual(
      Array.from({ length: settings.mentoring.mentorCapacityMax }, (_, i) => i + 1),
    );
  });

  it.each(forms)(
    '$kind: its page lists what the form asks, from the schema',
    async ({ kind, page }) => {
      const html = await readFile(join(distDir, page), 'utf8');
      const listed = section(html, 'Ce que le formulaire vous demande');
      for (const title of titles(kind)) expect(listed, title).toContain(shown(title));
    },
  );

  it('the privacy notice lists what both forms ask, from the schemas', async () => {
    const html = await readFile(join(distDir, 'donnees-personnelles/index.html'), 'utf8');
    const listed = section(html, 'Données obligatoires et facultatives');
    for (const title of [...titles('mentee'), ...titles('mentor')])
      expect(listed, title).toContain(shown(title));
    expect(listed).toContain('Si vous avez moins de 18 ans');
  });
});
