// `npm run build:worker`: bundles the intake into one Cloudflare Worker module
// (dist-worker/worker.js), with the site's built pages beside it as the Worker's static assets
// (dist-worker/site/) and the wrangler configuration that deploys both (dist-worker/wrangler.json).
//
// What a Worker forbids or lacks is settled here, at build time:
// - generating code at run time: the schemas' validators are precompiled (Ajv standalone) and
//   replace schemas/compile-schema.ts in the bundle;
// - a disk: the settings (checked) and the pages the intake answers with are in the bundle;
// - Node's modules: none may be imported (the bundle is built for a neutral platform, so an
//   import of `node:…` anywhere on the intake's path fails the build, naming the module).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { loadTemplates } from '../intake/load-templates.ts';
import { deskHeaderPolicy, deskPath } from '../../schemas/desk-policy.ts';
import { securityHeadersFor } from '../intake/security-headers.ts';
import { programmeRecipients } from '../privacy/programme-recipients.ts';
import { UsageError } from '../commands/usage-error.ts';
import { precompiledValidators } from './precompiled-validators.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** The Workers runtime's behaviour the Worker is written for (a date of workerd's releases). */
export const compatibilityDate = '2026-11-17';

export interface WorkerBuild {
  /** The Worker module. */
  script: string;
  /** The folder wrangler deploys: worker.js, wrangler.json and site/. */
  outDir: string;
  bytes: number;
  gzipBytes: number;
}

export interface BuildWorkerOptions {
  /** The programme's settings, already read and checked (readSettings). */
  settings: ProgrammeSettings;
  /** The built site (dist/). */
  site?: string;
  outDir?: string;
  /** The worker's name on Cloudflare. */
  name?: string;
  /** Plain (non-secret) variables for wrangler.json, e.g. BINOME_GITHUB_REPOSITORY. */
  vars?: Record<string, string>;
}

/**
 * The `_headers` file of the Worker's static assets: the site's pages get the intake's headers
 * (HSTS too, when the public address is https).
 */
export function assetHeaders(publicUrl: string): string {
  const origin = publicUrl ? new URL(publicUrl).origin : '';
  const block = (path: string, headers: Record<string, string>, detach: string[] = []) =>
    `${path}\n` +
    detach.map((name) => `  ! ${name}\n`).join('') +
    Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}\n`)
      .join('');
  // A request matching both rules would get both policies, which a browser enforces together:
  // the desk's rule first detaches the site's (Cloudflare's « ! » syntax), then sets its own.
  return (
    block('/*', securityHeadersFor(origin)) +
    block(`/${deskPath}/*`, { 'content-security-policy': deskHeaderPolicy }, [
      'content-security-policy',
    ])
  );
}

/** Builds the Worker (see the top of this file); throws, in French, on settings it cannot use. */
export async function buildWorker(options: BuildWorkerOptions): Promise<WorkerBuild> {
  const site = resolve(options.site ?? 'dist');
  const outDir = resolve(options.outDir ?? 'dist-worker');
  const { settings } = options;
  // A Worker writes to GitHub only, where identities are sealed to two keys at least.
  programmeRecipients(settings, { atLeast: 2 });
  const templates = await loadTemplates(async (slug) => {
    try {
      return await readFile(resolve(site, slug, 'index.html'), 'utf8');
    } catch {
      throw new UsageError(
        `Le site construit (${site}) n’a pas de page /${slug}/ : lancez npm run build.`,
      );
    }
  });
  const notFound = await readFile(resolve(site, '404.html'), 'utf8').catch(() => {
    throw new UsageError(`Le site construit (${site}) n’a pas de page 404 : lancez npm run build.`);
  });
  const built = JSON.stringify({ settings, templates, notFound });
  const entry =
    `import { createWorker } from ${JSON.stringify(resolve(root, 'scripts/http/create-worker.ts'))};\n` +
    `export { ClientBudgetObject } from ${JSON.stringify(resolve(root, 'scripts/http/worker-budgets.ts'))};\n` +
    // JSON.parse of a string is read faster than the same object as code.
    `export default createWorker(JSON.parse(${JSON.stringify(built)}));\n`;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'worker-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    target: 'es2024',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: [precompiledValidators()],
  });
  const script = resolve(outDir, 'worker.js');
  const code = result.outputFiles[0]!.contents;
  await writeFile(script, code);
  await cp(site, resolve(outDir, 'site'), { recursive: true });
  // Where the Worker answers: the settings' address, else the deployment's.
  const publicUrl =
    settings.intake.url || settings.site.url || options.vars?.['BINOME_PUBLIC_URL'] || '';
  await writeFile(resolve(outDir, 'site', '_headers'), assetHeaders(publicUrl));
  const host = publicUrl ? new URL(publicUrl).hostname : '';
  const customDomain = host !== '' && !host.endsWith('.workers.dev');
  const config = {
    name: options.name ?? 'binome-intake',
    main: 'worker.js',
    compatibility_date: compatibilityDate,
    // The bundle is ours, already built: wrangler uploads it as it is.
    no_bundle: true,
    find_additional_modules: false,
    // The site's pages are served by Cloudflare without running the Worker (free, unmetered);
    // the Worker runs for the intake's addresses only.
    assets: {
      directory: 'site',
      run_worker_first: ['/api/*'],
      // A page that does not exist gets the site's own 404 page, without running the Worker.
      not_found_handling: '404-page',
    },
    // On the structure's own domain (on Cloudflare), and nowhere else: a copy of the site on
    // *.workers.dev would send forms from an origin the intake refuses.
    ...(customDomain
      ? { routes: [{ pattern: host, custom_domain: true }], workers_dev: false }
      : {}),
    durable_objects: { bindings: [{ name: 'CLIENT_BUDGETS', class_name: 'ClientBudgetObject' }] },
    migrations: [{ tag: 'v1', new_sqlite_classes: ['ClientBudgetObject'] }],
    vars: options.vars ?? {},
    // The intake's own log lines (codes and ids), not Cloudflare's per-request records, which
    // would keep every client's address and headers.
    observability: { enabled: true, logs: { invocation_logs: false } },
  };
  await writeFile(resolve(outDir, 'wrangler.json'), JSON.stringify(config, null, 2) + '\n');
  return { script, outDir, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength };
}
