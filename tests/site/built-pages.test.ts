import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages, distDir } from '../helpers/built-site.ts';
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
      expect(text, page).not.toMatch(/\{status\}|undefined|\[object Object\]|props\.settings/);
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
