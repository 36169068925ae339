import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import {
  conventionFonts,
  conventionSourceFile,
  readConventionAssets,
} from '../../scripts/commands/convention-assets.ts';
import type { Faces } from '../../scripts/convention/break-lines.ts';
import { buildTemplate, type ConventionAssets } from '../../scripts/convention/build-template.ts';
import { changedSinceWritten, ConventionMaker } from '../../scripts/convention/convention-maker.ts';
import type { Particulars } from '../../scripts/convention/convention-particulars.ts';
import {
  ConventionSourceError,
  parseConvention,
  plainText,
} from '../../scripts/convention/convention-source.ts';
import { layOutBody } from '../../scripts/convention/lay-out-body.ts';
import { signatureBlock } from '../../scripts/convention/lay-out-signatures.ts';
import { decodeGrey, output, qpdfCheck, renderPages } from './pdf-tools.ts';

// What the hostile review of issue 11 found, each kept from coming back: headings stranded at a
// page's foot, marks drawn on the wrong letter, widths measured unlike they are drawn, long
// settings overflowing the header, a convention signed on screen overwritten.

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const markdown = readFileSync(conventionSourceFile, 'utf8');
const clock = new Date('2026-11-30T12:00:00Z');
let assets: ConventionAssets;
let faces: Faces;
let folder: string;

beforeAll(async () => {
  assets = await readConventionAssets(settings);
  faces = (await buildTemplate(assets, { kind: 'filled', representative: false })).plan.faces;
  folder = await (await import('node:fs/promises')).mkdtemp(join(tmpdir(), 'binome-edges-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const particulars: Particulars = {
  pairId: 'pair-eeeeee-ffffff',
  cohortLabel: 'janvier 2027',
  mentor: 'Jeanne Dupont',
  mentee: 'Zoé Martin',
  objectives: ['Choisir son dernier stage'],
  meetings: 'En visioconférence',
  start: '2027-01-11',
  end: '2027-07-09',
  shortened: true,
  coordinator: 'Camille Martin',
};

/** The source with `words` words of filler before its first paragraph. */
function padded(words: number): string {
  const filler = Array.from({ length: words }, (_, i) => `mot${i % 10}`).join(' ');
  return markdown.replace('Le programme mentorat du', `${filler}\n\nLe programme mentorat du`);
}

describe('pagination', () => {
  it('never leaves a heading, or a sentence announcing a list, last on a page, and keeps the last paragraph with the signatures', () => {
    const headingSizes = new Set([12.5, 11]);
    const signatures = (labels: ReturnType<typeof parseConvention>['signatures']) =>
      signatureBlock(
        labels.heading,
        [
          { role: 'mentor', label: labels.mentor },
          { role: 'mentee', label: labels.mentee },
          { role: 'structure', label: 'Espace Jeunes Anne Frank' },
        ],
        faces,
      );
    let checked = 0;
    // Every shift of the text by a few words over more than a page.
    for (let words = 0; words <= 700; words += 7) {
      const source = parseConvention(padded(words));
      const block = signatures(source.signatures);
      const pages = layOutBody(source.blocks, faces, block);
      pages.forEach((layout, index) => {
        const texts = layout.marks.filter((m) => m.type === 'text');
        const last = texts.at(-1);
        if (!last || last.type !== 'text') return;
        const isSignaturePage = layout.fields.length > 0;
        if (isSignaturePage) {
          // The signature block never opens a page: a paragraph of the text comes before it.
          expect(
            texts.some(
              (m) => m.type === 'text' && m.size === 10.25 && m.pieces.some((p) => !p.bold),
            ),
            `${words} words, page ${index + 1}`,
          ).toBe(true);
          return;
        }
        const lastText = last.pieces.map((p) => p.text).join('');
        expect(
          headingSizes.has(last.size) && last.pieces.every((p) => p.bold),
          `${words} words, page ${index + 1}: « ${lastText} »`,
        ).toBe(false);
        expect(lastText.endsWith(':'), `${words} words, page ${index + 1}: « ${lastText} »`).toBe(
          false,
        );
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('characters', () => {
  const maker = () => new ConventionMaker(assets);

  it('writes by hand a name whose marks cannot be placed, and one with characters to ignore', async () => {
    // A Yoruba name: U+1ECD + U+0301 has no precomposed form, so a combining mark remains.
    const yoruba = await maker().fill(
      { ...particulars, mentor: 'Adéwọ́lé Ọlábísí'.normalize('NFC') },
      clock,
    );
    expect(yoruba.handwritten.map((h) => h.field)).toEqual(['Le mentor', 'Nom et prénom (Mentor)']);
    const ignorable = await maker().fill({ ...particulars, mentee: 'Jean\u034F Dupont' }, clock);
    expect(ignorable.handwritten.map((h) => h.field)).toContain('Le mentoré');
    // Precomposed accents are printed as usual.
    const french = await maker().fill(
      { ...particulars, mentee: 'E\u0301lodie Ma\u0302ge'.normalize('NFC') },
      clock,
    );
    expect(french.handwritten).toEqual([]);
  });

  it('measures every character with the width of the glyph it is drawn with', async () => {
    const fontkit = (await import('@cantoo/fontkit')).default;
    const font = fontkit.create(readFileSync(conventionFonts.regular)) as unknown as {
      glyphForCodePoint(c: number): { advanceWidth: number };
    };
    for (const [c, advance] of faces.regular.advances)
      expect(advance, `U+${c.toString(16)}`).toBe(font.glyphForCodePoint(c).advanceWidth);
  });

  it('refuses, by name, a character of the text the font cannot draw', async () => {
    const emoji = markdown.replace('## 1. Définition', '## 1. Définition 😀');
    const source = parseConvention(emoji);
    await expect(
      buildTemplate({ ...assets, source }, { kind: 'blank', now: clock }),
    ).rejects.toThrow(ConventionSourceError);
    await expect(
      buildTemplate({ ...assets, source }, { kind: 'blank', now: clock }),
    ).rejects.toThrow(/« 😀 »/);
    expect(plainText(source.blocks[1]!.type === 'heading' ? source.blocks[1]!.runs : [])).toContain(
      '😀',
    );
  });
});

describe('long settings', () => {
  it('keeps a long structure name, short name and cohort label within the page', async () => {
    const long = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    long.structure.name =
      'Centre de loisirs, d’animation et de valorisation des initiatives municipales / Espace Jeunes Anne Frank';
    long.structure.shortName = 'Espace Jeunes Anne Frank d’Issy-les-Moulineaux';
    const maker = new ConventionMaker({ ...assets, settings: long });
    const filled = await maker.fill(
      {
        ...particulars,
        cohortLabel: 'année scolaire 2027-2028, deuxième session de printemps et d’été',
      },
      clock,
    );
    const file = join(folder, 'long.pdf');
    await writeFile(file, filled.bytes);
    expect((await qpdfCheck(file)).code).toBe(0);
    const dpi = 50;
    const pages = await renderPages(file, folder, 'long', ['-r', `${dpi}`, '-gray', '-png']);
    const px = (points: number) => Math.round((points * dpi) / 72);
    for (const [index, png] of pages.entries()) {
      const page = decodeGrey(png);
      // No ink in the side margins (64 pt, 2 pt of slack).
      const margin = px(62);
      for (let y = 0; y < page.height; y += 1)
        for (let k = 0; k < margin; k += 1)
          for (const x of [k, page.width - 1 - k])
            expect(page.grey[y * page.width + x]! >= 224, `page ${index + 1} at ${x},${y}`).toBe(
              true,
            );
    }
    // The header names the structure, without the title it has no room for.
    const text = await output('pdftotext', ['-f', '2', '-l', '2', file, '-']);
    expect(text).toContain('valorisation');
  });

  it('says in French which settings to shorten when the cover cannot fit its page', async () => {
    const huge = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    huge.structure.name = 'Structure '.repeat(50).trim();
    huge.structure.address.street = 'Rue '.repeat(125).trim();
    huge.structure.address.city = 'Ville '.repeat(80).trim();
    huge.structure.shortName = 'Espace '.repeat(70).trim();
    const maker = new ConventionMaker({ ...assets, settings: huge });
    await expect(maker.fill(particulars, clock)).rejects.toThrow(/raccourcissez/);
  });
});

describe('a convention changed after it was written', () => {
  it('is recognised when signed on screen (an update appended) or saved again', async () => {
    const filled = await new ConventionMaker(assets).fill(particulars, clock);
    expect(changedSinceWritten(filled.bytes)).toBe(false);
    const signed = new Uint8Array([
      ...filled.bytes,
      ...new TextEncoder().encode(`\n${'%'.repeat(9000)}\n%%EOF\n`),
    ]);
    expect(changedSinceWritten(signed)).toBe(true);
    const original = join(folder, 'o.pdf');
    const resaved = join(folder, 'r.pdf');
    await writeFile(original, filled.bytes);
    await output('qpdf', [original, resaved]);
    expect(changedSinceWritten(readFileSync(resaved))).toBe(true);
    expect(changedSinceWritten(new TextEncoder().encode('%PDF-1.7 not ours'))).toBe(true);
  });
});

void mkdtemp;

describe('the fingerprint', () => {
  it('changes with a setting the convention prints, and not with one it does not', async () => {
    const base = await new ConventionMaker(assets).fingerprint(particulars);
    const moved = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    moved.structure.address.street = '2 rue Nouvelle';
    expect(
      await new ConventionMaker({ ...assets, settings: moved }).fingerprint(particulars),
    ).not.toBe(base);
    const retitled = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    retitled.site.title = 'Un autre titre du site';
    retitled.intake.minFillSeconds = 20;
    expect(
      await new ConventionMaker({ ...assets, settings: retitled }).fingerprint(particulars),
    ).toBe(base);
  });
});

describe('the logo of the settings', () => {
  it('is drawn in the header of every page, scaled down when wide', async () => {
    const { PNG } = await import('pngjs');
    const png = new PNG({ width: 600, height: 60 });
    // Dark grey, opaque.
    for (let i = 0; i < png.data.length; i += 4) png.data.set([40, 40, 40, 255], i);
    const logo = { bytes: PNG.sync.write(png), type: 'png' as const };
    const blank = await buildTemplate({ ...assets, logo }, { kind: 'blank', now: clock });
    const file = join(folder, 'logo.pdf');
    await writeFile(file, blank.bytes);
    expect((await qpdfCheck(file)).code).toBe(0);
    const images = await output('pdfimages', ['-list', file]);
    // One image, shown on each page (pdfimages lists it once a page).
    const rows = images.split('\n').filter((line) => /^\s+\d+\s+\d+\s+image/.test(line));
    expect(rows.length).toBe(blank.plan.pageCount);
    // 600 × 60 pixels, scaled to at most 150 points wide: the header stays on the page.
    const pages = await renderPages(file, folder, 'logo', ['-r', '50', '-gray', '-png']);
    const first = decodeGrey(pages[0]!);
    const px = (points: number) => Math.round((points * 50) / 72);
    // The logo, 150 × 15 points, from 35 to 50 points below the top of the page.
    expect(first.grey[px(42) * first.width + px(64 + 40)]!).toBeLessThan(100);
    expect(first.grey[px(42) * first.width + px(64 + 140)]!).toBeLessThan(100);
    // Nothing of it past 150 points.
    expect(first.grey[px(42) * first.width + px(64 + 152)]!).toBeGreaterThan(200);
  });
});
