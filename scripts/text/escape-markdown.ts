import { frenchTypography } from '../../schemas/french-typography.ts';

/**
 * Escapes text for GitHub Markdown and HTML (issue bodies, comments, job summaries, reviews):
 * record contents are never trusted to stay text otherwise (`core.summary` escapes nothing).
 * Besides Markdown and HTML syntax, `@` (a mention e-mails someone), `:` (emoji and links) and
 * `~` are escaped; line breaks become spaces, so that a table row stays one row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]()#|<>&@:~!]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** French text for GitHub: its no-break spaces first, then escaped (the escapes hide « : »). */
export function escapeFrenchMarkdown(text: string): string {
  return escapeMarkdown(frenchTypography(text));
}
