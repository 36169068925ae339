import { glyphHex } from './font-face.ts';
import type { Faces } from './break-lines.ts';
import type { Mark } from './page-marks.ts';

/** A number as PDF content writes it: at most two decimals, no trailing zeros. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const ink = '0.12 0.12 0.14';
const greyInk = '0.36 0.36 0.4';

/**
 * The content-stream operators that draw `marks`. Text is written as glyph ids in hex (font-face.ts),
 * so that any value, however hostile, is only ever drawn.
 */
export function contentStream(marks: readonly Mark[], faces: Faces): string {
  const out: string[] = [];
  for (const mark of marks) {
    if (mark.type === 'text') {
      out.push('BT', `${mark.grey ? greyInk : ink} rg`);
      for (const piece of mark.pieces) {
        const face = piece.bold ? faces.bold : faces.regular;
        out.push(
          `/${face.resource} ${num(mark.size)} Tf`,
          `1 0 0 1 ${num(mark.x + piece.x)} ${num(mark.y)} Tm`,
          `<${glyphHex(face, piece.text)}> Tj`,
        );
      }
      out.push('ET');
    } else if (mark.type === 'rule')
      out.push(
        `0.55 0.55 0.6 RG 0.6 w ${num(mark.x)} ${num(mark.y)} m ${num(mark.x + mark.width)} ${num(mark.y)} l S`,
      );
    else
      out.push(
        `0.55 0.55 0.6 RG 0.6 w ${num(mark.x)} ${num(mark.y)} ${num(mark.width)} ${num(mark.height)} re S`,
      );
  }
  return out.join('\n') + '\n';
}
