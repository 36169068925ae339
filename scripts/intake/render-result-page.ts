import { escapeHtml } from '../../schemas/escape-html.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';

export { escapeHtml };

/**
 * Puts the intake's result into a page the site built (`/candidature-recue/`,
 * `/candidature-non-envoyee/`): the content of its `<div id="intake-result">` is replaced by
 * `html`, which the caller builds from escaped text only.
 */
export function renderResultPage(template: string, html: string, status: number): Response {
  const page = template.replace(
    /(<div id="intake-result"[^>]*>)[\s\S]*?(<\/div>)/,
    (_, open: string, close: string) => `${open}${html}${close}`,
  );
  return new Response(page, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** A paragraph of French text, escaped, with French typography. */
export function paragraph(text: string, attributes = ''): string {
  return `<p${attributes}>${escapeHtml(frenchTypography(text))}</p>`;
}
