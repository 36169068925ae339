import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConvention } from '../../scripts/convention/convention-source.ts';
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
    // The signature block lives in the front matter (the site's page and the PDF both draw it),
    // the structure signing under its short name; the minor's representative is our addition,
    // for the structure to confirm (README).
    const { signatures } = parseConvention(published);
    const actual = words(
      [
        ...markdownBlocks(published),
        signatures.heading,
        signatures.mentor,
        signatures.mentee,
        'Espace Jeunes Anne Frank',
      ].join(' '),
    );
    expect(actual).toEqual(expected);
  });

  it.runIf(existsSync(shared))('keeps the original exactly as the structure sent it', async () => {
    expect(await readFile(original, 'utf8')).toBe(await readFile(shared, 'utf8'));
  });
});
