import { breakLines, type Faces } from './break-lines.ts';
import { widthOf } from './font-face.ts';
import { page, textWidth, textMark, type PageLayout } from './page-marks.ts';

/** Who signs: the mentor, the mentoré, a minor mentoré's legal representative, the structure. */
export type SignatoryRole = 'mentor' | 'mentee' | 'representative' | 'structure';

export interface Signatory {
  role: SignatoryRole;
  /** The box's heading: « Mentor », « Mentoré »… */
  label: string;
}

const gap = 20;
const columnWidth = (textWidth - gap) / 2;
const headingSize = 10.25;
const smallSize = 8;
const boxes = { name: 30, date: 18, signature: 56 } as const;
/** label, then three (small label + box + space) groups, then the space between rows. */
const rowHeight = 15 + 3 * (smallSize + 4) + boxes.name + boxes.date + boxes.signature + 2 * 6 + 16;

/** The field names of a signatory's box: what the tests and the filling look for. */
export function signatureFieldNames(role: SignatoryRole) {
  return { name: `${role}-name`, date: `${role}-date`, signature: `${role}-signature` };
}

/**
 * The signature block (« Date / Signature / Nom et prénom » for each party), two boxes a row,
 * each with a text field for the name, one for the date and a signature field: it can be signed
 * on screen or printed and signed by hand.
 */
export function signatureBlock(heading: string, signatories: readonly Signatory[], faces: Faces) {
  const headingLines = breakLines([{ text: heading, bold: true }], faces, headingSize, textWidth);
  const headingHeight = headingLines.length * 14.4 + 8;
  const rows = Math.ceil(signatories.length / 2);
  return {
    height: headingHeight + rows * rowHeight,
    draw(top: number, layout: PageLayout) {
      let y = top;
      for (const line of headingLines) {
        layout.marks.push({
          type: 'text',
          x: page.left,
          y: y - headingSize,
          size: headingSize,
          pieces: line.pieces,
        });
        y -= 14.4;
      }
      y -= 8;
      signatories.forEach((who, i) => {
        const x = page.left + (i % 2) * (columnWidth + gap);
        let cursor = y - Math.floor(i / 2) * rowHeight;
        // A long label (the structure's short name) gets smaller rather than leave its column.
        const labelSize = Math.min(
          headingSize,
          (headingSize * columnWidth) / Math.max(1, widthOf(faces.bold, who.label, headingSize)),
        );
        layout.marks.push(textMark(x, cursor - headingSize, labelSize, who.label, true));
        cursor -= 15;
        const names = signatureFieldNames(who.role);
        const groups = [
          {
            caption: who.role === 'structure' ? 'Nom, prénom et fonction' : 'Nom et prénom',
            field: names.name,
            height: boxes.name,
            kind: 'text' as const,
            multiline: true,
            tip: 'Nom et prénom',
          },
          {
            caption: 'Date',
            field: names.date,
            height: boxes.date,
            kind: 'text' as const,
            multiline: false,
            tip: 'Date de signature',
          },
          {
            caption: 'Signature',
            field: names.signature,
            height: boxes.signature,
            kind: 'signature' as const,
            multiline: false,
            tip: 'Signature',
          },
        ];
        for (const group of groups) {
          layout.marks.push(textMark(x, cursor - smallSize, smallSize, group.caption, false, true));
          cursor -= smallSize + 4;
          const box = { x, y: cursor - group.height, width: columnWidth, height: group.height };
          layout.marks.push({ type: 'box', ...box });
          layout.fields.push({
            name: group.field,
            kind: group.kind,
            label: `${group.tip} (${who.label})`,
            ...box,
            ...(group.multiline ? { multiline: true } : {}),
          });
          cursor -= group.height + 6;
        }
      });
    },
  };
}
