import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import {
  conventionSourceFile,
  readConventionAssets,
} from '../../scripts/commands/convention-assets.ts';
import type { ConventionAssets } from '../../scripts/convention/build-template.ts';
import { ConventionMaker, fingerprintOf } from '../../scripts/convention/convention-maker.ts';
import type { Particulars } from '../../scripts/convention/convention-particulars.ts';
import { parseConvention, type Run } from '../../scripts/convention/convention-source.ts';
import { page } from '../../scripts/convention/page-marks.ts';
import { longFrenchDate } from '../../scripts/text/long-french-date.ts';
import {
  decodeGrey,
  formFields,
  output,
  pdfInfo,
  pypdf,
  qpdfCheck,
  renderPages,
  type PypdfReading,
  type QpdfField,
} from './pdf-tools.ts';

// Issue 11: the convention PDF as other programs read it. qpdf finds no fault in it, pypdf and
// pdftotext give back every word of content/documents/convention.md and of the pair's
// particulars, the form has the fields a signatory fills in, the metadata say what it is, and
// the same input gives the same bytes. Synthetic people only.

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const source = parseConvention(readFileSync(conventionSourceFile, 'utf8'));
const clock = new Date('2026-11-30T12:00:00Z');

const minor: Particulars = {
  pairId: 'pair-7f3k9q-a1b2c3',
  cohortLabel: 'janvier 2027',
  mentor: 'Jeanne Dupont-Lefèvre',
  mentee: 'Zoé Œuvray-Ångström',
  representative: 'Marc Œuvray',
  objectives: ['Finaliser son parcours de formation', 'Choisir son dernier stage'],
  // A narrow no-break space before the exclamation mark, as French typography writes it.
  otherObjective: 'Réussir mon entretien de stage\u202f!',
  meetings: 'En visioconférence',
  start: '2027-01-11',
  end: '2027-07-09',
  shortened: false,
  coordinator: 'Camille Martin, camille.martin@exemple.fr, 01 23 45 67 89',
};

const adult: Particulars = {
  pairId: 'pair-2b8m4x-d4e5f6',
  cohortLabel: 'année scolaire 2027-2028',
  mentor: 'Hélène Vũ-Nguyễn',
  mentee: 'Ysaline Dœuf',
  objectives: ['Préparer une prise de poste'],
  meetings: 'Dans une salle de l’Espace Jeunes Anne Frank ou en visioconférence',
  start: '2027-11-01',
  end: '2028-06-30',
  shortened: true,
  coordinator: 'Camille Martin',
};

/** PDF syntax a naive writer would let through, and words too long for any line. */
const hostile: Particulars = {
  ...adult,
  pairId: 'pair-9h9h9h-h0st1l',
  mentor: ') Tj ET BT (\\ <> %%EOF /Name endstream',
  // Words longer than a line, short enough for the signature box at a readable size.
  mentee: `${'W'.repeat(40)} ${'Ŵy'.repeat(20)}`,
  representative: `<</Type /Catalog>> endobj trailer /BinomeFingerprint (${'0'.repeat(64)})`,
  objectives: ['Finaliser son parcours de formation'],
  otherObjective: `) Tj ET BT ( \\) \\\\ (( %%EOF stream endstream ${'x'.repeat(100)}`,
  coordinator: '%PDF-1.7 1 0 obj << >> startxref 0',
};

/** Characters the embedded font does not have: written by hand, never printed or stored. */
const outsideFont: Particulars = {
  ...adult,
  pairId: 'pair-5c5c5c-c0ffee',
  mentee: '王小明',
  objectives: ['Choisir son dernier stage'],
  otherObjective: 'Réussir mon année 😀',
};
const unprintable = ['王小明', '😀'];

/** The longest values the forms accept, everywhere at once. */
const long = (word: string) => word.repeat(Math.ceil(100 / word.length)).slice(0, 100);
const worst: Particulars = {
  pairId: 'pair-zzzzzz-zzzzzz',
  cohortLabel: 'année scolaire 2027-2028',
  mentor: `${long('Wéronika')} ${long('Mmmmmmmmmm')}`,
  mentee: `${long('W')} ${long('Ŵ')}`,
  representative: `${long('Mm')} ${long('WM')}`,
  objectives: [
    'Finaliser son parcours de formation',
    'Choisir son dernier stage',
    'Définir son projet d’orientation professionnelle',
    'Préparer une prise de poste',
    'Un autre objectif',
  ],
  otherObjective: long('Wmé Mwé ').repeat(3).trim(),
  meetings: 'Dans une salle de l’Espace Jeunes Anne Frank ou en visioconférence',
  start: '2027-11-01',
  end: '2028-06-30',
  shortened: true,
  coordinator: `${long('M')} ${long('W')}, ${long('m')}@exemple.fr, +33 6 12 34 56 78`,
};

const documents = ['blank', 'minor', 'adult', 'hostile', 'outsideFont', 'worst'] as const;
type Document = (typeof documents)[number];
const particulars: Record<Exclude<Document, 'blank'>, Particulars> = {
  minor,
  adult,
  hostile,
  outsideFont,
  worst,
};

let assets: ConventionAssets;
let maker: ConventionMaker;
let folder: string;
const bytes = {} as Record<Document, Uint8Array>;
const handwritten = {} as Record<Document, { field: string }[]>;
const fingerprints = {} as Record<Document, string>;
const files = {} as Record<Document, string>;
let readings: Record<string, PypdfReading>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'binome-convention-pdf-'));
  assets = await readConventionAssets(settings);
  maker = new ConventionMaker(assets);
  bytes.blank = await maker.blank(clock);
  handwritten.blank = [];
  for (const [name, p] of Object.entries(particulars)) {
    const filled = await maker.fill(p, clock);
    bytes[name as Document] = filled.bytes;
    handwritten[name as Document] = filled.handwritten;
    fingerprints[name as Document] = filled.fingerprint;
  }
  for (const name of documents) {
    files[name] = join(folder, `${name}.pdf`);
    await writeFile(files[name], bytes[name]);
  }
  readings = await pypdf(documents.map((name) => files[name]));
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

// --- Text ---------------------------------------------------------------------------------

/** Runs of ASCII white space as one space; U+00A0 and U+202F are typography and stay. */
const flat = (text: string) => text.replace(/[ \t\r\n]+/g, ' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A PDF's text as pypdf extracts it, page after page, without the header and the footer. */
function bodyText(name: Document): string {
  const pages = readings[files[name]]!.pages;
  return pages
    .map((text, i) => {
      const header = `${settings.structure.name} ${source.title}\npage ${i + 1} sur ${pages.length}`;
      // Every page starts with the header and its number (pypdf reads them first).
      expect(text.startsWith(header), `page ${i + 1} of ${name} starts with « ${header} »`).toBe(
        true,
      );
      return text.slice(header.length);
    })
    .map(flat)
    .join(' ');
}

/**
 * A pattern for `runs` as pypdf extracts them: a line break where a space was, and possibly a
 * space where the weight changes (each run is drawn from its own position).
 */
const runsPattern = (runs: readonly Run[]) =>
  new RegExp(runs.map((run) => escape(flat(run.text))).join(' ?'));

/** A pattern for `value`, which may be cut anywhere (a word too long for a line is cut). */
const cutAnywhere = (value: string) => new RegExp([...flat(value)].map(escape).join(' ?'));

/** Every paragraph, heading and list item of the source, and the signature block's labels. */
function sourceTexts(representative: boolean): Run[][] {
  const labels = source.signatures;
  const plain = (text: string): Run[] => [{ text, bold: false }];
  return [
    ...source.blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.runs])),
    plain(labels.heading),
    plain(labels.mentor),
    plain(labels.mentee),
    ...(representative ? [plain(labels.representative)] : []),
    plain(settings.structure.shortName),
  ];
}

/** What a filled convention must say of its pair. */
function filledValues(p: Particulars): string[] {
  return [
    p.pairId,
    p.cohortLabel,
    p.mentor,
    p.mentee,
    ...(p.representative ? [p.representative] : []),
    ...p.objectives,
    ...(p.otherObjective ? [p.otherObjective] : []),
    p.meetings,
    longFrenchDate(p.start),
    longFrenchDate(p.end),
    p.coordinator,
  ];
}

const missing = (text: string, patterns: readonly RegExp[]) =>
  patterns.filter((pattern) => !pattern.test(text)).map((pattern) => pattern.source);

describe('the convention PDF is sound', () => {
  it.each(documents)('qpdf --check finds no fault in the %s convention', async (name) => {
    const { code, stdout, stderr } = await qpdfCheck(files[name]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('No syntax or stream encoding errors found');
  });
});

describe('the text, as pypdf and pdftotext read it', () => {
  it('holds every paragraph, heading and list item of the source, in the blank convention', () => {
    const text = bodyText('blank');
    expect(source.blocks.length).toBeGreaterThan(20);
    expect(missing(text, sourceTexts(true).map(runsPattern))).toEqual([]);
    // The source's no-break spaces (before « : », inside « ») are kept as U+00A0.
    expect(text).toContain('La relation mentorale est\u00a0:');
    expect(text).toContain('«\u00a0une relation');
  });

  it.each(['minor', 'adult'] as const)(
    'holds the whole text and every particular of the pair, in the %s’s convention',
    (name) => {
      const p = particulars[name];
      const text = bodyText(name);
      expect(missing(text, sourceTexts(name === 'minor').map(runsPattern))).toEqual([]);
      expect(
        missing(
          text,
          filledValues(p).map((v) => new RegExp(escape(flat(v)))),
        ),
      ).toEqual([]);
      if (name === 'adult') {
        expect(text).not.toContain(source.signatures.representative);
        // The first of a month is written « 1er ».
        expect(text).toContain('lundi 1er novembre 2027');
      }
    },
  );

  it('keeps the narrow no-break space U+202F apart from the others', () => {
    const text = bodyText('minor');
    expect(text).toContain('Réussir mon entretien de stage\u202f!');
    expect(text).not.toContain('Réussir mon entretien de stage !');
  });

  it('copies the apostrophes the text was written with (U+2019, not U+02BC)', () => {
    // The source writes ’ (U+2019) and never ʼ (U+02BC): the text copied from the PDF (and what
    // a screen reader or a search finds) must be the same.
    const text = bodyText('blank');
    expect(readFileSync(conventionSourceFile, 'utf8')).not.toContain('\u02bc');
    expect(text).toContain('d’Issy-les-Moulineaux');
    expect(text).not.toContain('\u02bc');
  });

  it('gives pdftotext the names and the dates too', async () => {
    for (const name of ['minor', 'adult'] as const) {
      const p = particulars[name];
      const text = flat(await output('pdftotext', ['-enc', 'UTF-8', files[name], '-']));
      for (const value of [p.mentor, p.mentee, p.representative, longFrenchDate(p.start)])
        if (value) expect(text).toContain(value);
    }
  });
});

// --- Form fields --------------------------------------------------------------------------

const coverFields = [
  'cover-mentor',
  'cover-mentee',
  'cover-representative',
  'cover-objectives',
  'cover-meetings',
  'cover-start',
  'cover-end',
  'cover-coordinator',
];
const signatoryFields = (roles: readonly string[]) =>
  roles.flatMap((role) => [`${role}-name`, `${role}-date`, `${role}-signature`]);

/** What each field should hold: `u:<text>` for a text field, null for a signature field. */
function expectedFields(name: Document): Record<string, string | null> {
  const p = name === 'blank' ? undefined : particulars[name];
  const roles = ['mentor', 'mentee', ...(!p || p.representative ? ['representative'] : [])];
  const names = [...(p ? [] : coverFields), ...signatoryFields([...roles, 'structure'])];
  const prefilled: Record<string, string | undefined> = p
    ? { 'mentor-name': p.mentor, 'mentee-name': p.mentee, 'representative-name': p.representative }
    : {};
  return Object.fromEntries(
    names.map((field) => [
      field,
      field.endsWith('-signature') ? null : `u:${prefilled[field] ?? ''}`,
    ]),
  );
}

describe('the form', () => {
  it.each(['blank', 'minor', 'adult'] as const)(
    'has the fields of the %s convention, with their types, values and pages',
    async (name) => {
      const fields = await formFields(files[name]);
      const pageCount = readings[files[name]]!.pages.length;
      const expected = expectedFields(name);
      expect(fields.map((f) => f.fullname).sort()).toEqual(Object.keys(expected).sort());
      const describeField = (f: QpdfField) => ({
        name: f.fullname,
        type: f.fieldtype,
        value: f.value,
        page: f.pageposfrom1,
        multiline: (f.fieldflags & 4096) !== 0,
      });
      expect(fields.map(describeField)).toEqual(
        fields.map((f) => ({
          name: f.fullname,
          type: f.fullname.endsWith('-signature') ? '/Sig' : '/Tx',
          value: expected[f.fullname],
          page: f.fullname.startsWith('cover-') ? 1 : pageCount,
          multiline: f.fullname.endsWith('-name') || f.fullname === 'cover-objectives',
        })),
      );
      // Each field says what it is for (its tooltip, read by screen readers).
      expect(fields.filter((f) => !f.alternativename?.trim()).map((f) => f.fullname)).toEqual([]);
    },
  );

  it('has no representative’s fields for an adult mentoré', async () => {
    const fields = await formFields(files.adult);
    expect(fields.map((f) => f.fullname).filter((n) => n.includes('representative'))).toEqual([]);
  });
});

// --- Metadata -----------------------------------------------------------------------------

describe('the metadata', () => {
  it.each(['blank', 'minor', 'adult'] as const)(
    'say what the %s convention is, who made it and when',
    async (name) => {
      const info = await pdfInfo(files[name]);
      const p = name === 'blank' ? undefined : particulars[name];
      expect(info).toMatchObject({
        Title: p ? `${source.title} – binôme ${p.pairId}` : source.title,
        Author: settings.structure.name,
        CreationDate: '2026-11-30T12:00:00Z',
        ModDate: '2026-11-30T12:00:00Z',
        Form: 'AcroForm',
        Encrypted: 'no',
        JavaScript: 'no',
      });
      expect(info['Subject']).toContain(p ? p.pairId : settings.structure.name);
      if (p) expect(info['Subject']).toContain(p.cohortLabel);
      expect(readings[files[name]]!.lang).toBe('fr-FR');
      // Every page is A4.
      const sizes = await output('pdfinfo', ['-f', '1', '-l', '999', files[name]]);
      const pageSizes = [...sizes.matchAll(/^Page +\d+ size: +(.*)$/gm)].map((m) => m[1]);
      expect(pageSizes).toEqual(readings[files[name]]!.pages.map(() => '595.28 x 841.89 pts (A4)'));
    },
  );

  it('gives a filled convention as many pages as the blank one', () => {
    const count = (name: Document) => readings[files[name]]!.pages.length;
    expect(documents.map(count)).toEqual(documents.map(() => count('blank')));
  });
});

// --- Reproducibility ----------------------------------------------------------------------

/**
 * Every object of a PDF as qpdf reads it (streams decoded, object streams opened, whatever the
 * way the file is written), with the metadata's dates replaced: what must not depend on the clock.
 */
async function withoutDates(pdf: Uint8Array, name: string): Promise<string> {
  const file = join(folder, `${name}.pdf`);
  await writeFile(file, pdf);
  const json = await output('qpdf', [
    '--json',
    '--json-key=qpdf',
    '--json-stream-data=inline',
    '--decode-level=generalized',
    file,
  ]);
  // Object streams and cross-reference streams only hold, packed, the objects qpdf lists.
  const objects = (JSON.parse(json) as { qpdf: [unknown, Record<string, unknown>] }).qpdf[1];
  const unpacked = Object.entries(objects).filter(([, value]) => {
    const type = (value as { stream?: { dict?: { '/Type'?: string } } }).stream?.dict?.['/Type'];
    return type !== '/ObjStm' && type !== '/XRef';
  });
  // Compressed lengths follow the compressed bytes; the decoded data are compared.
  const withoutLengths = (key: string, value: unknown) => (key === '/Length' ? undefined : value);
  return JSON.stringify(unpacked, withoutLengths, 1).replace(/D:\d{14}Z/g, 'D:date');
}

describe('reproducibility', () => {
  it('gives the same bytes for the same input and clock, from another maker', async () => {
    const other = new ConventionMaker(await readConventionAssets(settings));
    expect(Buffer.from(await other.blank(clock)).equals(bytes.blank)).toBe(true);
    for (const name of ['minor', 'adult'] as const) {
      const again = await other.fill(particulars[name], clock);
      expect(Buffer.from(again.bytes).equals(bytes[name]), name).toBe(true);
      expect(again.fingerprint).toBe(fingerprints[name]);
    }
  });

  it('changes only the dates when the clock changes', async () => {
    const later = new Date('2027-03-15T08:45:30Z');
    const blank = await maker.blank(later);
    const filled = await maker.fill(minor, later);
    for (const [name, then, now] of [
      ['blank', bytes.blank, blank],
      ['minor', bytes.minor, filled.bytes],
    ] as const) {
      expect(Buffer.from(now).equals(then)).toBe(false);
      const [before, after] = [
        await withoutDates(then, `${name}-then`),
        await withoutDates(now, `${name}-later`),
      ];
      expect(after).toBe(before);
      expect((await pdfInfo(join(folder, `${name}-later.pdf`)))['CreationDate']).toBe(
        '2027-03-15T08:45:30Z',
      );
    }
    expect(filled.fingerprint).toBe(fingerprints.minor);
  });

  it('changes the fingerprint with any particular, and writes it into the metadata', async () => {
    const renamed = await maker.fill({ ...minor, mentor: 'Jeanne Dupont-Lefèbvre' }, clock);
    expect(renamed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(renamed.fingerprint).not.toBe(fingerprints.minor);
    expect(fingerprintOf(renamed.bytes)).toBe(renamed.fingerprint);
    for (const name of ['minor', 'adult', 'hostile'] as const)
      expect(fingerprintOf(bytes[name])).toBe(fingerprints[name]);
    expect(await maker.fingerprint(minor)).toBe(fingerprints.minor);
    expect(fingerprintOf(bytes.blank)).toBeUndefined();
  });
});

// --- Hostile and unusual values -----------------------------------------------------------

describe('what people type', () => {
  it('draws PDF syntax and overlong words as text, and stores them as they were typed', async () => {
    const text = bodyText('hostile');
    const values = [hostile.mentor, hostile.mentee, hostile.representative!, hostile.coordinator];
    expect(missing(text, [...values, hostile.otherObjective!].map(cutAnywhere))).toEqual([]);
    expect(handwritten.hostile).toEqual([]);
    const fields = Object.fromEntries(
      (await formFields(files.hostile)).map((f) => [f.fullname, f.value]),
    );
    expect(fields).toMatchObject({
      'mentor-name': `u:${hostile.mentor}`,
      'mentee-name': `u:${hostile.mentee}`,
      'representative-name': `u:${hostile.representative}`,
    });
    // A value cannot pass for the fingerprint either: it is written in hex, never as syntax.
    expect(fingerprintOf(bytes.hostile)).toBe(fingerprints.hostile);
  });

  it('leaves to be written by hand, by label, what the font cannot draw', async () => {
    expect(handwritten.outsideFont).toEqual([
      { field: 'Le mentoré' },
      { field: 'Objectifs du mentoré' },
      { field: 'Nom et prénom (Mentoré)' },
    ]);
    const reported = JSON.stringify(handwritten.outsideFont);
    for (const value of unprintable) expect(reported).not.toContain(value);
    const text = bodyText('outsideFont');
    expect(text).toContain('Le mentoré à compléter à la main');
    expect(text).toContain(outsideFont.mentor);
    // Neither drawn, nor in a field's value, nor anywhere in the objects.
    const objects = await output('qpdf', ['--json', '--json-key=qpdf', files.outsideFont]);
    const fields = await formFields(files.outsideFont);
    expect(fields.find((f) => f.fullname === 'mentee-name')?.value).toBe('u:');
    for (const value of unprintable) {
      expect(text).not.toContain(value);
      expect(objects).not.toContain(value);
    }
  });

  it('draws an other objective typed on several lines', async () => {
    // The form's « Autre objectif » is a textarea (schemas/fields.ts, objectiveOther): its value
    // may hold line breaks, which conventionParticulars keeps.
    const filled = await maker.fill(
      { ...adult, otherObjective: 'Trouver un stage\nen alternance' },
      clock,
    );
    expect(filled.handwritten).toEqual([]);
  });
});

// --- The longest values -------------------------------------------------------------------

describe('the longest values', () => {
  it('fit the cover page and draw nothing outside the margins', async () => {
    // 201 letters as wide as « W » fit no signature box at a readable 6 points: those boxes are
    // left to be written by hand (the cover, at a smaller size, still prints every name).
    expect(handwritten.worst.map((h) => h.field)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Nom et prénom \(/)]),
    );
    expect(handwritten.worst.every((h) => h.field.startsWith('Nom et prénom ('))).toBe(true);
    const text = bodyText('worst');
    expect(missing(text, filledValues(worst).map(cutAnywhere))).toEqual([]);
    const dpi = 50;
    const px = (points: number) => (points * dpi) / 72;
    const pages = (
      await renderPages(files.worst, folder, 'worst', ['-r', `${dpi}`, '-gray', '-png'])
    ).map(decodeGrey);
    expect(pages.length).toBe(readings[files.blank]!.pages.length);
    const outside: string[] = [];
    pages.forEach((picture, index) => {
      const { width, height, grey } = picture;
      // Columns left and right of the margins (2 points of slack), rows above the header,
      // below the page number, and between the page number and the lowest line of text.
      const blankColumn = (x: number) =>
        x < px(page.left - 2) || x > px(page.width - page.right + 2);
      const fromBottom = (y: number) => page.height - (y * 72) / dpi;
      const blankRow = (y: number) =>
        y < px(30) || fromBottom(y) < 36 || (fromBottom(y) > 52 && fromBottom(y) < page.bottom - 8);
      for (let y = 0; y < height; y += 1)
        for (let x = 0; x < width; x += 1)
          if (grey[y * width + x]! < 224 && (blankColumn(x) || blankRow(y))) {
            outside.push(`page ${index + 1}, ${x}, ${y}`);
            return;
          }
    });
    expect(outside).toEqual([]);
  });
});
