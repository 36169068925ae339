import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import {
  createIntakeHandler,
  type IntakeHandler,
  type IntakeTemplates,
} from '../intake/create-intake-handler.ts';
import { paragraph, renderResultPage } from '../intake/render-result-page.ts';
import { securityHeadersFor } from '../intake/security-headers.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import {
  gitHubStoreFromEnvironment,
  type GitHubEnvironment,
} from '../store/github-store-from-environment.ts';
import { httpsOrigin } from './https-origin.ts';
import { durableBudgets, type DurableObjectNamespaceLike } from './worker-budgets.ts';

/** What `npm run build:worker` puts into the bundle: the settings and the built pages. */
export interface BuiltIntake {
  settings: ProgrammeSettings;
  templates: IntakeTemplates;
  /** The site's 404 page, for a path no page has that still reaches the Worker. */
  notFound: string;
}

/**
 * A Worker's environment: its secrets (`wrangler secret put`), its variables and its bindings.
 * The data repository is always on GitHub: a Worker has no disk.
 */
export interface WorkerEnvironment extends GitHubEnvironment {
  /** Signs the proof-of-work challenges and keys the digests: the same for every instance. */
  BINOME_INTAKE_SECRET?: string;
  /**
   * The intake's public address (`https://…`), when the settings do not say it (`intake.url`,
   * else `site.url`): the settings' own comes first, as on the Node host.
   */
  BINOME_PUBLIC_URL?: string;
  /** The Durable Objects that keep the rate limits (ClientBudgetObject); without, memory. */
  CLIENT_BUDGETS?: DurableObjectNamespaceLike;
}

/** The secret must be shared by every instance and hard to guess: 32 characters at least. */
const minimumSecretLength = 32;

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * The intake as a Cloudflare Worker: the host adapter around the one intake handler. Each
 * instance builds the handler from its environment on its first request and keeps it (a cache
 * of configuration, nothing correctness depends on: idempotency and replays are settled by the
 * data repository, rate limits by Durable Objects). The client's address is Cloudflare's
 * `CF-Connecting-IP`, which Cloudflare sets itself, used only as a rate-limit key.
 */
export function createWorker(built: BuiltIntake) {
  let handler: IntakeHandler | undefined;
  const start = (env: WorkerEnvironment): IntakeHandler => {
    const secret = env.BINOME_INTAKE_SECRET ?? '';
    if (secret.length < minimumSecretLength)
      throw new Error(
        `BINOME_INTAKE_SECRET must be set, ${minimumSecretLength} characters or more (wrangler secret put BINOME_INTAKE_SECRET).`,
      );
    if (!env.BINOME_GITHUB_REPOSITORY)
      throw new Error('BINOME_GITHUB_REPOSITORY must be set (owner/repository).');
    return createIntakeHandler({
      store: gitHubStoreFromEnvironment(env),
      settings: built.settings,
      secret,
      templates: built.templates,
      ...(!built.settings.intake.url && !built.settings.site.url && env.BINOME_PUBLIC_URL
        ? { origin: publicOrigin(env.BINOME_PUBLIC_URL) }
        : {}),
      // On GitHub, identities are sealed to the coordinators' key and the offline backup's.
      minimumRecipients: 2,
      log,
      ...(env.CLIENT_BUDGETS
        ? { budgets: durableBudgets(env.CLIENT_BUDGETS, { secret, log }) }
        : {}),
    });
  };
  return {
    async fetch(request: Request, env: WorkerEnvironment): Promise<Response> {
      // The static assets answer every page; a path none has may still come here.
      if (!new URL(request.url).pathname.startsWith('/api/')) return notFound(built, request);
      if (!handler) {
        try {
          handler = start(env);
        } catch (error) {
          // The variable's name, never its value.
          log({
            event: 'intake.misconfigured',
            error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
          });
          return unavailable(built, request);
        }
      }
      const address = request.headers.get('cf-connecting-ip');
      return handler(request, address ? { address } : {});
    },
  };
}

/** The origin of BINOME_PUBLIC_URL; throws, naming the variable. */
function publicOrigin(address: string): string {
  const origin = httpsOrigin(address);
  if (!origin)
    throw new Error(
      'BINOME_PUBLIC_URL must be an https:// address, e.g. https://mentorat.example.org.',
    );
  return origin;
}

const unavailableMessage =
  'Le service d’envoi des formulaires est momentanément indisponible : rien n’a été enregistré. Réessayez plus tard.';

/** A French answer for a Worker that cannot start (a secret missing): 503, nothing stored. */
function unavailable(built: BuiltIntake, request: Request): Response {
  const headers = { ...securityHeadersFor(originOf(request)), 'retry-after': '300' };
  // The form's script reads JSON; a browser without JavaScript, a page.
  if (/application\/json/.test(request.headers.get('accept') ?? ''))
    return Response.json(
      { error: 'store-unavailable', message: frenchTypography(unavailableMessage), problems: [] },
      { status: 503, headers: { ...headers, 'cache-control': 'no-store' } },
    );
  const response = renderResultPage(
    built.templates.problems,
    paragraph(unavailableMessage, ' class="intake-message"'),
    503,
  );
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The site's own 404 page, with the headers of every page. */
function notFound(built: BuiltIntake, request: Request): Response {
  return new Response(request.method === 'HEAD' ? null : built.notFound, {
    status: 404,
    headers: {
      ...securityHeadersFor(originOf(request)),
      'content-type': 'text/html; charset=utf-8',
    },
  });
}

function originOf(request: Request): string {
  try {
    return new URL(request.url).origin;
  } catch {
    // A Worker is always given an absolute URL; without one, no HSTS.
    return '';
  }
}
