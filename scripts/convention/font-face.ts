/**
 * What the layout needs to know of an embedded font, as plain data: each character's advance
 * and the glyph it is drawn with in the PDF's subset. Built once per template
 * (build-template.ts), then read for every convention without touching the font file again.
 */
export interface FontFace {
  /** The PDF resource name the page content uses (`F1`). */
  resource: string;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  /** Code point -> advance width, in font units. */
  advances: ReadonlyMap<number, number>;
  /** Code point -> the glyph's id in the embedded subset, as four hex digits. */
  glyphs: ReadonlyMap<number, string>;
}

/** Whether every character of `text` can be drawn with `face`. */
export function covers(face: FontFace, text: string): boolean {
  for (const char of text) if (!face.glyphs.has(char.codePointAt(0)!)) return false;
  return true;
}

/** The width of `text` at `size` points. Characters the face lacks count as nothing. */
export function widthOf(face: FontFace, text: string, size: number): number {
  let units = 0;
  for (const char of text) units += face.advances.get(char.codePointAt(0)!) ?? 0;
  return (units * size) / face.unitsPerEm;
}

/**
 * `text` as the hex string of its glyph ids, for the `Tj` operator. Characters are mapped one
 * by one (no ligature, no kerning): what is measured is what is drawn, and nothing a person
 * typed can become a PDF operator.
 */
export function glyphHex(face: FontFace, text: string): string {
  let hex = '';
  for (const char of text) hex += face.glyphs.get(char.codePointAt(0)!) ?? '0000';
  return hex;
}
