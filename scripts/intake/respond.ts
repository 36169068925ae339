import { fillTokens, type TextTokens } from '../../schemas/fill-tokens.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { nodesAlong, type SchemaNode } from '../../schemas/schema-walk.ts';
import { pageWithForm } from '../../schemas/render-form.ts';
import { formSchemas, type FormKind } from '../../schemas/validators.ts';
import { isFollowUpForm, type Refusal } from './refusals.ts';
import { escapeHtml, paragraph, renderResultPage } from './render-result-page.ts';
import { securityHeadersFor } from './security-headers.ts';

/**
 * The built pages the intake answers with: for applications `/candidature-recue/` (the receipt)
 * and `/candidature-non-envoyee/` (any other refusal), for the follow-up forms
 * `/reponse-recue/` and `/reponse-non-envoyee/`; with a form's page (`/devenir-mentor/`,
 * `/trouver-un-mentor/`, `/point-etape/`, `/bilan-du-mentorat/`), that form sent without
 * JavaScript with mistakes comes back as the form itself, the answers and the messages in place
 * (without it, as the refusal page).
 */
export interface IntakeTemplates {
  receipt: string;
  problems: string;
  followUpReceipt: string;
  followUpProblems: string;
  forms?: Partial<Record<FormKind, string>>;
}

/** The intake's answers: every one with the security headers, none cached. */
export interface Responder {
  /** Whether `origin` may send forms here. */
  allows(origin: string): boolean;
  /** A refusal; `sent` (the fields as sent) lets a form come back with its answers. */
  refuse(
    request: Request,
    kind: FormKind | undefined,
    answer: Refusal,
    sent?: readonly (readonly [string, string])[],
  ): Response;
  accepted(request: Request, id: string, status: 201 | 200): Response;
  /** A follow-up stored (201) or a retry of one (200): no reference, nothing to quote. */
  followUpAccepted(request: Request, status: 201 | 200): Response;
  receipt(reference: string): Response;
  followUpReceipt(): Response;
  /** A receipt link whose reference is malformed (mistyped, cut): a French page, 404, never JSON. */
  unknownReceipt(): Response;
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
  templates: IntakeTemplates;
  tokens: TextTokens;
  /** What the form pages were built with, to render a form again. */
  intakeUrl: string;
  rules: unknown;
}

/** The fields as sent, by name, for a form rendered again (the technical ones are not kept). */
function valuesOf(sent: readonly (readonly [string, string])[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [name, value] of sent) {
    if (name === 'altcha' || name === 'website') continue;
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return values;
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
  const followUpReceiptPath = '/api/suivi/recu';
  const labelOf = (kind: FormKind, field: string): string => {
    const chain = nodesAlong(formSchemas[kind] as SchemaNode, field.split('.'));
    return frenchTypography(fillTokens(chain.at(-1)?.node.title ?? field, tokens));
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
    refuse(request, kind, answer, sent) {
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
      const form = templates.forms?.[kind];
      if (form && sent && answer.problems?.length) {
        const html = pageWithForm(
          form,
          {
            kind,
            schema: formSchemas[kind] as SchemaNode,
            intakeUrl: options.intakeUrl,
            rules: options.rules,
            tokens,
          },
          {
            values: valuesOf(sent),
            problems: answer.problems,
          },
        );
        return new Response(html, {
          status: answer.status,
          headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
        });
      }
      const list = problems.length
        ? `<ul>${problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')}</ul>`
        : '';
      return page(
        isFollowUpForm(kind) ? templates.followUpProblems : templates.problems,
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
    followUpAccepted(request, status) {
      if (wantsJson(request))
        return Response.json(
          { ok: true, receiptUrl: `${origin}${followUpReceiptPath}` },
          { status, headers: headersFor(request) },
        );
      return new Response(null, {
        status: 303,
        headers: headersFor(request, { location: followUpReceiptPath }),
      });
    },
    followUpReceipt() {
      // The page around it says what happens next; this says it arrived.
      const html = paragraph(
        'Votre réponse est bien enregistrée. Merci !',
        ' class="intake-message"',
      );
      return page(templates.followUpReceipt, html, 200, base);
    },
    receipt(reference) {
      const html = `<p class="intake-reference">Votre numéro de candidature : <strong>${escapeHtml(reference)}</strong></p>`;
      return page(templates.receipt, frenchTypography(html), 200, base);
    },
    unknownReceipt() {
      // A person follows this link from a browser (the receipt, a bookmark, an e-mail): whatever
      // it accepts, the answer is a page in French that says what to do (issue 8).
      const html =
        paragraph(
          'Ce lien de confirmation est incomplet ou mal recopié : il ne contient pas de numéro de candidature valide.',
          ' class="intake-message"',
        ) +
        paragraph(
          `Si vous avez envoyé une candidature, elle n’est pas perdue pour autant. Vérifiez le lien, ou contactez l’${tokens.structure} pour savoir si elle est bien arrivée.`,
        );
      // Not « Candidature non envoyée »: this person may well have applied (issue 8 review).
      const title = 'Lien de confirmation incorrect';
      const template = templates.problems
        .replace(/<title>[^<–]*/, `<title>${title} `)
        .replace(/<h1>[^<]*<\/h1>/, `<h1>${title}</h1>`)
        .replace(/(<meta name="description" content=")[^"]*/, `$1${title}.`)
        .replace(/<div id="intake-advice">[\s\S]*?<\/div>/, '');
      return page(template, html, 404, base);
    },
  };
}
