import { frenchTypography } from '../../schemas/french-typography.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { longFrenchDate } from '../text/long-french-date.ts';
import { breakLines, type Faces } from './break-lines.ts';
import type { Particulars } from './convention-particulars.ts';
import { ConventionSourceError } from './convention-source.ts';
import { covers } from './font-face.ts';
import {
  page,
  textMark,
  textWidth,
  type FieldSpec,
  type Mark,
  type PageLayout,
} from './page-marks.ts';

/** A value the font cannot draw (a name in a script it lacks): written by hand instead. */
export interface Handwritten {
  /** The cover row's label, never its value. */
  field: string;
}

const labelWidth = 142;
const valueX = page.left + labelWidth + 10;
const valueWidth = textWidth - labelWidth - 10;
const byHand = 'à compléter à la main';

type Value =
  | { kind: 'text'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'field'; name: string; height: number; multiline?: boolean; tip?: string };

interface Row {
  label: string;
  value: Value;
}

interface Section {
  heading: string;
  rows: Row[];
}

function addressOf(settings: ProgrammeSettings): string {
  const a = settings.structure.address;
  return `${a.street}, ${a.postalCode} ${a.city}`;
}

function rhythm(settings: ProgrammeSettings): string {
  const n = settings.mentoring.meetingsPerMonth;
  return `En moyenne ${n === 1 ? 'une fois' : `${n}\u00a0fois`} par mois\u202f; des échanges complémentaires par courriel ou par téléphone, de gré à gré`;
}

const text = (t: string): Value => ({ kind: 'text', text: t });
/** A field to fill in; `tip` is what a screen reader says of it (the row's label otherwise). */
const field = (name: string, tip?: string, height = 20, multiline = false): Value => ({
  kind: 'field',
  name,
  height,
  ...(multiline ? { multiline } : {}),
  ...(tip ? { tip } : {}),
});

/** The cover's sections: filled from `particulars`, or with fields to fill in when blank. */
function sections(settings: ProgrammeSettings, p: Particulars | undefined): Section[] {
  const s = settings.structure;
  const structureRow = { label: 'La structure', value: text(`${s.name}, ${addressOf(settings)}`) };
  const parties: Row[] = p
    ? [
        { label: 'Le mentor', value: text(p.mentor) },
        { label: 'Le mentoré', value: text(p.mentee) },
        ...(p.representative !== undefined || p.representativeMissing
          ? [{ label: 'Représentant légal du mentoré', value: text(p.representative ?? '') }]
          : []),
        structureRow,
      ]
    : [
        { label: 'Le mentor', value: field('cover-mentor', 'Nom et prénom du mentor') },
        { label: 'Le mentoré', value: field('cover-mentee', 'Nom et prénom du mentoré') },
        {
          label: 'Représentant légal du mentoré, s’il est mineur',
          value: field('cover-representative', 'Nom et prénom du représentant légal du mentoré'),
        },
        structureRow,
      ];
  const objectives: Value = p
    ? {
        kind: 'bullets',
        items: [
          ...p.objectives,
          ...(p.otherObjective ? [`Autre objectif\u00a0: ${p.otherObjective}`] : []),
        ],
      }
    : field('cover-objectives', 'Objectifs du mentoré', 62, true);
  const end = p
    ? longFrenchDate(p.end) +
      (p.shortened
        ? ' (durée adaptée, le mentorat débutant en cours d’année scolaire\u00a0: article\u00a05)'
        : '')
    : undefined;
  return [
    { heading: 'Entre les soussignés', rows: parties },
    {
      heading: 'Modalités du mentorat',
      rows: [
        { label: 'Objectifs du mentoré', value: objectives },
        { label: 'Première rencontre', value: text(`À l’${s.shortName}, ${addressOf(settings)}`) },
        {
          label: 'Rencontres suivantes',
          value: p
            ? text(p.meetings)
            : field('cover-meetings', 'Comment le binôme se rencontre après la première rencontre'),
        },
        { label: 'Rythme', value: text(rhythm(settings)) },
        {
          label: 'Début du mentorat',
          value: p
            ? text(longFrenchDate(p.start))
            : field('cover-start', 'Date de début du mentorat'),
        },
        {
          label: 'Fin prévue',
          value:
            end !== undefined ? text(end) : field('cover-end', 'Date de fin prévue du mentorat'),
        },
        {
          label: 'Suivi du binôme',
          value: p
            ? text(p.coordinator)
            : field('cover-coordinator', 'Personne chargée du suivi du binôme'),
        },
      ],
    },
  ];
}

/**
 * Page 1 of a convention: the title, the parties and the pair's particulars (issue 11), then
 * the announcement of the text. Laid out at the largest size from 10 points down at which it
 * fits the page: the longest names and objectives the forms accept wrap, at about 7 points for
 * the very longest (a test proves they stay within the margins), and never overflow.
 * A value the font cannot draw is left to be written by hand, and reported in `handwritten`.
 */
export function layOutCover(
  settings: ProgrammeSettings,
  faces: Faces,
  title: string,
  pageCount: number,
  particulars?: Particulars,
): PageLayout & { handwritten: Handwritten[] } {
  const all = sections(settings, particulars);
  for (const size of [10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6]) {
    const result = attempt(all, settings, faces, title, pageCount, size, particulars);
    if (result) return result;
  }
  // Unreachable for what the schemas accept (a test proves the longest values fit).
  throw new ConventionSourceError(
    'La page de garde de la convention ne tient pas sur une page : raccourcissez, dans content/programme.yaml, le nom ou l’adresse de la structure, ou le libellé de la cohorte.',
  );
}

function attempt(
  all: Section[],
  settings: ProgrammeSettings,
  faces: Faces,
  title: string,
  pageCount: number,
  size: number,
  particulars: Particulars | undefined,
): (PageLayout & { handwritten: Handwritten[] }) | undefined {
  const marks: Mark[] = [];
  const fields: FieldSpec[] = [];
  const handwritten: Handwritten[] = [];
  const leading = size * 1.38;
  let y = page.top + 6;
  marks.push(textMark(page.left, y - 20, 20, title, true));
  y -= 30;
  for (const line of breakLines(
    [{ text: settings.structure.name, bold: false }],
    faces,
    11,
    textWidth,
  )) {
    marks.push({ type: 'text', x: page.left, y: y - 11, size: 11, pieces: line.pieces });
    y -= 15;
  }
  if (particulars) {
    const line = `Binôme ${particulars.pairId} · cohorte\u00a0: ${particulars.cohortLabel}`;
    for (const broken of breakLines([{ text: line, bold: false }], faces, 9, textWidth)) {
      marks.push({
        type: 'text',
        x: page.left,
        y: y - 9,
        size: 9,
        pieces: broken.pieces,
        grey: true,
      });
      y -= 13;
    }
  }
  y -= 10;
  for (const section of all) {
    y -= 8;
    marks.push(textMark(page.left, y - 12.5, 12.5, section.heading, true));
    y -= 18;
    marks.push({ type: 'rule', x: page.left, y: y + 2, width: textWidth });
    y -= 6;
    for (const row of section.rows) {
      const labelLines = breakLines([{ text: row.label, bold: true }], faces, size, labelWidth);
      const valueMarks: Mark[] = [];
      let valueHeight = 0;
      const drawText = (raw: string, x: number, width: number, top: number) => {
        // What the settings and the forms hold was typed with ordinary spaces before « : ; ! ? »,
        // and an objective written in a textarea may hold line breaks: one paragraph here.
        const value = frenchTypography(raw.replace(/[ \t]*[\r\n]+[ \t]*/g, ' '));
        const printable = value !== '' && covers(faces.regular, value);
        if (!printable && value !== '') handwritten.push({ field: row.label });
        const lines = printable
          ? breakLines([{ text: value, bold: false }], faces, size, width)
          : breakLines([{ text: byHand, bold: false }], faces, size, width);
        lines.forEach((line, i) =>
          valueMarks.push({
            type: 'text',
            x,
            y: top - i * leading - size,
            size,
            pieces: line.pieces,
            ...(printable ? {} : { grey: true }),
          }),
        );
        return lines.length * leading;
      };
      if (row.value.kind === 'text') valueHeight = drawText(row.value.text, valueX, valueWidth, y);
      else if (row.value.kind === 'bullets') {
        for (const item of row.value.items) {
          valueMarks.push(textMark(valueX, y - valueHeight - size, size, '•'));
          valueHeight += drawText(item, valueX + 11, valueWidth - 11, y - valueHeight);
        }
      } else {
        const box = {
          x: valueX,
          y: y - row.value.height + 3,
          width: valueWidth,
          height: row.value.height,
        };
        valueMarks.push({ type: 'box', ...box });
        fields.push({
          name: row.value.name,
          kind: 'text',
          label: row.value.tip ?? row.label,
          ...box,
          ...(row.value.multiline ? { multiline: true } : {}),
        });
        valueHeight = row.value.height;
      }
      labelLines.forEach((line, i) =>
        marks.push({
          type: 'text',
          x: page.left,
          y: y - i * leading - size,
          size,
          pieces: line.pieces,
        }),
      );
      marks.push(...valueMarks);
      y -= Math.max(labelLines.length * leading, valueHeight) + size * 0.6;
    }
  }
  y -= 10;
  const closing = `La présente convention compte ${pageCount}\u00a0pages\u202f; chaque partie en garde un exemplaire signé. Il est convenu ce qui suit\u00a0:`;
  for (const line of breakLines([{ text: closing, bold: false }], faces, 10.25, textWidth)) {
    marks.push({ type: 'text', x: page.left, y: y - 10.25, size: 10.25, pieces: line.pieces });
    y -= 14.4;
  }
  if (y < page.bottom - 4) return undefined;
  return { marks, fields, handwritten };
}
