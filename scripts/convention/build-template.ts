import fontkit from '@cantoo/fontkit';
import type { PDFRef } from '@cantoo/pdf-lib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFFont,
  type PDFPage,
} from '@cantoo/pdf-lib';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { Faces } from './break-lines.ts';
import { contentStream } from './content-stream.ts';
import { ConventionSourceError, type ConventionSource } from './convention-source.ts';
import { covers, widthOf, type FontFace } from './font-face.ts';
import { layOutBody } from './lay-out-body.ts';
import { layOutCover, type Handwritten } from './lay-out-cover.ts';
import { signatureBlock, type Signatory, type SignatoryRole } from './lay-out-signatures.ts';
import { page, textMark, type FieldSpec, type Mark, type PageLayout } from './page-marks.ts';
import { boldRanges, codePoints, printableRanges } from './repertoire.ts';
import type { Particulars } from './convention-particulars.ts';
import { nameAppearance, nameOf } from './name-appearance.ts';
import { sha256Hex } from './sha256-hex.ts';

/** What every convention is made from: its text, the settings, the fonts and the logo. */
export interface ConventionAssets {
  source: ConventionSource;
  settings: ProgrammeSettings;
  fonts: { regular: Uint8Array; bold: Uint8Array };
  logo?: { bytes: Uint8Array; type: 'png' | 'jpeg' };
}

/** What filling a convention needs to know of its template, found once when it is built. */
export interface FillPlan {
  faces: Faces;
  regularFont: number;
  size: number;
  root: number;
  info: number;
  startXref: number;
  id: string;
  pageCount: number;
  cover: { number: number; dict: string; contents: string };
  /** The name field of each signatory: its object, and its dictionary with placeholders. */
  names: Partial<
    Record<
      SignatoryRole,
      {
        number: number;
        dict: string;
        width: number;
        height: number;
        label: string;
        /** The template's own empty appearance, kept when no name is drawn. */
        emptyAppearance: string;
      }
    >
  >;
}

export interface Template {
  bytes: Uint8Array;
  plan: FillPlan;
  handwritten: Handwritten[];
}

/** Placeholders written into dictionaries that the filling completes. */
export const slots = {
  contents: '/BinomeContents',
  value: '/BinomeValue',
  appearance: '/BinomeAppearance',
};

async function face(
  doc: PDFDocument,
  bytes: Uint8Array,
  name: string,
  resource: string,
  wanted: Iterable<number>,
): Promise<{ font: PDFFont; face: FontFace }> {
  const font = await doc.embedFont(bytes, { subset: true, customName: name });
  const metrics = fontkit.create(bytes as Buffer) as unknown as {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(c: number): boolean;
    layout(text: string): { glyphs: { advanceWidth: number }[] };
  };
  const advances = new Map<number, number>();
  const glyphs = new Map<number, string>();
  // Characters sharing a glyph (’ U+2019 and ʼ U+02BC in Inter) copy back as the first one
  // encoded: French typography's own characters go first.
  const typography = [0x2019, 0xab, 0xbb, 0x2026, 0x2011, 0x2013, 0x2014, 0x201c, 0x201d, 0x2018];
  const all = [...wanted];
  const ordered = [
    ...typography.filter((c) => all.includes(c)),
    ...all.filter((c) => !typography.includes(c)),
  ];
  for (const c of ordered) {
    if (!metrics.hasGlyphForCodePoint(c)) continue;
    const char = String.fromCodePoint(c);
    // Each character on its own: the subset then holds its glyph, with its width and its
    // Unicode value (so that copying the text, and pypdf, give back U+202F, not a space).
    glyphs.set(c, font.encodeText(char).toString().slice(1, -1));
    // The advance of the glyph pdf-lib writes (its /W width), not the shaped position, which
    // fontkit zeroes for marks and ignorables: what is measured is what is drawn.
    advances.set(c, metrics.layout(char).glyphs[0]?.advanceWidth ?? 0);
  }
  return {
    font,
    face: {
      resource,
      unitsPerEm: metrics.unitsPerEm,
      ascender: metrics.ascent,
      descender: metrics.descent,
      advances,
      glyphs,
    },
  };
}

function headerAndFooter(
  assets: ConventionAssets,
  faces: Faces,
  index: number,
  count: number,
  logoWidth: number,
): Mark[] {
  const title = assets.source.title;
  const right = page.width - page.right;
  const headerY = page.height - 44;
  const numbering = `page ${index + 1} sur ${count}`;
  // A long structure name leaves the title out, then gets smaller: the header never overlaps.
  const name = assets.settings.structure.name;
  const room = right - page.left - logoWidth;
  const titleWidth = widthOf(faces.regular, title, 8.5) + 16;
  const withTitle = widthOf(faces.regular, name, 8.5) + titleWidth <= room;
  const nameSize = Math.min(8.5, (8.5 * room) / Math.max(1, widthOf(faces.regular, name, 8.5)));
  return [
    textMark(page.left + logoWidth, headerY, withTitle ? 8.5 : nameSize, name, false, true),
    ...(withTitle
      ? [textMark(right - widthOf(faces.regular, title, 8.5), headerY, 8.5, title, false, true)]
      : []),
    { type: 'rule', x: page.left, y: headerY - 8, width: right - page.left },
    textMark(
      (page.width - widthOf(faces.regular, numbering, 8.5)) / 2,
      40,
      8.5,
      numbering,
      false,
      true,
    ),
  ];
}

/**
 * The text and the settings are drawn as written: a character the embedded font lacks (an emoji
 * or ≠ in a heading, a bold term outside the bold subset) would come out as an empty box, so the
 * build refuses it by name, rather than print something else than the site's page.
 */
function refuseUndrawable(marks: readonly Mark[], faces: Faces): void {
  for (const mark of marks) {
    if (mark.type !== 'text') continue;
    for (const piece of mark.pieces) {
      const face = piece.bold ? faces.bold : faces.regular;
      const missing = [...piece.text].filter((c) => !covers(face, c));
      if (missing.length > 0)
        throw new ConventionSourceError(
          `Le texte de la convention (content/documents/convention.md) ou les réglages contiennent ${missing.map((c) => `« ${c} » (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}${piece.bold ? ' en gras' : ''}, que la police du PDF ne sait pas écrire, dans « ${piece.text.slice(0, 60)} » : remplacez-le.`,
        );
    }
  }
}

function addField(doc: PDFDocument, pdfPage: PDFPage, spec: FieldSpec, fields: PDFArray): PDFRef {
  const ctx = doc.context;
  const empty = ctx.register(
    ctx.flateStream('/Tx BMC EMC', {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, spec.width, spec.height],
    }),
  );
  const dict = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: spec.kind === 'signature' ? 'Sig' : 'Tx',
    Rect: [spec.x, spec.y, spec.x + spec.width, spec.y + spec.height],
    F: 4,
    P: pdfPage.ref,
  });
  dict.set(PDFName.of('T'), PDFString.of(spec.name));
  dict.set(PDFName.of('TU'), PDFHexString.fromText(spec.label));
  if (spec.kind === 'text') {
    // Size 0: a viewer fits what a person types (or a long prefilled name) to the box.
    dict.set(PDFName.of('DA'), PDFString.of('/F1 0 Tf 0 g'));
    dict.set(PDFName.of('V'), PDFHexString.fromText(''));
    dict.set(PDFName.of('AP'), ctx.obj({ N: empty }));
    if (spec.multiline) dict.set(PDFName.of('Ff'), PDFNumber.of(4096));
  } else dict.set(PDFName.of('AP'), ctx.obj({ N: empty }));
  const ref = ctx.register(dict);
  pdfPage.node.addAnnot(ref);
  fields.push(ref);
  return ref;
}

function signatories(assets: ConventionAssets, representative: boolean | 'blank'): Signatory[] {
  const labels = assets.source.signatures;
  return [
    { role: 'mentor', label: labels.mentor },
    { role: 'mentee', label: labels.mentee },
    ...(representative ? [{ role: 'representative' as const, label: labels.representative }] : []),
    { role: 'structure', label: assets.settings.structure.shortName },
  ];
}

export type Variant =
  | { kind: 'blank'; now: Date }
  | { kind: 'filled'; representative: boolean }
  /** A whole convention drawn at once, for one pair: the naive approach the benchmark compares. */
  | { kind: 'whole'; particulars: Particulars; now: Date };

/**
 * A convention laid out and drawn with pdf-lib: the blank one (every field empty, the cover to
 * fill in), or the template of filled ones, whose cover and names each pair completes
 * (fill-convention.ts). The regular font's subset holds every printable character
 * (repertoire.ts), so that filling never embeds a font again.
 */
export async function buildTemplate(assets: ConventionAssets, variant: Variant): Promise<Template> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // The naive approach (the benchmark's reference) subsets for one document: what it draws.
  const used =
    variant.kind === 'whole'
      ? new Set([
          // What it prints, and the labels and punctuation of its own pages.
          ...[...JSON.stringify([variant.particulars, assets.source, assets.settings])].map((c) =>
            c.codePointAt(0)!,
          ),
          ...codePoints(boldRanges),
        ])
      : undefined;
  const regular = await face(
    doc,
    assets.fonts.regular,
    'Inter-Regular',
    'F1',
    used ?? codePoints(printableRanges),
  );
  const bold = await face(
    doc,
    assets.fonts.bold,
    'Inter-Bold',
    'F2',
    used ?? codePoints(boldRanges),
  );
  const faces: Faces = { regular: regular.face, bold: bold.face };
  const representative =
    variant.kind === 'blank'
      ? 'blank'
      : variant.kind === 'filled'
        ? variant.representative
        : Boolean(variant.particulars.representative || variant.particulars.representativeMissing);
  const who = signatories(assets, representative);
  const block = signatureBlock(assets.source.signatures.heading, who, faces);
  const body = layOutBody(assets.source.blocks, faces, block);
  const pageCount = body.length + 1;
  const cover = layOutCover(
    assets.settings,
    faces,
    assets.source.title,
    pageCount,
    variant.kind === 'whole' ? variant.particulars : undefined,
  );
  const layouts: PageLayout[] = [
    variant.kind === 'filled' ? { marks: [], fields: [] } : cover,
    ...body,
  ];

  const logo = assets.logo
    ? assets.logo.type === 'png'
      ? await doc.embedPng(assets.logo.bytes)
      : await doc.embedJpg(assets.logo.bytes)
    : undefined;
  const logoHeight = 22;
  // A very wide logo is scaled down to at most 150 points.
  const logoScale = logo ? Math.min(logoHeight / logo.height, 150 / logo.width) : 0;
  const logoWidth = logo ? logo.width * logoScale + 8 : 0;

  const ctx = doc.context;
  const fields = ctx.obj([]);
  const fieldRefs = new Map<string, PDFRef>();
  const pages: PDFPage[] = [];
  layouts.forEach((layout, index) => {
    const pdfPage = doc.addPage([page.width, page.height]);
    pages.push(pdfPage);
    if (logo)
      pdfPage.drawImage(logo, {
        x: page.left,
        y: page.height - 50,
        width: logoWidth - 8,
        height: logo.height * logoScale,
      });
    const marks = [...headerAndFooter(assets, faces, index, pageCount, logoWidth), ...layout.marks];
    refuseUndrawable(marks, faces);
    pdfPage.node.setFontDictionary(PDFName.of('F1'), regular.font.ref);
    pdfPage.node.setFontDictionary(PDFName.of('F2'), bold.font.ref);
    pdfPage.node.addContentStream(ctx.register(ctx.flateStream(contentStream(marks, faces))));
    for (const spec of layout.fields)
      fieldRefs.set(spec.name, addField(doc, pdfPage, spec, fields));
    if (variant.kind === 'whole')
      for (const spec of layout.fields) {
        const role = /^(.+)-name$/.exec(spec.name)?.[1] as SignatoryRole | undefined;
        const name = role && nameOf(variant.particulars, role, assets.settings);
        if (!name) continue;
        const widget = ctx.lookup(fieldRefs.get(spec.name)!, PDFDict);
        const drawn = nameAppearance(name, faces, spec.width, spec.height);
        widget.set(PDFName.of('V'), PDFHexString.fromText(drawn ? name : ''));
        if (drawn)
          widget.set(
            PDFName.of('AP'),
            ctx.obj({
              N: ctx.register(
                ctx.flateStream(drawn, {
                  Type: 'XObject',
                  Subtype: 'Form',
                  BBox: [0, 0, spec.width, spec.height],
                  Resources: { Font: { F1: regular.font.ref } },
                }),
              ),
            }),
          );
      }
  });
  if (fields.size() > 0) {
    const form = ctx.obj({ Fields: fields, DR: { Font: { F1: regular.font.ref } } });
    form.set(PDFName.of('DA'), PDFString.of('/F1 10 Tf 0 g'));
    doc.catalog.set(PDFName.of('AcroForm'), ctx.register(form));
  }

  const s = assets.settings.structure;
  doc.setTitle(assets.source.title, { showInWindowTitleBar: true });
  doc.setAuthor(s.name);
  doc.setSubject(`Programme de mentorat du ${s.name}`);
  doc.setLanguage('fr-FR');
  doc.setCreator('Binôme');
  doc.setProducer('Binôme (pdf-lib)');
  if (variant.kind !== 'filled') {
    doc.setCreationDate(variant.now);
    doc.setModificationDate(variant.now);
  }
  // A stable document id: the same input gives the same bytes (issue 11).
  const id = sha256Hex(
    JSON.stringify({ layouts: layouts.map((l) => l.marks), pageCount, variant: variant.kind }),
  ).slice(0, 32);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  const bytes = await doc.save({ useObjectStreams: true, updateFieldAppearances: false });

  // Found after saving: the filling rewrites these objects in an update appended to the bytes.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(bytes.length - 64));
  const startXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
  const coverPage = pages[0]!;
  const coverDict = coverPage.node;
  const contents = coverDict.get(PDFName.of('Contents'));
  const existing =
    contents instanceof PDFArray
      ? contents
          .asArray()
          .map((r) => r.toString())
          .join(' ')
      : (contents?.toString() ?? '');
  coverDict.set(PDFName.of('Contents'), PDFName.of(slots.contents.slice(1)));
  const names: FillPlan['names'] = {};
  for (const role of ['mentor', 'mentee', 'representative', 'structure'] as const) {
    const ref = fieldRefs.get(`${role}-name`);
    if (!ref) continue;
    const dict = ctx.lookup(ref, PDFDict);
    const emptyAppearance = dict.get(PDFName.of('AP'))?.toString() ?? '<< >>';
    dict.set(PDFName.of('V'), PDFName.of(slots.value.slice(1)));
    dict.set(PDFName.of('AP'), PDFName.of(slots.appearance.slice(1)));
    const rect = dict
      .lookup(PDFName.of('Rect'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    names[role] = {
      label: who.find((w) => w.role === role)?.label ?? role,
      emptyAppearance,
      number: ref.objectNumber,
      dict: dict.toString(),
      width: rect[2]! - rect[0]!,
      height: rect[3]! - rect[1]!,
    };
  }
  return {
    bytes,
    handwritten: cover.handwritten,
    plan: {
      faces,
      regularFont: regular.font.ref.objectNumber,
      // The saved file's own count: writing object streams numbers objects past the context's.
      size: Number(
        /\/Size (\d+)/.exec(new TextDecoder('latin1').decode(bytes.subarray(startXref)))?.[1],
      ),
      root: (ctx.trailerInfo.Root as PDFRef).objectNumber,
      info: (ctx.trailerInfo.Info as PDFRef).objectNumber,
      startXref,
      id,
      pageCount,
      cover: { number: coverPage.ref.objectNumber, dict: coverDict.toString(), contents: existing },
      names,
    },
  };
}
