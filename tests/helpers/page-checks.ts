import { AxeBuilder } from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const vnuJar: string = createRequire(import.meta.url)('vnu-jar');

/** axe-core's WCAG 2.1 A and AA violations of the page as it is now: each rule and its nodes. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** The Nu HTML Checker's errors in these HTML files, one run for all: « file: message ». */
export async function nuErrors(files: readonly string[]): Promise<string[]> {
  const { stderr } = await promisify(execFile)(
    'java',
    ['-jar', vnuJar, '--format', 'json', '--errors-only', ...files],
    { maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stderr: string }) => ({ stderr: error.stderr }));
  const { messages } = JSON.parse(stderr) as {
    messages: { type: string; message: string; url?: string }[];
  };
  return messages.filter((m) => m.type === 'error').map((m) => `${m.url}: ${m.message}`);
}
