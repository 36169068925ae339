import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './tests/reporters/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'data/**', '.astro/**'],
    // Browser tests start Chromium and a Java checker: give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', new SummaryReporter()],
  },
});
