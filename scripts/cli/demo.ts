import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { deskActions } from '../commands/desk-actions.ts';
import { folderDelivery } from '../commands/delivery.ts';
import { parseCommandLine } from '../commands/parse-command-line.ts';
import { textProgress } from '../commands/progress.ts';
import { findChromium, renderPdf } from '../commands/render-pdf.ts';
import { UsageError } from '../commands/usage-error.ts';
import { DemoError, runDemo } from '../demo/run-demo.ts';
import { serveLocalApp } from '../http/create-local-app.ts';
import { programmeSettings } from './programme-settings.ts';
import { runCli } from './run-cli.ts';

// `npm run demo`: see runDemo. Builds nothing itself (npm run demo builds the site first).
const usage = `Utilisation :
  npm run demo [-- --mentors <nombre>] [-- --mentores <nombre>] [-- --out <dossier>]
               [-- --seed <nombre>] [-- --port <port>] [-- --no-serve] [-- --no-build]
    crée un programme de démonstration complet, avec des personnes inventées, dans un nouveau
    dépôt de données local (dossier demo), et le fait vivre par les vraies étapes : candidatures
    envoyées au formulaire du site, sélection, appariement et sa revue, acceptation, conventions,
    signatures, six mois de rencontres et de points d’étape, suivi hebdomadaire, bilan du
    programme. Dit à chaque étape où regarder, puis sert le site et l’espace coordination.
    Deux démonstrations de mêmes réglages donnent les mêmes données.
    --mentors <nombre>   combien de mentors (60 par défaut)
    --mentores <nombre>  combien de mentorés (80 par défaut)
    --out <dossier>      le dossier de la démonstration (demo par défaut), remplacé à chaque fois
    --seed <nombre>      le tirage des personnes (2026 par défaut)
    --port <port>        le port du site servi à la fin (4321 par défaut)
    --no-serve           s’arrête à la fin, sans servir le site
    --no-build           ne construit pas le site d’abord (il l’est déjà, dans dist)
  Le site et l’espace coordination servis à la fin vivent au calendrier de la démonstration,
  qui reprend à son dernier jour (fin juin 2027).`;

const whole = (text: string | undefined, name: string, min: number, max: number) => {
  const value = Number(text);
  if (!/^[0-9]+$/.test(text ?? '') || value < min || value > max)
    throw new UsageError(`${name} doit être un nombre entier de ${min} à ${max}.\n\n${usage}`);
  return value;
};

/** Whether nothing listens on `port` of this machine's loopback address. */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

await runCli(async () => {
  const parsed = parseCommandLine(
    process.argv.slice(2),
    usage,
    {
      mentors: { type: 'string', default: '60' },
      mentores: { type: 'string', default: '80' },
      out: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '2026' },
      port: { type: 'string', default: process.env['PORT'] ?? '4321' },
      'no-serve': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
    (line) => console.log(line),
  );
  if (!parsed) return;
  if (parsed.positionals.length > 0) throw new UsageError(usage);
  const { values } = parsed;
  const mentors = whole(values.mentors, '--mentors', 2, 2000);
  const mentees = whole(values.mentores, '--mentores', 2, 2000);
  const seed = whole(values.seed, '--seed', 0, 2 ** 31);
  const port = whole(
    values.port,
    values.port === process.env['PORT'] ? 'PORT' : '--port',
    0,
    65535,
  );
  // A port already taken is said now, not after the whole demo.
  if (!values['no-serve'] && port !== 0 && !(await portFree(port)))
    throw new UsageError(
      `Le port ${port} est déjà utilisé (un autre npm start ?) : arrêtez ce serveur, ou choisissez-en un autre avec --port.`,
    );
  if (!values['no-build']) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) {
      console.error(
        frenchTypography(
          'La construction du site a échoué (voir ci-dessus) : la démonstration n’a pas commencé.',
        ),
      );
      process.exitCode = 1;
      return;
    }
  }
  const { settings } = await programmeSettings();
  const say = (line: string) => console.log(frenchTypography(line));
  const chromium = findChromium(process.env);
  const started = performance.now();
  say('Démonstration de Binôme : un programme inventé, de la candidature au bilan.');
  let outcome;
  try {
    outcome = await runDemo({
      directory: values.out!,
      mentors,
      mentees,
      seed,
      settings,
      siteRoot: 'dist',
      say,
      progress: textProgress(process.stdout),
      pdf: (html) => (chromium ? renderPdf(html, chromium) : Promise.resolve(undefined)),
    });
  } catch (error) {
    // A step refused: its message says which and why (codes and counts, never a person).
    if (!(error instanceof DemoError) && !(error instanceof UsageError)) throw error;
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.error(frenchTypography(`La démonstration s’est arrêtée : ${error.message}`));
    process.exitCode = 1;
    return;
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  say(
    `\nTerminé en ${seconds} s : ${outcome.applications} candidatures, ${outcome.pairs} binômes, ${outcome.conventions} conventions, ${outcome.checkIns} points d’étape, un suivi hebdomadaire et un bilan.`,
  );
  if (values['no-serve']) return;
  const deliver = folderDelivery(resolve(values.out!, 'documents'));
  let firstCode = '';
  let serving = false;
  // Served on the demo's calendar, running on from its last day (see runDemo).
  const { url } = await serveLocalApp({
    root: 'dist',
    store: outcome.store,
    settings,
    port,
    clock: outcome.clock,
    recipients: [outcome.recipient],
    desk: {
      store: outcome.store,
      settings,
      recipients: [outcome.recipient],
      announce: (code) => {
        if (serving) say(`Nouveau code de l’espace coordination : ${code}`);
        else firstCode = code;
      },
      ...deskActions({
        store: outcome.store,
        settings,
        now: outcome.clock,
        fileUrl: (_branch, path) => path,
        deliver,
      }),
    },
  });
  serving = true;
  say(`\nLe site de la démonstration : ${url} (Ctrl+C pour arrêter).`);
  say(
    `Espace coordination : ${url.replace(/\/$/, '')}/coordination/ ; code à usage unique : ${firstCode} ; clé : ${outcome.keyFile}`,
  );
});
