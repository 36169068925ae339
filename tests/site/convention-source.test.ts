import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { markdownBlocks, normalizeText } from '../helpers/text.ts';

const original = 'content/documents/convention-originale.txt';
const shared = '../shared/seed/convention-de-mentorat.txt';

function words(text: string): string[] {
  return normalizeText(text).split(' ');
}

describe('the published convention', () => {
  it('says, word for word, what the original says (only typography differs)', async () => {
    const source = await readFile(original, 'utf8');
    const published = await readFile('content/documents/convention.md', 'utf8');
    // The original's title becomes the page's h1; its "- " list lines read like Markdown.
    const expected = words(markdownBlocks(source.replace('CONVENTION DE MENTORAT', '')).join(' '));
    const actual = words(markdownBlocks(published).join(' '));
    expect(actual).toEqual(expected);
  });

  it.runIf(existsSync(shared))('keeps the original exactly as the structure sent it', async () => {
    expect(await readFile(original, 'utf8')).toBe(await readFile(shared, 'utf8'));
  });
});
