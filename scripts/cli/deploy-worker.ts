import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../commands/usage-error.ts';
import { buildWorker } from '../dev/build-worker.ts';
import { httpsOrigin } from '../http/https-origin.ts';
import { appKeyAsPkcs8 } from '../store/app-key.ts';
import { programmeSettings } from './programme-settings.ts';
import { runCli } from './run-cli.ts';

const help = `npm run deploy:worker [-- --name <nom>] [-- --out <dossier>] [-- --dry-run]

Déploie la réception des formulaires et le site sur Cloudflare Workers, avec wrangler : le site
construit (npm run build -- --production) en fichiers statiques, le Worker pour /api/*, les
limites de débit dans un Durable Object. Les secrets sont envoyés avec le déploiement, jamais
écrits ailleurs que dans un fichier temporaire effacé aussitôt.

Variables d’environnement :
  CLOUDFLARE_API_TOKEN        jeton Cloudflare (droit « Workers Scripts : Edit ») ; pas pour --dry-run
  CLOUDFLARE_ACCOUNT_ID       si le jeton ouvre plusieurs comptes
  BINOME_GITHUB_REPOSITORY    le dépôt de données privé (propriétaire/dépôt)
  BINOME_GITHUB_APP_ID, BINOME_GITHUB_INSTALLATION_ID et BINOME_GITHUB_APP_PRIVATE_KEY_FILE
                              l’application GitHub (conseillé ; la clé telle que GitHub la donne)
  ou BINOME_GITHUB_TOKEN      un jeton à grain fin limité au dépôt de données
  BINOME_INTAKE_SECRET        au premier déploiement (32 caractères au moins, par exemple
                              « openssl rand -hex 32 ») ; ensuite, absent, celui en place est gardé
  BINOME_PUBLIC_URL           l’adresse publique (https://…), sinon « site.url » des réglages

--dry-run construit et vérifie tout avec wrangler sans rien envoyer.`;

const wrangler = resolve(import.meta.dirname, '../../node_modules/wrangler/bin/wrangler.js');

/** The Worker's plain variables and its secrets, from the environment; French on a mistake. */
async function configuration(env: NodeJS.ProcessEnv, dryRun: boolean) {
  const repository = env['BINOME_GITHUB_REPOSITORY'] ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository))
    throw new UsageError(
      'Indiquez le dépôt de données dans BINOME_GITHUB_REPOSITORY, sous la forme propriétaire/dépôt.',
    );
  const vars: Record<string, string> = { BINOME_GITHUB_REPOSITORY: repository };
  const secrets: Record<string, string> = {};
  const appId = env['BINOME_GITHUB_APP_ID'];
  if (appId) {
    const installation = env['BINOME_GITHUB_INSTALLATION_ID'] ?? '';
    if (!/^\d+$/.test(installation))
      throw new UsageError(
        'Avec BINOME_GITHUB_APP_ID, indiquez aussi BINOME_GITHUB_INSTALLATION_ID (un nombre).',
      );
    const file = env['BINOME_GITHUB_APP_PRIVATE_KEY_FILE'];
    const key = file
      ? await readFile(file, 'utf8').catch(() => {
          throw new UsageError(`Le fichier de clé ${file} n’a pas pu être lu.`);
        })
      : env['BINOME_GITHUB_APP_PRIVATE_KEY']?.replace(/\\n/g, '\n');
    if (!key)
      throw new UsageError(
        'Avec BINOME_GITHUB_APP_ID, indiquez le fichier de la clé privée de l’application dans BINOME_GITHUB_APP_PRIVATE_KEY_FILE.',
      );
    Object.assign(vars, {
      BINOME_GITHUB_APP_ID: appId,
      BINOME_GITHUB_INSTALLATION_ID: installation,
    });
    const converted = appKeyAsPkcs8(key);
    if (!converted)
      throw new UsageError(
        'La clé privée de l’application GitHub n’a pas pu être lue : donnez le fichier .pem téléchargé depuis GitHub (BINOME_GITHUB_APP_PRIVATE_KEY_FILE).',
      );
    secrets['BINOME_GITHUB_APP_PRIVATE_KEY'] = converted;
  } else if (env['BINOME_GITHUB_TOKEN']) {
    secrets['BINOME_GITHUB_TOKEN'] = env['BINOME_GITHUB_TOKEN'];
  } else {
    throw new UsageError(
      'Indiquez comment écrire dans le dépôt de données : BINOME_GITHUB_APP_ID (conseillé) ou BINOME_GITHUB_TOKEN.',
    );
  }
  const secret = env['BINOME_INTAKE_SECRET'];
  if (secret !== undefined) {
    if (secret.length < 32)
      throw new UsageError(
        'BINOME_INTAKE_SECRET doit compter 32 caractères au moins (par exemple : openssl rand -hex 32).',
      );
    secrets['BINOME_INTAKE_SECRET'] = secret;
  }
  if (!dryRun && !env['CLOUDFLARE_API_TOKEN'])
    throw new UsageError(
      'Indiquez le jeton Cloudflare dans CLOUDFLARE_API_TOKEN (droit « Workers Scripts : Edit »).',
    );
  return { vars, secrets };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [wrangler, ...args], { stdio: 'inherit', env });
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? 1));
  });
}

// `npm run deploy:worker`: see the help above. Wrangler reads CLOUDFLARE_API_TOKEN itself.
await runCli(async () => {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        name: { type: 'string', default: 'binome-intake' },
        out: { type: 'string', default: 'dist-worker' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch {
    throw new UsageError(`Arguments non reconnus.\n\n${help}`);
  }
  if (values.help) {
    console.log(help);
    return;
  }
  const dryRun = values['dry-run'];
  const { settings } = await programmeSettings();
  const { vars, secrets } = await configuration(process.env, dryRun);
  const given = process.env['BINOME_PUBLIC_URL'];
  if (given) {
    const origin = httpsOrigin(given);
    if (!origin)
      throw new UsageError(
        `BINOME_PUBLIC_URL doit être une adresse https://, par exemple https://mentorat.exemple.fr (reçu : « ${given.slice(0, 80)} »).`,
      );
    vars['BINOME_PUBLIC_URL'] = origin;
  }
  const publicUrl = settings.intake.url || settings.site.url || vars['BINOME_PUBLIC_URL'];
  const built = await buildWorker({ settings, name: values.name, vars, outDir: values.out });
  console.log(
    `Worker construit : ${built.script} (${Math.round(built.gzipBytes / 1024)} Kio compressé).`,
  );
  if (!secrets['BINOME_INTAKE_SECRET'])
    console.log(
      'BINOME_INTAKE_SECRET absent : le secret déjà en place sur Cloudflare est gardé (au premier déploiement, il faut le donner).',
    );
  const folder = await mkdtemp(join(tmpdir(), 'binome-deploy-'));
  // The secrets' file goes whatever stops the deployment, Ctrl+C included.
  const forget = () => rmSync(folder, { recursive: true, force: true });
  process.on('exit', forget);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      forget();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  try {
    const secretsFile = join(folder, 'secrets.json');
    await writeFile(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
    const code = await run(
      [
        'deploy',
        '--config',
        join(built.outDir, 'wrangler.json'),
        '--secrets-file',
        secretsFile,
        ...(dryRun ? ['--dry-run', '--outdir', join(folder, 'out')] : []),
      ],
      { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    );
    if (code !== 0) {
      console.error(
        'wrangler n’a pas pu déployer le Worker (voir son message ci-dessus) : le Worker en place, s’il y en a un, n’a pas changé.',
      );
      process.exitCode = 1;
      return;
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  console.log(
    dryRun
      ? 'Vérification terminée : rien n’a été envoyé.'
      : `Déployé. Vérifiez : ${publicUrl || 'l’adresse affichée par wrangler'}/api/altcha/challenge doit répondre.`,
  );
});
