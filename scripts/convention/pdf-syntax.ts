import { zlibSync } from 'fflate';

/** A PDF text string for any Unicode text: UTF-16BE with its byte-order mark, in hex. */
export function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i += 1)
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** A date as PDF metadata writes it: `D:20261130170000Z`. */
export function pdfDate(date: Date): string {
  return `(D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}

/** An indirect object: its dictionary, and its stream compressed when there is one. */
export function indirectObject(number: number, dict: string, stream?: string): Uint8Array[] {
  if (stream === undefined) return [ascii(`${number} 0 obj\n${dict}\nendobj\n`)];
  // zlib-wrapped deflate, as /FlateDecode expects; fflate runs in a browser as in Node.
  const data = zlibSync(encoder.encode(stream));
  return [
    ascii(
      `${number} 0 obj\n${dict.replace(/>>$/, `/Filter /FlateDecode /Length ${data.length} >>`)}\nstream\n`,
    ),
    data,
    ascii('\nendstream\nendobj\n'),
  ];
}

const encoder = new TextEncoder();
/** PDF syntax is ASCII: what it holds of people is in hex (textString, glyph ids). */
export function ascii(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * The cross-reference stream that ends an incremental update (PDF 1.5, as the template's own):
 * the objects it writes, itself included, by number and byte offset, then the trailer's entries.
 * Returned whole, from `number 0 obj` to `%%EOF`, to be written at byte `offset`.
 */
export function xrefStream(
  number: number,
  offset: number,
  offsets: ReadonlyMap<number, number>,
  trailer: string,
): Uint8Array[] {
  const all = new Map(offsets).set(number, offset);
  const numbers = [...all.keys()].sort((a, b) => a - b);
  const index: number[] = [];
  const data = new Uint8Array(numbers.length * 7);
  numbers.forEach((n, i) => {
    if (i === 0 || n !== numbers[i - 1]! + 1) index.push(n, 0);
    index[index.length - 1]! += 1;
    const at = all.get(n)!;
    data.set([1, at >>> 24, (at >>> 16) & 255, (at >>> 8) & 255, at & 255, 0, 0], i * 7);
  });
  return [
    ascii(
      `${number} 0 obj\n<< /Type /XRef /W [1 4 2] /Index [${index.join(' ')}] ${trailer} /Length ${data.length} >>\nstream\n`,
    ),
    data,
    ascii(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`),
  ];
}
