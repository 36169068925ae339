import type { ApplicationKind } from '../../schemas/data-layout.ts';
import { fillTokens, type TextTokens } from '../../schemas/fill-tokens.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { nodesAlong, type SchemaNode } from '../../schemas/schema-walk.ts';
import { formSchemas } from '../../schemas/validators.ts';
import type { Refusal } from './refusals.ts';
import { escapeHtml, paragraph, renderResultPage } from './render-result-page.ts';
import { securityHeadersFor } from './security-headers.ts';

/** The intake's answers: every one with the security headers, none cached. */
export interface Responder {
  /** Whether `origin` may send applications here. */
  allows(origin: string): boolean;
  refuse(request: Request, kind: ApplicationKind | undefined, answer: Refusal): Response;
  accepted(request: Request, id: string, status: 201 | 200): Response;
  receipt(reference: string): Response;
  json(
    request: Request,
    body: unknown,
    status?: number,
    headers?: Record<string, string>,
  ): Response;
  empty(request: Request, status: number, headers: Record<string, string>): Response;
}

export interface ResponderOptions {
  /** The intake's own origin, from its configuration, never from the request. */
  origin: string;
  /** Other sites allowed to send applications (the site's, when the intake is elsewhere). */
  allowedOrigins: readonly string[];
  templates: { receipt: string; problems: string };
  tokens: TextTokens;
}

const wantsJson = (request: Request) =>
  /application\/json/.test(request.headers.get('accept') ?? '');

export function createResponder(options: ResponderOptions): Responder {
  const { origin, templates, tokens } = options;
  const allowed = new Set([origin, ...options.allowedOrigins]);
  const base = { ...securityHeadersFor(origin), 'cache-control': 'no-store' };

  const cors = (request: Request): Record<string, string> => {
    const from = request.headers.get('origin');
    if (!from || from === origin || !allowed.has(from)) return {};
    return { 'access-control-allow-origin': from, vary: 'origin' };
  };
  const headersFor = (request: Request, extra: Record<string, string> = {}) => ({
    ...base,
    ...cors(request),
    ...extra,
  });
  const receiptPath = (id: string) => `/api/candidatures/recu?reference=${id}`;
  const labelOf = (kind: ApplicationKind, field: string): string => {
    const chain = nodesAlong(formSchemas[kind] as SchemaNode, field.split('.'));
    return fillTokens(chain.at(-1)?.node.title ?? field, tokens);
  };
  const page = (
    template: string,
    html: string,
    status: number,
    headers: Record<string, string>,
  ) => {
    const response = renderResultPage(template, html, status);
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  return {
    allows: (candidate) => allowed.has(candidate),
    json: (request, body, status = 200, headers = {}) =>
      Response.json(body, { status, headers: headersFor(request, headers) }),
    empty: (request, status, headers) =>
      new Response(null, { status, headers: headersFor(request, headers) }),
    refuse(request, kind, answer) {
      const problems = (answer.problems ?? []).map((p) => ({
        field: p.field,
        label: kind ? labelOf(kind, p.field) : p.field,
        message: frenchTypography(p.message),
      }));
      const headers = headersFor(request, answer.headers);
      const message = frenchTypography(answer.message);
      if (wantsJson(request) || !kind)
        return Response.json(
          { error: answer.code, message, problems },
          { status: answer.status, headers },
        );
      const list = problems.length
        ? `<ul>${problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')}</ul>`
        : '';
      return page(
        templates.problems,
        paragraph(answer.message, ' class="intake-message"') + list,
        answer.status,
        headers,
      );
    },
    accepted(request, id, status) {
      if (wantsJson(request))
        return Response.json(
          { reference: id, receiptUrl: `${origin}${receiptPath(id)}` },
          { status, headers: headersFor(request) },
        );
      // Post/Redirect/Get: reloading the receipt never sends the application again. The
      // location is relative: the browser resolves it against the address it posted to.
      return new Response(null, {
        status: 303,
        headers: headersFor(request, { location: receiptPath(id) }),
      });
    },
    receipt(reference) {
      const html = `<p class="intake-reference">Votre numéro de candidature : <strong>${escapeHtml(reference)}</strong></p>`;
      return page(templates.receipt, frenchTypography(html), 200, base);
    },
  };
}
