/**
 * Escapes text for GitHub Markdown and HTML (issue bodies, comments, job summaries): record
 * contents are never trusted to stay text otherwise (`core.summary` escapes nothing).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()#|<>&]/g, (c) => `&#${c.charCodeAt(0)};`);
}
