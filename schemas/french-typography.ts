/**
 * Puts the no-break spaces French typography wants where authors typed ordinary spaces: a
 * no-break space before « : » and inside « guillemets », a narrow one before « ; ! ? ».
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/ ([:»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ ([;!?])/g, '\u202f$1');
}
