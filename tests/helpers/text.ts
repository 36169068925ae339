const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The visible text of an HTML fragment, entities decoded (enough for our own built pages). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, code: string) => {
      if (code[0] === '#') {
        const n =
          code[1]?.toLowerCase() === 'x'
            ? parseInt(code.slice(2), 16)
            : parseInt(code.slice(1), 10);
        return String.fromCodePoint(n);
      }
      return entities[code.toLowerCase()] ?? match;
    });
}

/**
 * Folds what typography changes and wording does not: apostrophes, no-break spaces, runs of
 * white space, and Markdown's emphasis marks.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/\*\*|__/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** The blocks of a Markdown document (headings, paragraphs, list items), markup removed. */
export function markdownBlocks(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->/g, '');
  return body
    .split(/\n/)
    .map((line) => line.replace(/<[^>]+>/g, '').replace(/^#{1,6}\s+|^[-*]\s+/, ''))
    .map(normalizeText)
    .filter(Boolean);
}
