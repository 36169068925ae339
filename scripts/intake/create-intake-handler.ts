import type { ApplicationKind } from '../../schemas/data-layout.ts';
import { isApplicationId } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { rulesContext, rulesSettingsFrom } from '../../schemas/rules-context.ts';
import { formToObject } from '../../schemas/form-to-object.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { checkApplication, checkApplicationForm, formSchemas } from '../../schemas/validators.ts';
import { RejectedRequestError, type DataStore } from '../store/data-store.ts';
import { assembleApplication } from './assemble-application.ts';
import { newId } from './new-id.ts';
import { checkProofOfWork, issueChallenge } from './proof-of-work.ts';
import { RateLimiter } from './rate-limiter.ts';
import { readFormBody } from './read-form-body.ts';
import { refusal, type RefusalCode } from './refusals.ts';
import { createResponder } from './respond.ts';
import { sha256Hex } from './sha256-hex.ts';
import { storeApplication } from './store-application.ts';

export interface IntakeDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  /** Secret signing the proof-of-work challenges (from the environment, never committed). */
  secret: string;
  /** The built pages the results are shown in: `/candidature-recue/` and `/candidature-non-envoyee/`. */
  templates: { receipt: string; problems: string };
  /**
   * The intake's own origin (`https://…`), from configuration. Without it: the settings'
   * `intake.url`, else `site.url`, else the origin of the request's URL, which the host adapter
   * must build from its own configuration, never from the `Host` header (scripts/http/listen.ts).
   */
  origin?: string;
  /** More origins allowed to send forms (the local app adds the loopback aliases). */
  extraOrigins?: readonly string[];
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

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const technicalFields = new Set(['altcha', 'idempotencyKey', 'website']);
const originOf = (url: string) => (url ? new URL(url).origin : undefined);

/**
 * The intake: a host-independent `Request -> Response` handler that receives the application
 * forms and stores each valid application as one commit. It reads (body, origin, anti-bot
 * checks), assembles the record (a pure function), then applies it (storeApplication); every
 * answer, accepted or refused, has its French message, the security headers and no cache, and
 * every log line has a code, never a person.
 *
 * Routes: `GET /api/altcha/challenge`, `POST /api/candidatures/{mentor,mentee}`,
 * `GET /api/candidatures/recu?reference=…`.
 */
export function createIntakeHandler(deps: IntakeDependencies): IntakeHandler {
  const { store, settings, secret } = deps;
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const makeId = deps.newId ?? newId;
  const rules = rulesSettingsFrom(settings);
  const pow = { secret, ...settings.intake.proofOfWork };
  const limits = settings.intake.rateLimit;
  const limiters = {
    applications: new RateLimiter(limits.applicationsPerHour),
    submissions: new RateLimiter(limits.submissionsPerHour),
    challenges: new RateLimiter(limits.challengesPerHour),
  };
  const configured = deps.origin ?? originOf(settings.intake.url) ?? originOf(settings.site.url);
  const responders = new Map<string, ReturnType<typeof createResponder>>();
  const responderFor = (request: Request) => {
    const origin = configured ?? new URL(request.url).origin;
    let responder = responders.get(origin);
    if (!responder) {
      responder = createResponder({
        origin,
        allowedOrigins: [
          ...(originOf(settings.site.url) ? [originOf(settings.site.url)!] : []),
          ...settings.intake.allowedOrigins,
          ...(deps.extraOrigins ?? []),
        ],
        templates: deps.templates,
        tokens: rules.tokens,
      });
      responders.set(origin, responder);
    }
    return responder;
  };
  const structure = settings.structure.shortName;

  const receive = async (
    request: Request,
    kind: ApplicationKind,
    client: string,
  ): Promise<Response> => {
    const started = performance.now();
    const respond = responderFor(request);
    const now = clock();
    const at = now.getTime();
    const refuse = (code: RefusalCode, extra: Parameters<typeof refusal>[1] = {}) => {
      log({ event: 'intake.refused', code, kind });
      return respond.refuse(request, kind, refusal(code, { structure, ...extra }));
    };
    const tooMany = (wait: number) =>
      refuse('rate-limited', { headers: { 'retry-after': String(wait) } });
    // Every form sent counts here, corrections included; what costs the programme counts below.
    const waitSubmissions = limiters.submissions.attempt(client, at);
    if (waitSubmissions) return tooMany(waitSubmissions);
    const cost = () => limiters.applications.record(client, at);

    const body = await readFormBody(request, settings.intake.maxBodyBytes);
    if (!body.ok) return refuse(body.problem);
    const origin = request.headers.get('origin');
    if (origin !== null && !respond.allows(origin)) return refuse('origin-not-allowed');

    const { entries } = body;
    const values = (name: string) => entries.filter(([key]) => key === name).map(([, v]) => v);
    // A client whose attempts already cost too much waits, whatever it sends now.
    const waitCosts = limiters.applications.wait(client, at);
    if (waitCosts) return tooMany(waitCosts);
    if (values('website').some((v) => v !== '')) {
      cost();
      return refuse('honeypot');
    }

    const proof = await checkProofOfWork(values('altcha')[0], pow, now);
    if (proof.status === 'invalid') {
      cost();
      return refuse('proof-of-work-invalid');
    }
    if (
      proof.status === 'verified' &&
      at / 1000 - proof.issuedAt < settings.intake.minFillSeconds
    ) {
      cost();
      return refuse('too-fast');
    }

    const form = formToObject(formSchemas[kind] as SchemaNode, entries);
    const context = rulesContext(rules, now);
    const checked = checkApplicationForm(kind, form, context);
    if (!checked.ok) return refuse('invalid', { problems: checked.problems });

    // A retry (double click, lost connection) sends the same key, or, without JavaScript, the
    // same answers: either way it gets the first submission's receipt, not a second entry.
    const clientKey = values('idempotencyKey')[0];
    const key =
      clientKey && uuidPattern.test(clientKey)
        ? clientKey
        : JSON.stringify(entries.filter(([name]) => !technicalFields.has(name)));
    const keyHash = await sha256Hex(`binome:${kind}:${key}`);
    const verified = proof.status === 'verified';
    const outcome = await storeApplication(store, {
      kind,
      keyHash,
      ...(verified ? { challengeHash: await sha256Hex(proof.signature) } : {}),
      newId: makeId,
      render: (id) => {
        const record = assembleApplication(
          checked.value,
          {
            id,
            submittedAt: now.toISOString(),
            today: context.today,
            proofOfWork: verified ? 'verified' : 'absent',
            idempotencyKeyHash: keyHash,
          },
          settings.cohorts,
        );
        const valid = checkApplication(kind, record);
        if (!valid.ok)
          throw new IntakeBugError(
            `Built an invalid ${kind} record (fields ${valid.problems.map((p) => p.field).join(', ')}).`,
          );
        return JSON.stringify(record, null, 2) + '\n';
      },
    });
    if (outcome.status === 'replayed') {
      cost();
      return refuse('proof-of-work-invalid');
    }
    if (outcome.status === 'duplicate') {
      log({ event: 'intake.duplicate', kind, id: outcome.id });
      return respond.accepted(request, outcome.id, 200);
    }
    cost();
    log({
      event: 'intake.accepted',
      kind,
      id: outcome.id,
      needsReview: !verified,
      ms: Math.round(performance.now() - started),
    });
    return respond.accepted(request, outcome.id, 201);
  };

  const route = async (request: Request, client: string): Promise<Response> => {
    const url = new URL(request.url);
    const respond = responderFor(request);
    if (request.method === 'OPTIONS') {
      return respond.empty(request, 204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-max-age': '600',
      });
    }
    if (url.pathname === '/api/altcha/challenge') {
      if (request.method !== 'GET')
        return respond.refuse(
          request,
          undefined,
          refusal('method-not-allowed', { headers: { allow: 'GET' } }),
        );
      const wait = limiters.challenges.attempt(client, clock().getTime());
      if (wait) {
        log({ event: 'intake.refused', code: 'rate-limited', route: 'challenge' });
        return respond.refuse(
          request,
          undefined,
          refusal('rate-limited', { structure, headers: { 'retry-after': String(wait) } }),
        );
      }
      return respond.json(request, await issueChallenge(pow, clock()));
    }
    if (url.pathname === '/api/candidatures/recu') {
      const reference = url.searchParams.get('reference') ?? '';
      if (!isApplicationId(reference))
        return respond.refuse(request, undefined, refusal('not-found'));
      return respond.receipt(reference);
    }
    const match = /^\/api\/candidatures\/(mentor|mentee)\/?$/.exec(url.pathname);
    if (!match) return respond.refuse(request, undefined, refusal('not-found'));
    const kind = match[1] as ApplicationKind;
    if (request.method !== 'POST')
      return respond.refuse(
        request,
        kind,
        refusal('method-not-allowed', { headers: { allow: 'POST' } }),
      );
    return receive(request, kind, client);
  };

  return async (request, client = {}) => {
    try {
      return await route(request, client.address ?? 'unknown');
    } catch (error) {
      // Our bug (a record we built wrong, a request the store refused as malformed) is a 500
      // and is not retried; anything else from the store is an outage: 503, try again later.
      const bug = error instanceof IntakeBugError || error instanceof RejectedRequestError;
      log({
        event: bug ? 'intake.bug' : 'intake.store-failed',
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
      });
      const kind = /\/api\/candidatures\/(mentor|mentee)\/?$/.exec(safePath(request))?.[1] as
        ApplicationKind | undefined;
      return responderFor(request).refuse(
        request,
        kind,
        refusal(bug ? 'internal-error' : 'store-unavailable', { structure }),
      );
    }
  };
}

/** The intake built something invalid: a bug of ours, never the person's fault. */
export class IntakeBugError extends Error {
  override name = 'IntakeBugError';
}

function safePath(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return '';
  }
}
