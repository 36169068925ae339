import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Prefixes root-relative `href`/`src`/`action` values with `base`, leaving others untouched. */
export function prefixRootLinks(html: string, base: string): string {
  const prefix = base.replace(/\/$/, '');
  if (!prefix) return html;
  return html.replace(
    /\b(href|src|action)="(\/(?!\/)[^"]*)"/g,
    (match, attribute: string, url: string) =>
      url === prefix || url.startsWith(prefix + '/') ? match : `${attribute}="${prefix}${url}"`,
  );
}

/**
 * Content in `content/` links to pages as `/le-programme/`. When the site is deployed under a
 * base path (GitHub Pages without a custom domain serves `/<repository>/`), this integration
 * rewrites those links once the pages are built, so editors never have to think about it.
 */
export function baseLinks(): AstroIntegration {
  let base = '/';
  return {
    name: 'binome:base-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        if (base === '/') return;
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
        for (const file of files) {
          const path = join(root, file);
          await writeFile(path, prefixRootLinks(await readFile(path, 'utf8'), base));
        }
      },
    },
  };
}
