import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { createIntakeHandler, type IntakeDependencies } from '../intake/create-intake-handler.ts';
import type { DataStore } from '../store/data-store.ts';
import type { Handler } from './listen.ts';
import { serveStatic } from './serve-static.ts';

export interface LocalAppOptions {
  /** The built site (dist/). */
  root: string;
  store: DataStore;
  settings: ProgrammeSettings;
  /** Signs proof-of-work challenges; a fresh one per process by default. */
  secret?: string;
  log?: IntakeDependencies['log'];
  clock?: IntakeDependencies['clock'];
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
    templates: {
      receipt: await readFile(resolve(root, 'candidature-recue/index.html'), 'utf8'),
      problems: await readFile(resolve(root, 'candidature-non-envoyee/index.html'), 'utf8'),
    },
    ...(options.log ? { log: options.log } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const site = serveStatic(root);
  return (request, client) =>
    new URL(request.url).pathname.startsWith('/api/') ? intake(request, client) : site(request);
}
