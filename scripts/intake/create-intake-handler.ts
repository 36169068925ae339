import { isApplicationId, type ApplicationKind } from '../../schemas/data-layout.ts';
import { formOfPath } from '../../schemas/form-routes.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import { RejectedRequestError, type DataStore } from '../store/data-store.ts';
import { programmeRecipients } from '../privacy/programme-recipients.ts';
import { newId } from './new-id.ts';
import { issueChallenge } from './proof-of-work.ts';
import { budgetsInMemory, type ClientBudgets } from './client-budgets.ts';
import { IntakeBugError, receiveApplication, type IntakeContext } from './receive-application.ts';
import { receiveFollowUp } from './receive-follow-up.ts';
import { isFollowUpForm, refusal } from './refusals.ts';
import { UnreadableMarkerError } from './store-application.ts';
import { createResponder, type IntakeTemplates, type Responder } from './respond.ts';

export { IntakeBugError };
export type { IntakeTemplates };

export interface IntakeDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  /** Secret signing the proof-of-work challenges (from the environment, never committed). */
  secret: string;
  /** The built pages the intake answers with (see IntakeTemplates). */
  templates: IntakeTemplates;
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
  /**
   * Public keys to seal identities to besides the settings' own (the embedded default's key).
   * The intake is given no private key, ever: it can read nothing it stored.
   */
  recipients?: readonly string[];
  /** How many public keys sealing needs at least (2 in production: coordinators and backup). */
  minimumRecipients?: number;
  /**
   * Where the rate limits are kept: by default in this process's memory, exact for one process
   * (the Node host); a Worker keeps them in a Durable Object (scripts/http/worker-budgets.ts).
   */
  budgets?: ClientBudgets;
}

/** What the host knows about the request that a `Request` does not say. */
export interface ClientInfo {
  /** The client's network address, used only as a rate-limit key, never stored or logged. */
  address?: string;
}

export type IntakeHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

const originOf = (url: string) => (url ? new URL(url).origin : undefined);

/**
 * Follow-up codes refused per client and hour when the settings leave it out: a person who
 * mistypes theirs a few times gets through, while guessing one of 2^60 codes stays hopeless.
 */
export const defaultCodeAttemptsPerHour = 10;

/**
 * The intake: a host-independent `Request -> Response` handler that receives the application
 * forms and the participants' follow-up forms, and stores each valid one as one commit. It
 * reads (body, origin, anti-bot checks; for a follow-up, its code), assembles the record (a pure
 * function), then applies it (storeSubmission); every answer, accepted or refused, has its
 * French message, the security headers and no cache, and every log line has a code, never a
 * person.
 *
 * Routes: `GET /api/altcha/challenge`, `POST /api/candidatures/{mentor,mentee}`,
 * `GET /api/candidatures/recu?reference=…`, `POST /api/suivi/{point-etape,bilan}`,
 * `GET /api/suivi/recu` (schemas/form-routes.ts).
 */
export function createIntakeHandler(deps: IntakeDependencies): IntakeHandler {
  const { settings } = deps;
  const limits = settings.intake.rateLimit;
  const budgets = deps.budgets ?? budgetsInMemory;
  const intake: IntakeContext = {
    store: deps.store,
    settings,
    rules: rulesSettingsFrom(settings),
    pow: { secret: deps.secret, ...settings.intake.proofOfWork },
    limiters: {
      applications: budgets('applications', limits.applicationsPerHour),
      submissions: budgets('submissions', limits.submissionsPerHour),
      challenges: budgets('challenges', limits.challengesPerHour),
      codeAttempts: budgets(
        'codeAttempts',
        limits.codeAttemptsPerHour ?? defaultCodeAttemptsPerHour,
      ),
    },
    clock: deps.clock ?? (() => new Date()),
    log: deps.log ?? ((entry) => console.log(JSON.stringify(entry))),
    makeId: deps.newId ?? newId,
    structure: settings.structure.shortName,
    // At creation, so that a missing key stops the start, not the first applicant.
    recipients: programmeRecipients(settings, {
      extra: deps.recipients ?? [],
      atLeast: deps.minimumRecipients ?? 1,
    }),
  };
  if (!intake.recipients) intake.log({ event: 'intake.identities-stored-in-plain-text' });
  const { clock, log, limiters, pow, structure } = intake;
  const configured = deps.origin ?? originOf(settings.intake.url) ?? originOf(settings.site.url);
  const responders = new Map<string, Responder>();
  const responderFor = (request: Request): Responder => {
    const origin = configured ?? new URL(request.url).origin;
    let responder = responders.get(origin);
    if (!responder) {
      // Without a configured origin, the host adapter's few addresses: kept bounded anyway.
      if (responders.size >= 16) responders.clear();
      responder = createResponder({
        origin,
        allowedOrigins: [
          ...(originOf(settings.site.url) ? [originOf(settings.site.url)!] : []),
          ...settings.intake.allowedOrigins,
          ...(deps.extraOrigins ?? []),
        ],
        templates: deps.templates,
        tokens: intake.rules.tokens,
        intakeUrl: settings.intake.url,
        rules: intake.rules,
      });
      responders.set(origin, responder);
    }
    return responder;
  };

  const route = async (request: Request, client: string): Promise<Response> => {
    const url = new URL(request.url);
    const respond = responderFor(request);
    const form = formOfPath(url.pathname);
    const known = url.pathname === '/api/altcha/challenge' || form !== undefined;
    if (request.method === 'OPTIONS' && known) {
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
      const wait = await limiters.challenges.attempt(client, clock().getTime());
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
    if (/^\/api\/candidatures\/recu\/?$/.test(url.pathname)) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return respond.refuse(
          request,
          undefined,
          refusal('method-not-allowed', { headers: { allow: 'GET, HEAD' } }),
        );
      // A reference copied by hand may come in capitals or with a full stop after it.
      const reference = (url.searchParams.get('reference') ?? '')
        .trim()
        .replace(/[.,;:!?]+$/, '')
        .toLowerCase();
      if (!isApplicationId(reference)) return respond.unknownReceipt();
      return respond.receipt(reference);
    }
    if (/^\/api\/suivi\/recu\/?$/.test(url.pathname)) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return respond.refuse(
          request,
          undefined,
          refusal('method-not-allowed', { form: 'check-in', headers: { allow: 'GET, HEAD' } }),
        );
      return respond.followUpReceipt();
    }
    if (!form) return respond.refuse(request, undefined, refusal('not-found'));
    if (request.method !== 'POST')
      return respond.refuse(
        request,
        form,
        refusal('method-not-allowed', { form, headers: { allow: 'POST' } }),
      );
    return isFollowUpForm(form)
      ? receiveFollowUp(intake, request, form, client, respond)
      : receiveApplication(intake, request, form, client, respond);
  };

  return async (request, client = {}) => {
    try {
      return await route(request, clientKey(client.address));
    } catch (error) {
      // Our bug (a record we built wrong, a request the store refused as malformed) is a 500
      // and is not retried; anything else from the store is an outage: 503, try again later.
      const bug =
        error instanceof IntakeBugError ||
        error instanceof RejectedRequestError ||
        // A marker someone edited by hand: a lasting problem for a coordinator, not an outage.
        error instanceof UnreadableMarkerError;
      log({
        event: bug ? 'intake.bug' : 'intake.store-failed',
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
      });
      const kind = formOfPath(safePath(request));
      return responderFor(request).refuse(
        request,
        kind,
        refusal(bug ? 'internal-error' : 'store-unavailable', { structure, form: kind }),
      );
    }
  };
}

/**
 * The rate-limit key of a client: its address, or for IPv6 its /64 network (one household or
 * phone gets a whole /64, and would otherwise get a fresh budget per address).
 */
function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const groups = [...head.split(':').filter(Boolean)];
  const rest = tail.split(':').filter(Boolean);
  while (groups.length + rest.length < 8) groups.push('0');
  return [...groups, ...rest].slice(0, 4).join(':').toLowerCase() + '::/64';
}

function safePath(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return '';
  }
}
