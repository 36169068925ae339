import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
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

/** A whole number from `least`, or the usage's French reason. */
function wholeNumber(text: string | undefined, fallback: number, name: string, least: number) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(value) || value < least)
    throw new UsageError(
      `--${name} attend un nombre entier, au moins ${least} (reçu : « ${text.slice(0, 20)} »).\n\n${usage}`,
    );
  return value;
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
  const total = wholeNumber(options.total, 160_000, 'total', 1);
  const programmes = wholeNumber(options.programmes, 300, 'programmes', 1);
  const jobs = wholeNumber(options.jobs, availableParallelism(), 'jobs', 1);
  const seed = wholeNumber(options.seed, 1, 'seed', 0);
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
  const shardMeasures = await Promise.all(
    shards.map(
      (indices, i) =>
        new Promise<SimulationMeasures['shards'][number]>((resolve, reject) => {
          const child = fork(workerPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
            } else
              done = {
                pid: message.pid,
                maxRssKB: message.maxRssKB,
                ms: message.ms,
                programmes: indices.length,
                mentees: indices.reduce((s, index) => s + plan[index]!.mentees, 0),
              };
          });
          child.on('error', reject);
          child.on('exit', (code) => {
            if (code === 0 && done) resolve(done);
            else reject(new Error(`Shard ${i + 1} exited with ${code}.`));
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
