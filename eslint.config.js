// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { layers } from './scripts/dev/eslint-layers.js';

// The code blocks the `layers/astro` processor takes out of .astro files (frontmatter, scripts).
const astroBlocks = '**/*.astro/*.ts';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-worker/',
      '.tmp/',
      'node_modules/',
      '.astro/',
      'data/',
      'coverage/',
      'schemas/generated/',
      '.tmp/',
    ],
  },
  {
    // Not on .astro blocks: their imports are used by the template, which these rules cannot see.
    ignores: [astroBlocks],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.astro'], processor: layers.processors.astro },
  { files: [astroBlocks], languageOptions: { parser: tseslint.parser } },
  {
    // The dependency direction of ../shared/DESIGN.md (Project layout), on every file (issue 7).
    plugins: { layers },
    rules: { 'layers/import-boundaries': 'error' },
  },
);
