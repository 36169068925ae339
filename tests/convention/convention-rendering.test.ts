import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { readConventionAssets } from '../../scripts/commands/convention-assets.ts';
import { ConventionMaker } from '../../scripts/convention/convention-maker.ts';
import {
  referenceConventions,
  referencePage,
  referenceRendering,
  referencesFolder,
} from '../../scripts/dev/convention-reference-fixtures.ts';
import { decodeGrey, pageDifference, renderPages } from './pdf-tools.ts';

// Issue 11: the convention looks as it was last approved. Every page of the blank convention and
// of a filled one, rendered by pdftoppm, is compared with the pictures committed in
// tests/convention/references/ (npm run references:conventions draws them again). The
// tolerance lets antialiasing differ, not a glyph, a line or a box.

// Rendered by the same poppler, a page is identical to its reference, pixel for pixel. The limits
// leave room for another build's antialiasing (small differences everywhere), not for a glyph:
// one damaged glyph of the font changes 30 to 130 pixels of a page by more than 64, a lost accent
// on every « é » 40 to 50, which a limit of 0.5 % (1,200 pixels) would let through.
const limits = { mean: 2, changed: 0.0001 };
/** Where the renderings that differ are kept, to be looked at beside the references. */
const differing = join(tmpdir(), 'binome-convention-rendering');

let folder: string;
const rendered: Record<string, Uint8Array[]> = {};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'binome-convention-rendering-'));
  const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
  const maker = new ConventionMaker(await readConventionAssets(settings));
  for (const { name, bytes } of await referenceConventions(maker)) {
    const pdf = join(folder, `${name}.pdf`);
    await writeFile(pdf, bytes);
    rendered[name] = await renderPages(pdf, folder, name, referenceRendering.args);
  }
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the rendering of the convention', () => {
  it.each(['blank', 'filled'])(
    'matches the references, page by page, for the %s one',
    async (name) => {
      const pages = rendered[name]!;
      const references = (await readdir(referencesFolder))
        .map((file) => referencePage(file, name))
        .filter((n): n is number => n !== undefined)
        .sort((a, b) => a - b);
      const refresh =
        'If the change is intended, run `npm run references:conventions`, look at the new pictures and commit them.';
      expect(
        references,
        `The ${name} convention has ${pages.length} pages, the references ${references.length}. ${refresh}`,
      ).toEqual(pages.map((_, i) => i + 1));

      const problems: string[] = [];
      for (const [i, png] of pages.entries()) {
        const reference = join(referencesFolder, `${name}-${i + 1}.png`);
        if (!existsSync(reference)) continue;
        const d = pageDifference(decodeGrey(png), decodeGrey(readFileSync(reference)));
        if (d.sameSize && d.mean < limits.mean && d.changed < limits.changed) continue;
        await mkdir(differing, { recursive: true });
        const kept = join(differing, `${name}-${i + 1}.png`);
        await writeFile(kept, png);
        problems.push(
          d.sameSize
            ? `page ${i + 1}: mean difference ${d.mean.toFixed(2)}/255 per pixel (limit ${limits.mean}), ` +
                `${d.changedPixels} pixels (${(d.changed * 100).toFixed(3)} %) differ by more than 64 (limit ${limits.changed * 100} %); ` +
                `rendered: ${kept}, reference: ${reference}`
            : `page ${i + 1}: not the size of ${reference} (rendered: ${kept})`,
        );
      }
      expect(
        problems,
        `The ${name} convention no longer looks like its references. ${refresh}`,
      ).toEqual([]);
    },
  );

  it('keeps the references small', async () => {
    // Grey levels at 50 dpi: a page is a few tens of kilobytes, not a photograph.
    const files = (await readdir(referencesFolder)).filter((f) => f.endsWith('.png'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(readFileSync(join(referencesFolder, file)).length, file).toBeLessThan(100 * 1024);
  });
});
