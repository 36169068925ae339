import { createHash } from 'node:crypto';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { fillTokens, tokensFrom } from '../../schemas/fill-tokens.ts';
import { formToObject } from '../../schemas/form-to-object.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { nodesAlong, type SchemaNode } from '../../schemas/schema-walk.ts';
import {
  checkApplication,
  checkApplicationForm,
  formSchemas,
  type ApplicationKind,
} from '../../schemas/validators.ts';
import type { FieldProblem } from '../../schemas/format-errors.ts';
import { securityHeaders } from '../http/security-headers.ts';
import { FileExistsError, type DataStore } from '../store/data-store.ts';
import { SerialQueue } from '../store/serial-queue.ts';
import { applicationFolders } from '../screening/read-records.ts';
import { chooseCohort } from './choose-cohort.ts';
import { newId } from './new-id.ts';
import { checkProofOfWork, issueChallenge } from './proof-of-work.ts';
import { RateLimiter } from './rate-limiter.ts';
import { BodyTooLargeError, readFormBody } from './read-form-body.ts';
import { escapeHtml, paragraph, renderResultPage } from './render-result-page.ts';
import { refusal, type Refusal } from './refusals.ts';

export interface IntakeDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  /** Secret signing the proof-of-work challenges (from the environment, never committed). */
  secret: string;
  /** The built pages the results are shown in: `/candidature-recue/` and `/candidature-non-envoyee/`. */
  templates: { receipt: string; problems: string };
  clock?: () => Date;
  log?: (entry: Record<string, unknown>) => void;
  newId?: (kind: ApplicationKind) => string;
}

/** What the host knows about the request that a `Request` does not say. */
export interface ClientInfo {
  /** The client's network address, used only as a rate-limit key, never stored or logged. */
  address?: string;
}

export type IntakeHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

const referencePattern = /^(mentor|mentee)-[0-9a-z]{6}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const technicalFields = new Set(['altcha', 'idempotencyKey', 'website']);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Today in Issy-les-Moulineaux, `YYYY-MM-DD`. */
function parisDate(now: Date): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

/**
 * The intake: a host-independent `Request -> Response` handler that receives the application
 * forms and stores each valid application as one commit adding one file. Checks run in this
 * order, each refusal with a French message for the person and a log line without personal
 * data: method and content type, size, origin, honeypot, proof of work and fill time, rate
 * limit, validation; then the commit (idempotent) and the receipt.
 *
 * Routes: `GET /api/altcha/challenge`, `POST /api/candidatures/{mentor,mentee}`,
 * `GET /api/candidatures/recu?reference=…`.
 */
export function createIntakeHandler(deps: IntakeDependencies): IntakeHandler {
  const { store, settings, secret, templates } = deps;
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const makeId = deps.newId ?? newId;
  const tokens = tokensFrom(settings);
  const pow = { secret, ...settings.intake.proofOfWork };
  const limiter = new RateLimiter(settings.intake.rateLimit.perClientPerHour);
  const writes = new SerialQueue();
  // Proof-of-work challenges already used, with the submission they served: a challenge may
  // serve a retry of the same submission, never a second one.
  const usedChallenges = new Map<string, string>();
  let knownKeys: Promise<Map<string, string>> | undefined;

  const loadKnownKeys = async (): Promise<Map<string, string>> => {
    const keys = new Map<string, string>();
    for (const folder of Object.values(applicationFolders)) {
      const paths = await store.listFiles(folder);
      const texts = await store.readFiles(paths);
      for (const text of texts) {
        const record = JSON.parse(text ?? '{}') as {
          id?: string;
          intake?: { idempotencyKeyHash?: string };
        };
        if (record.id && record.intake?.idempotencyKeyHash)
          keys.set(record.intake.idempotencyKeyHash, record.id);
      }
    }
    return keys;
  };

  const allowedOrigins = (request: Request): Set<string> => {
    const own = new URL(request.url).origin;
    const site = settings.site.url ? new URL(settings.site.url).origin : undefined;
    return new Set([own, ...(site ? [site] : []), ...settings.intake.allowedOrigins]);
  };

  const corsHeaders = (request: Request): Record<string, string> => {
    const origin = request.headers.get('origin');
    if (!origin || origin === new URL(request.url).origin || !allowedOrigins(request).has(origin))
      return {};
    return { 'access-control-allow-origin': origin, vary: 'origin' };
  };

  const wantsJson = (request: Request) =>
    /application\/json/.test(request.headers.get('accept') ?? '');

  const receiptUrl = (request: Request, id: string) =>
    new URL(`/api/candidatures/recu?reference=${id}`, request.url).href;

  const labelOf = (kind: ApplicationKind, field: string): string => {
    const chain = nodesAlong(formSchemas[kind] as SchemaNode, field.split('.'));
    return fillTokens(chain.at(-1)?.node.title ?? field, tokens);
  };

  const refuse = (
    request: Request,
    kind: ApplicationKind | undefined,
    answer: Refusal,
  ): Response => {
    log({
      event: 'intake.refused',
      code: answer.code,
      status: answer.status,
      ...(kind ? { kind } : {}),
    });
    const problems = (answer.problems ?? []).map((p) => ({
      field: p.field,
      label: kind ? labelOf(kind, p.field) : p.field,
      message: frenchTypography(p.message),
    }));
    const headers = { ...securityHeaders, ...corsHeaders(request), ...answer.headers };
    if (wantsJson(request) || !kind) {
      return Response.json(
        { error: answer.code, message: frenchTypography(answer.message), problems },
        { status: answer.status, headers: { ...headers, 'cache-control': 'no-store' } },
      );
    }
    const list = problems.length
      ? `<ul>${problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')}</ul>`
      : '';
    const page = renderResultPage(
      templates.problems,
      paragraph(answer.message, ' class="intake-message"') + list,
      answer.status,
    );
    for (const [name, value] of Object.entries(headers)) page.headers.set(name, value);
    return page;
  };

  const accepted = (request: Request, id: string, status: 201 | 200): Response => {
    const headers = { ...corsHeaders(request), 'cache-control': 'no-store' };
    if (wantsJson(request)) {
      return Response.json(
        { reference: id, receiptUrl: receiptUrl(request, id) },
        { status, headers },
      );
    }
    // Post/Redirect/Get: reloading the receipt never sends the application again.
    return new Response(null, {
      status: 303,
      headers: { ...headers, location: receiptUrl(request, id) },
    });
  };

  const receive = async (
    request: Request,
    kind: ApplicationKind,
    client: ClientInfo,
  ): Promise<Response> => {
    const started = performance.now();
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(type))
      return refuse(request, kind, refusal('unsupported-content-type'));
    let entries: [string, string][];
    try {
      entries = await readFormBody(request, settings.intake.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse(request, kind, refusal('too-large'));
      throw error;
    }
    const origin = request.headers.get('origin');
    if (origin !== null && !allowedOrigins(request).has(origin))
      return refuse(request, kind, refusal('origin-not-allowed'));

    const field = (name: string) => entries.find(([key]) => key === name)?.[1];
    if (field('website')) return refuse(request, kind, refusal('honeypot'));

    const now = clock();
    const proof = await checkProofOfWork(field('altcha'), pow, now);
    if (proof.status === 'invalid') return refuse(request, kind, refusal('proof-of-work-invalid'));
    if (
      proof.status === 'verified' &&
      now.getTime() / 1000 - proof.issuedAt < settings.intake.minFillSeconds
    ) {
      return refuse(request, kind, refusal('too-fast'));
    }

    const retryAfter = limiter.attempt(client.address ?? 'unknown', now.getTime());
    if (retryAfter > 0)
      return refuse(
        request,
        kind,
        refusal('rate-limited', { headers: { 'retry-after': String(retryAfter) } }),
      );

    const form = formToObject(formSchemas[kind] as SchemaNode, entries);
    const today = parisDate(now);
    const checked = checkApplicationForm(kind, form, {
      today,
      communes: settings.eligibility.communes,
      mentorCapacityMax: settings.mentoring.mentorCapacityMax,
      tokens,
    });
    if (!checked.ok)
      return refuse(request, kind, refusal('invalid', { problems: checked.problems }));

    // A retry (double click, lost connection) sends the same key, or, without JavaScript, the
    // same answers: either way it gets the first submission's receipt, not a second entry.
    const clientKey = field('idempotencyKey');
    const key =
      clientKey && uuidPattern.test(clientKey)
        ? clientKey
        : JSON.stringify(entries.filter(([name]) => !technicalFields.has(name)));
    const keyHash = sha256(`binome:${kind}:${key}`);
    if (proof.status !== 'absent') {
      const servedKey = usedChallenges.get(proof.signature);
      if (servedKey && servedKey !== keyHash)
        return refuse(request, kind, refusal('proof-of-work-invalid'));
      usedChallenges.set(proof.signature, keyHash);
      if (usedChallenges.size > 50_000) usedChallenges.delete(usedChallenges.keys().next().value!);
    }

    try {
      return await writes.run(async () => {
        knownKeys ??= loadKnownKeys();
        const keys = await knownKeys;
        const existing = keys.get(keyHash);
        if (existing) {
          log({ event: 'intake.duplicate', kind, id: existing });
          return accepted(request, existing, 200);
        }
        const verified = proof.status === 'verified';
        for (let attempt = 1; ; attempt += 1) {
          const id = makeId(kind);
          const record = {
            schemaVersion: 1,
            id,
            submittedAt: now.toISOString(),
            cohort: chooseCohort(settings.cohorts, today),
            intake: {
              proofOfWork: verified ? 'verified' : 'absent',
              fillTime: verified ? 'ok' : 'unknown',
              needsReview: !verified,
              idempotencyKeyHash: keyHash,
            },
            ...checked.value,
          };
          const valid = checkApplication(kind, record);
          if (!valid.ok)
            throw new Error(
              `Built an invalid ${kind} record: ${JSON.stringify(valid.problems.map((p) => p.field))}`,
            );
          try {
            await store.commit(
              [
                {
                  path: `${applicationFolders[kind]}/${id}.json`,
                  content: JSON.stringify(record, null, 2) + '\n',
                },
              ],
              `Add application ${id}`,
              { create: true },
            );
          } catch (error) {
            if (error instanceof FileExistsError && attempt < 5) continue;
            throw error;
          }
          keys.set(keyHash, id);
          log({
            event: 'intake.accepted',
            kind,
            id,
            needsReview: !verified,
            ms: Math.round(performance.now() - started),
          });
          return accepted(request, id, 201);
        }
      });
    } catch (error) {
      knownKeys = undefined;
      log({
        event: 'intake.store-failed',
        kind,
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
      });
      return refuse(request, kind, refusal('store-unavailable'));
    }
  };

  return async (request, client = {}) => {
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders(request),
          'access-control-allow-methods': 'GET, POST',
          'access-control-max-age': '600',
        },
      });
    }
    if (url.pathname === '/api/altcha/challenge') {
      if (request.method !== 'GET')
        return refuse(request, undefined, refusal('method-not-allowed'));
      const challenge = await issueChallenge(pow, clock());
      return Response.json(challenge, {
        headers: { ...corsHeaders(request), 'cache-control': 'no-store' },
      });
    }
    if (url.pathname === '/api/candidatures/recu') {
      const reference = url.searchParams.get('reference') ?? '';
      if (!referencePattern.test(reference))
        return refuse(request, undefined, refusal('not-found'));
      const html = `<p class="intake-reference">Votre numéro de candidature : <strong>${escapeHtml(reference)}</strong></p>`;
      const page = renderResultPage(templates.receipt, frenchTypography(html), 200);
      for (const [name, value] of Object.entries(securityHeaders)) page.headers.set(name, value);
      return page;
    }
    const match = /^\/api\/candidatures\/(mentor|mentee)\/?$/.exec(url.pathname);
    if (!match) return refuse(request, undefined, refusal('not-found'));
    const kind = match[1] as ApplicationKind;
    if (request.method !== 'POST') {
      return refuse(request, kind, refusal('method-not-allowed', { headers: { allow: 'POST' } }));
    }
    return receive(request, kind, client);
  };
}

export type { FieldProblem };
