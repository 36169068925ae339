// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { baseLinks } from './site/plugins/base-links.ts';

// BINOME_SITE / BINOME_BASE let a deployment (e.g. GitHub Pages under /<repository>/) set the
// public address; locally the site is served from the root.
export default defineConfig({
  srcDir: './site',
  output: 'static',
  ...(process.env.BINOME_SITE ? { site: process.env.BINOME_SITE } : {}),
  base: process.env.BINOME_BASE || '/',
  trailingSlash: 'always',
  integrations: [mdx(), baseLinks()],
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
