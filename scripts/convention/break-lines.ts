import type { Run } from './convention-source.ts';
import { widthOf, type FontFace } from './font-face.ts';

/** A piece of a line, in one weight, at its horizontal offset from the line's start. */
export interface Piece {
  text: string;
  bold: boolean;
  x: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

export interface Faces {
  regular: FontFace;
  bold: FontFace;
}

const face = (faces: Faces, bold: boolean) => (bold ? faces.bold : faces.regular);

type Word = Run[];

/**
 * Words as the line breaker sees them: split at ordinary spaces only. A no-break space
 * (U+00A0) or a narrow no-break space (U+202F, before « : ; ! ? » and inside « ») joins its
 * neighbours, so that no punctuation mark ever starts a line.
 */
function words(runs: readonly Run[]): Word[] {
  const out: Word[] = [[]];
  for (const run of runs) {
    const parts = run.text.split(' ');
    parts.forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part !== '') out.at(-1)!.push({ text: part, bold: run.bold });
    });
  }
  return out.filter((w) => w.length > 0);
}

const wordWidth = (faces: Faces, word: Word, size: number) =>
  word.reduce((sum, run) => sum + widthOf(face(faces, run.bold), run.text, size), 0);

/**
 * A word too long for a whole line (a 100-letter name with no space) cut into pieces that fit,
 * after a hyphen where there is one, else between any two characters: nothing overflows.
 */
function split(faces: Faces, word: Word, size: number, width: number): Word[] {
  const chars = word.flatMap((run) => [...run.text].map((text) => ({ text, bold: run.bold })));
  const pieces: Word[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let used = 0;
    let lastHyphen = -1;
    while (end < chars.length) {
      const c = chars[end]!;
      const w = widthOf(face(faces, c.bold), c.text, size);
      if (used + w > width && end > start) break;
      used += w;
      if (c.text === '-' || c.text === '\u2011') lastHyphen = end;
      end += 1;
    }
    if (end < chars.length && lastHyphen > start) end = lastHyphen + 1;
    const piece: Word = [];
    for (const c of chars.slice(start, end)) {
      const last = piece.at(-1);
      if (last && last.bold === c.bold) last.text += c.text;
      else piece.push({ ...c });
    }
    pieces.push(piece);
    start = end;
  }
  return pieces;
}

/** Breaks `runs` into lines no wider than `width` at `size` points, ragged right. */
export function breakLines(
  runs: readonly Run[],
  faces: Faces,
  size: number,
  width: number,
): Line[] {
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let x = 0;
  const flush = () => {
    if (pieces.length > 0) lines.push({ pieces, width: x });
    pieces = [];
    x = 0;
  };
  const spaceWidth = () => {
    const last = pieces.at(-1);
    return last ? widthOf(face(faces, last.bold), ' ', size) : 0;
  };
  const place = (word: Word) => {
    word.forEach((run, i) => {
      const last = pieces.at(-1);
      if (i === 0 && last) {
        const space = spaceWidth();
        if (last.bold === run.bold) last.text += ' ' + run.text;
        else pieces.push({ text: run.text, bold: run.bold, x: x + space });
        x += space;
      } else pieces.push({ text: run.text, bold: run.bold, x });
      x += widthOf(face(faces, run.bold), run.text, size);
    });
  };
  for (const word of words(runs)) {
    const w = wordWidth(faces, word, size);
    if (x + spaceWidth() + w <= width) {
      place(word);
      continue;
    }
    flush();
    if (w <= width) {
      place(word);
      continue;
    }
    const parts = split(faces, word, size, width);
    parts.forEach((part, i) => {
      place(part);
      if (i < parts.length - 1) flush();
    });
  }
  flush();
  return lines;
}
