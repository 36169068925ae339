/**
 * Binôme's reply to a comment command (Markdown for GitHub, every typed character escaped as a
 * character reference) as plain text for a page that shows it with `textContent`: the references
 * decoded, the bold and code marks dropped, one line per command. Pure.
 */
export function plainReply(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\*\*|`/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(
      /&(amp|lt|gt|quot);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!,
    )
    .split('\n')
    .map((line) => line.replace(/^\s*[-*]\s+/, '').trim())
    .filter(Boolean)
    .join('\n');
}
