import type { Piece } from './break-lines.ts';

/** A4 in points, and the margins every page of the convention keeps. */
export const page = {
  width: 595.28,
  height: 841.89,
  left: 64,
  right: 64,
  /** The first baseline of the body text. */
  top: 841.89 - 92,
  /** No baseline of the body text below this. */
  bottom: 76,
} as const;

export const textWidth = page.width - page.left - page.right;

/** What is drawn on a page: lines of text, thin rules and the boxes around form fields. */
export type Mark =
  | { type: 'text'; x: number; y: number; size: number; pieces: Piece[]; grey?: boolean }
  | { type: 'rule'; x: number; y: number; width: number }
  | { type: 'box'; x: number; y: number; width: number; height: number };

/** A form field: a text field people type in, or a signature field, with its box. */
export interface FieldSpec {
  name: string;
  kind: 'text' | 'signature';
  /** The tooltip viewers and screen readers give the field (`/TU`). */
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  multiline?: boolean;
}

export interface PageLayout {
  marks: Mark[];
  fields: FieldSpec[];
}

/** A line of text in one weight. */
export function textMark(
  x: number,
  y: number,
  size: number,
  text: string,
  bold = false,
  grey = false,
): Mark {
  return { type: 'text', x, y, size, pieces: [{ text, bold, x: 0 }], grey };
}
