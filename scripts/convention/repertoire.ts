/**
 * The characters every convention can print: the Latin script with every diacritic (French,
 * other European languages, Vietnamese: how French civil documents write every name) and the
 * punctuation of French typography (« », ’, …, the no-break spaces U+00A0 and U+202F, U+2011). Names and texts are
 * drawn with a font subset made once with all of these that the font has, so that filling a
 * convention never embeds a font again (issue 11). A character outside them (a name in another
 * script) is left to be written by hand, and reported. Combining marks (U+0300–U+036F) are left
 * out: once a name is in NFC, a mark still on its own would be drawn on the next letter (glyphs
 * are placed one by one, without mark positioning), so such a name is written by hand instead;
 * so are the characters Unicode says to ignore (U+034F, U+200B–U+200F, U+202A–U+202E, U+2060–
 * U+206F), which the font draws as spaces.
 */
export const printableRanges: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x024f],
  [0x0259, 0x0259],
  [0x02b0, 0x02ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x202f, 0x205f],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2264, 0x2265],
];

/** The characters headings and labels use, in bold: the Latin of French and its punctuation. */
export const boldRanges: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x017f],
  [0x2010, 0x2027],
  [0x202f, 0x203a],
  [0x20ac, 0x20ac],
];

export function* codePoints(ranges: readonly (readonly [number, number])[]): Generator<number> {
  for (const [from, to] of ranges) for (let c = from; c <= to; c += 1) yield c;
}
