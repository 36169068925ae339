import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { parseCommandLine } from '../commands/parse-command-line.ts';
import { textProgress } from '../commands/progress.ts';
import { UsageError } from '../commands/usage-error.ts';
import { nationalLines } from '../national/national-text.ts';
import { nationalTable } from '../national/national-table.ts';
import { smallestProgramme } from '../national/programme-sizes.ts';
import type { ShardMessage, ShardProgramme, ShardTask } from '../national/shard-messages.ts';
import { countryPlan } from '../national/country-plan.ts';
import { shardPlan } from '../national/shard-plan.ts';
import { summaryLines, type SimulationMeasures } from '../national/summary-lines.ts';
import { reportRulesFrom } from '../reporting/report-settings.ts';
import { runCli } from './run-cli.ts';

// `npm run simulate:national [-- --total 160000 --programmes 300 --jobs 2 --seed 1]`: a national
// programme simulated on this machine (see the usage below). Each shard is a process of its own,
// as each job of an Actions matrix is a runner of its own.
const usage = `Utilisation : npm run simulate:national -- [--total <mentorés>] [--programmes <n>] [--jobs <n>] [--seed <n>]

Simule un programme national de mentorat : tire au sort un pays de programmes de tailles inégales
(beaucoup de petites structures, quelques grandes), fait pour chacun l’appariement de sa cohorte
et son bilan de l’année, dans plusieurs processus à la fois comme les tâches d’une matrice GitHub
Actions, puis additionne les seuls chiffres que chaque structure publie (petits effectifs
masqués) en un tableau national, qui masque à son tour les petits effectifs. Affiche la durée
totale, le programme le plus lent, la mémoire maximale et le tableau national. Personnes
fictives uniquement.

  --total <mentorés>   nombre de mentorés dans tout le pays (160 000 par défaut)
  --programmes <n>     nombre de programmes (300 par défaut)
  --jobs <n>           nombre de processus en parallèle (par défaut, un par processeur)
  --seed <n>           graine du tirage : la même graine donne le même pays (1 par défaut)`;

/** A whole number from `least` to `most`, or the usage's French reason. */
function wholeNumber(
  text: string | undefined,
  fallback: number,
  name: string,
  least: number,
  most: number,
) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(value) || value < least || value > most)
    throw new UsageError(
      `--${name} attend un nombre entier de ${least.toLocaleString('fr-FR')} à ${most.toLocaleString('fr-FR')} (reçu : « ${text.slice(0, 20)} »).\n\n${usage}`,
    );
  return value;
}

/**
 * Bounds that keep a run on one machine: ten times the national programme, structures by the
 * thousand, and no more processes than an Actions matrix runs at once on GitHub's larger plans
 * (each one holds up to 500 MB).
 */
const most = { total: 2_000_000, programmes: 5_000, jobs: 64 };

/** A shard's process stopped before its end: which, and how, never what it held. */
class ShardFailure extends Error {
  override name = 'ShardFailure';
}

await runCli(async () => {
  const parsed = parseCommandLine(
    process.argv.slice(2),
    usage,
    {
      total: { type: 'string' },
      programmes: { type: 'string' },
      jobs: { type: 'string' },
      seed: { type: 'string' },
    },
    (line) => console.log(line),
  );
  if (!parsed) return;
  if (parsed.positionals.length > 0) throw new UsageError(usage);
  const started = performance.now();
  const options = parsed.values;
  const total = wholeNumber(options.total, 160_000, 'total', 1, most.total);
  const programmes = wholeNumber(options.programmes, 300, 'programmes', 1, most.programmes);
  const jobs = wholeNumber(options.jobs, availableParallelism(), 'jobs', 1, most.jobs);
  const seed = wholeNumber(options.seed, 1, 'seed', 0, 2 ** 32 - 1);
  if (total < smallestProgramme * programmes)
    throw new UsageError(
      `Il faut au moins ${smallestProgramme} mentorés par programme : pour ${programmes} programmes, --total doit valoir au moins ${smallestProgramme * programmes}.`,
    );
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  const plan = countryPlan({ total, programmes, seed });
  const shards = shardPlan(
    plan.map((p) => p.mentees),
    jobs,
  );
  const progress = textProgress(process.stdout);
  const batches = shards.map((s) => Math.max(1, Math.ceil(s.length / 5)));
  progress.start(
    shards.reduce((sum, s, i) => sum + Math.ceil(s.length / batches[i]!), 0),
    'Programmes simulés',
  );
  const results: ShardProgramme[] = [];
  const workerPath = new URL('../national/shard-worker.ts', import.meta.url);
  const children: ChildProcess[] = [];
  const running = Promise.all(
    shards.map(
      (indices, i) =>
        new Promise<SimulationMeasures['shards'][number]>((resolve, reject) => {
          // A shard's stderr is not shown: a crash is reported below, in French, by shard.
          const child = fork(workerPath, [], { stdio: ['ignore', 'inherit', 'ignore', 'ipc'] });
          children.push(child);
          let failure: string | undefined;
          let done: SimulationMeasures['shards'][number] | undefined;
          let finished = 0;
          child.on('message', (message: ShardMessage) => {
            if (message.type === 'batch') {
              results.push(...message.programmes);
              finished += message.programmes.length;
              const people = message.programmes.reduce((s, p) => s + p.mentees, 0);
              const ms = message.programmes.reduce((s, p) => s + p.ms.total, 0);
              progress.step(
                `processus ${i + 1}, ${finished}/${indices.length} programmes`,
                `${people.toLocaleString('fr-FR')} mentorés en ${(ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`,
              );
            } else if (message.type === 'failed') failure = message.error;
            else
              done = {
                pid: message.pid,
                maxRssKB: message.maxRssKB,
                ms: message.ms,
                programmes: indices.length,
                mentees: indices.reduce((s, index) => s + plan[index]!.mentees, 0),
              };
          });
          child.on('error', () =>
            reject(new ShardFailure(`le processus ${i + 1} n’a pas pu démarrer`)),
          );
          child.on('exit', (code, signal) => {
            if (code === 0 && done) resolve(done);
            else
              reject(
                new ShardFailure(
                  `le processus ${i + 1} s’est arrêté (${failure ? `erreur ${failure}` : signal ? `signal ${signal}` : `code ${code}`})`,
                ),
              );
          });
          const task: ShardTask = {
            seed,
            total,
            programmes,
            indices,
            batch: batches[i]!,
            settings,
          };
          child.send(task);
        }),
    ),
  );
  let shardMeasures: Awaited<typeof running>;
  try {
    shardMeasures = await running;
  } catch (error) {
    // One shard failed: the others stop too, and nothing is aggregated from a partial country.
    for (const child of children) child.kill();
    progress.done();
    if (!(error instanceof ShardFailure)) throw error;
    console.error(
      frenchTypography(
        `La simulation s’est arrêtée : ${error.message}. Aucun chiffre national n’a été calculé ; relancez-la, avec --jobs plus petit si la mémoire manque.`,
      ),
    );
    process.exitCode = 1;
    return;
  }
  progress.done();
  const aggregating = performance.now();
  results.sort((a, b) => a.index - b.index);
  const table = nationalTable(
    results.map((p) => ({
      csv: p.csv,
      bounds: new Map(p.bounds.map(([key, min, max]) => [key, { min, max }])),
    })),
    reportRulesFrom(settings).threshold,
  );
  const aggregateMs = performance.now() - aggregating;
  const measures: SimulationMeasures = {
    seed,
    jobs: shards.length,
    wallMs: performance.now() - started,
    aggregateMs,
    parentMaxRssKB: process.resourceUsage().maxRSS,
    shards: shardMeasures,
    programmes: results,
  };
  console.log('');
  for (const line of summaryLines(measures)) console.log(line);
  console.log('');
  console.log(
    `Tableau national (chiffres publiés par les ${programmes} structures, additionnés ; effectifs de moins de ${table.threshold} masqués) :`,
  );
  for (const line of nationalLines(table)) console.log(line);
});
