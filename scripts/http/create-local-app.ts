import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { createIntakeHandler, type IntakeDependencies } from '../intake/create-intake-handler.ts';
import { loadTemplates } from '../intake/load-templates.ts';
import type { DataStore } from '../store/data-store.ts';
import { createDeskApi, type DeskApiOptions } from './desk-api.ts';
import { listen, type Handler } from './listen.ts';
import { serveStatic } from './serve-static.ts';

export interface LocalAppOptions {
  /** The built site (dist/). */
  root: string;
  store: DataStore;
  settings: ProgrammeSettings;
  /** The app's own origin (from configuration): the intake's receipts and origin check use it. */
  origin: string;
  /** More origins the forms may be sent from (the loopback aliases of a local address). */
  extraOrigins?: readonly string[];
  /** Signs proof-of-work challenges; a fresh one per process by default. */
  secret?: string;
  log?: IntakeDependencies['log'];
  clock?: IntakeDependencies['clock'];
  /** Where application ids come from (random by default; the demo's are seeded, to repeat). */
  newId?: IntakeDependencies['newId'];
  /** Public keys to seal identities to besides the settings' (the embedded default's own). */
  recipients?: IntakeDependencies['recipients'];
  minimumRecipients?: IntakeDependencies['minimumRecipients'];
  /**
   * The coordinators' desk's local side (issue 15): only where the server is this machine's
   * alone (serveLocalApp gives it on a loopback address, never behind a proxy).
   */
  desk?: Omit<DeskApiOptions, 'origins'>;
}

/**
 * The whole programme site on one origin, as `npm start` serves it: `/api/…` goes to the intake,
 * everything else to the built pages. The intake shows its results in the built result pages.
 */
export async function createLocalApp(options: LocalAppOptions): Promise<Handler> {
  const root = resolve(options.root);
  const intake = createIntakeHandler({
    store: options.store,
    settings: options.settings,
    secret: options.secret ?? randomBytes(32).toString('hex'),
    origin: options.origin,
    ...(options.extraOrigins ? { extraOrigins: options.extraOrigins } : {}),
    templates: await loadTemplates((slug) => builtPage(root, slug)),
    ...(options.log ? { log: options.log } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
    ...(options.recipients ? { recipients: options.recipients } : {}),
    ...(options.minimumRecipients ? { minimumRecipients: options.minimumRecipients } : {}),
  });
  const site = serveStatic(root, options.origin);
  const desk = options.desk
    ? createDeskApi({ ...options.desk, origins: [options.origin, ...(options.extraOrigins ?? [])] })
    : undefined;
  return (request, client) => {
    const path = new URL(request.url).pathname;
    if (desk && /^\/api\/coordination(\/|$)/.test(path)) return desk(request, client);
    return path.startsWith('/api/') ? intake(request, client) : site(request);
  };
}

/**
 * A page of the built site the intake answers with. Each is required: a site built without one
 * is older than this intake, and would answer a form with a page about something else.
 */
async function builtPage(root: string, slug: string): Promise<string> {
  try {
    return await readFile(resolve(root, slug, 'index.html'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`${root} has no page /${slug}/: build the site again (npm run build).`, {
      cause: error,
    });
  }
}

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Listens on `host:port` and serves the local app there. Its origin comes from configuration:
 * on a loopback address, that address (a person may type any of its names: each is allowed);
 * elsewhere, or on loopback behind a reverse proxy the settings name (`intake.trustedProxies`,
 * as with Caddy in deploy/node/), the settings' public address when it is set.
 */
export async function serveLocalApp(
  options: Omit<LocalAppOptions, 'origin' | 'extraOrigins'> & { port?: number; host?: string },
): Promise<{ server: Server; url: string }> {
  // The app needs the address the server got (port 0 picks one), so it comes second.
  const late: { app?: Handler } = {};
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const listening = await listen((request, client) => late.app!(request, client), port, host, {
    trustedProxies: options.settings.intake.trustedProxies ?? [],
  });
  const address = new URL(listening.url);
  const loopback = loopbackNames.includes(address.hostname);
  const configured = options.settings.intake.url || options.settings.site.url;
  // Behind a reverse proxy (which the settings name), a loopback address is the proxy's way in:
  // the public address is the origin, and only it.
  const proxied = (options.settings.intake.trustedProxies ?? []).length > 0;
  const local = loopback && !(configured && proxied);
  const origin = !local && configured ? new URL(configured).origin : address.origin;
  late.app = await createLocalApp({
    ...rest,
    origin,
    extraOrigins: local ? loopbackNames.map((name) => `http://${name}:${address.port}`) : [],
    // The desk reads the records without a key of GitHub's: this machine's server only.
    ...(local && options.desk ? { desk: options.desk } : {}),
  });
  return listening;
}
