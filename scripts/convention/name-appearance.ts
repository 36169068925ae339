import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { breakLines, type Faces } from './break-lines.ts';
import { num } from './content-stream.ts';
import type { Particulars } from './convention-particulars.ts';
import { covers, glyphHex } from './font-face.ts';
import type { SignatoryRole } from './lay-out-signatures.ts';

/** The name prefilled in a signatory's « Nom et prénom » field, if any. */
export function nameOf(
  p: Particulars,
  role: SignatoryRole,
  settings: ProgrammeSettings,
): string | undefined {
  if (role === 'structure') return undefined;
  void settings;
  return role === 'mentor' ? p.mentor : role === 'mentee' ? p.mentee : p.representative;
}

const padding = 3;

/**
 * The appearance stream of a name field (what viewers show and print until someone edits it):
 * the name wrapped to the box at the largest size from 10 points down at which it fits.
 * Undefined when the font cannot draw it, or only below 6 points: the field stays empty, to be
 * written by hand.
 */
export function nameAppearance(
  name: string,
  faces: Faces,
  width: number,
  height: number,
): string | undefined {
  if (name === '' || !covers(faces.regular, name)) return undefined;
  // Below 6 points a name is unreadable on paper: it is then written by hand.
  for (const size of [10, 9, 8, 7, 6]) {
    const leading = size * 1.2;
    const lines = breakLines([{ text: name, bold: false }], faces, size, width - 2 * padding);
    if (lines.length * leading > height - 2 * padding) continue;
    const top = height - padding - (height - 2 * padding - lines.length * leading) / 2;
    const ops = lines.flatMap((line, i) =>
      line.pieces.map(
        (piece) =>
          `1 0 0 1 ${num(padding + piece.x)} ${num(top - i * leading - size * 0.92)} Tm <${glyphHex(faces.regular, piece.text)}> Tj`,
      ),
    );
    return `/Tx BMC q ${padding} ${padding} ${num(width - 2 * padding)} ${num(height - 2 * padding)} re W n BT /F1 ${size} Tf 0.12 0.12 0.14 rg\n${ops.join('\n')}\nET Q EMC`;
  }
  return undefined;
}
