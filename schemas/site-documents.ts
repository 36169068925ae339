/**
 * The blank, fillable convention de mentorat, made from the same content/documents/convention.md
 * as its page: scripts/dev/build-convention-pdf.ts writes `file` before each build (issue 11).
 */
export const blankConvention = {
  href: '/documents/convention-de-mentorat.pdf',
  file: 'public/documents/convention-de-mentorat.pdf',
} as const;
