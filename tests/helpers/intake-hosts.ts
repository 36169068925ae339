import { mkdtemp, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import {
  buildWorker,
  compatibilityDate,
  type WorkerBuild,
} from '../../scripts/dev/build-worker.ts';
import { serveLocalApp } from '../../scripts/http/create-local-app.ts';
import { listen } from '../../scripts/http/listen.ts';
import { gitHubStoreFromEnvironment } from '../../scripts/store/github-store-from-environment.ts';
import type { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { programmeSettings } from './intake-harness.ts';

/** The secret every instance of a test intake shares (as a Worker's secret does). */
export const hostSecret = 'a-test-secret-shared-by-every-instance-0123456789';

/** An intake running for real on one host, storing to a GitHub stand-in. */
export interface IntakeHost {
  name: 'node' | 'worker';
  /** Its address, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Every line it logged, as it logged it. */
  logs: string[];
  close(): Promise<void>;
}

/** The settings of the hosts' tests: the test keys, and a minimum fill time of one second. */
export const hostSettings = () =>
  programmeSettings((s) => {
    s.intake.minFillSeconds = 1;
  });

/** The stand-in as an API server, and the environment that names its repository. */
export async function standInApi(standIn: GitHubStandIn) {
  const api = await listen(standIn.handle);
  return {
    env: {
      BINOME_GITHUB_REPOSITORY: `${standIn.owner}/${standIn.repo}`,
      BINOME_GITHUB_TOKEN: 'github_pat_intake_host_0000',
      BINOME_GITHUB_API_URL: api.url.replace(/\/$/, ''),
    },
    close: () => closeServer(api.server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/**
 * The Node host as `npm start` runs it in production: the built site and the intake on one
 * port, the data repository on GitHub (the stand-in).
 */
export async function startNodeHost(
  env: Record<string, string>,
  settings: ProgrammeSettings = hostSettings(),
): Promise<IntakeHost> {
  const logs: string[] = [];
  const { server, url } = await serveLocalApp({
    root: 'dist',
    store: gitHubStoreFromEnvironment(env),
    settings,
    secret: hostSecret,
    minimumRecipients: 2,
    log: (entry) => logs.push(JSON.stringify(entry)),
  });
  return { name: 'node', url: url.replace(/\/$/, ''), logs, close: () => closeServer(server) };
}

const builds = new Map<string, Promise<WorkerBuild>>();

/** The Worker built once per test process for given settings. */
export function builtWorker(settings: ProgrammeSettings = hostSettings()): Promise<WorkerBuild> {
  const key = JSON.stringify(settings);
  let build = builds.get(key);
  if (!build) {
    build = mkdtemp(join(tmpdir(), 'binome-worker-')).then((outDir) =>
      buildWorker({ settings, outDir }),
    );
    builds.set(key, build);
  }
  return build;
}

/**
 * The Worker bundle as Miniflare runs a Worker: its module, the runtime's date, and bindings
 * (the shared secret unless `bindings` gives another).
 */
export async function workerModule(
  settings: ProgrammeSettings | undefined,
  bindings: Record<string, string>,
) {
  const { script, outDir } = await builtWorker(settings);
  return {
    scriptPath: script,
    modules: true as const,
    modulesRoot: outDir,
    compatibilityDate,
    bindings: { BINOME_INTAKE_SECRET: hostSecret, ...bindings },
  };
}

/**
 * The static assets as the build's wrangler.json configures them, in Miniflare's terms: which
 * paths run the Worker first, and what a missing page gets.
 */
async function assetsOf(outDir: string) {
  const { assets } = JSON.parse(await readFile(join(outDir, 'wrangler.json'), 'utf8')) as {
    assets: { directory: string; run_worker_first: string[]; not_found_handling: '404-page' };
  };
  return {
    directory: join(outDir, assets.directory),
    // Miniflare turns the paths into its router's rules, as wrangler does.
    run_worker_first: assets.run_worker_first,
    routerConfig: { has_user_worker: true },
    // As wrangler gives it to Miniflare (a missing page may still reach the Worker, which then
    // answers with the site's 404 page itself).
    assetConfig: { not_found_handling: assets.not_found_handling },
  };
}

/**
 * The Worker bundle running in workerd (Miniflare), as Cloudflare runs it: the site as static
 * assets, the Worker for `/api/*`, the rate limits in a Durable Object (unless `budgets` is
 * false). Each call is a separate instance, with its own memory and its own Durable Objects.
 */
export async function startWorkerHost(
  env: Record<string, string>,
  options: { settings?: ProgrammeSettings; budgets?: boolean } = {},
): Promise<IntakeHost & { miniflare: Miniflare }> {
  const module = await workerModule(options.settings, env);
  const logs: string[] = [];
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: 0,
      ...module,
      ...(options.budgets === false
        ? {}
        : { durableObjects: { CLIENT_BUDGETS: 'ClientBudgetObject' } }),
      assets: await assetsOf(module.modulesRoot),
      handleStructuredLogs: ({ message }) => logs.push(message),
    }),
  );
  const url = (await miniflare.ready).origin;
  return { name: 'worker', url, logs, miniflare, close: () => miniflare.dispose() };
}
