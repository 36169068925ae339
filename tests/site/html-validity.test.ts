import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { builtPages, distDir } from '../../scripts/dev/built-site.ts';

const vnuJar: string = createRequire(import.meta.url)('vnu-jar');

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

describe('the Nu HTML Checker', () => {
  it('finds no error in any built page', async () => {
    await builtPages();
    const result = await promisify(execFile)(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--errors-only', '--skip-non-html', distDir],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stderr?: string; code?: number }) => {
      if (typeof error.stderr === 'string' && error.stderr.startsWith('{'))
        return { stderr: error.stderr };
      throw error;
    });
    const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
    const errors = messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${(m.url ?? '').replace(/^.*\/dist\//, '')}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
  });
});
