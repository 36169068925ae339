// `npm run bench:match [-- --json] [-- --runs 3] [-- --hard]`: the matching on generated cohorts (issue 9),
// including scoring: median time and peak memory of Binôme's engine, and on the dense
// instances the same problem solved by `munkres` (npm) and, where SciPy is installed,
// `scipy.optimize.linear_sum_assignment`, in the same run; the totals must agree.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './median.ts';
import { scriptArguments } from '../dev/script-arguments.ts';

const usage = `Utilisation : npm run bench:match [-- --json] [-- --runs 3] [-- --hard] [-- --only <taille>] [-- --reference-timeout 1200]
    mesure l’appariement sur des cohortes générées (personnes fictives) : durée et
    mémoire, comparées à munkres et, si elle est installée, à SciPy sur le même problème ; les
    totaux doivent être égaux. --json affiche un objet JSON, --hard une cohorte plus difficile.`;
const values = scriptArguments(usage, {
  json: { type: 'boolean', default: false },
  runs: { type: 'string', default: '3' },
  only: { type: 'string' },
  hard: { type: 'boolean', default: false },
  'reference-timeout': { type: 'string', default: '1200' },
});
const runs = Number(values.runs);
const timeout = Number(values['reference-timeout']) * 1000;
const log = (line: string) => {
  if (!values.json) console.log(line);
};

const instances = [
  {
    name: 'dense 2,000 × 2,400',
    mentees: 2000,
    mentors: 2400,
    references: true,
    targetMs: 150,
    targetMB: null,
  },
  {
    name: 'dense 5,000 × 6,000',
    mentees: 5000,
    mentors: 6000,
    references: true,
    targetMs: 500,
    targetMB: 400,
  },
  {
    name: 'sparse 20,000 × 24,000',
    mentees: 20000,
    mentors: 24000,
    references: false,
    targetMs: 10000,
    targetMB: 1024,
  },
  // With --hard: every mentoré wants the same scarce sector (no target; the references too).
  ...(values.hard
    ? [
        {
          name: 'hard 5,000 × 6,000 (one scarce sector)',
          mentees: 5000,
          mentors: 6000,
          references: true,
          targetMs: null,
          targetMB: null,
          scarce: true,
        },
      ]
    : []),
].filter((i) => !values.only || i.name.includes(values.only));

let scarce: string[] = [];

function child(task: string, n: number, m: number, extra: string[] = []): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    [
      '--max-old-space-size=16384',
      '--expose-gc',
      'scripts/bench/match-instance.ts',
      '--task',
      task,
      '--mentees',
      String(n),
      '--mentors',
      String(m),
      ...scarce,
      ...extra,
    ],
    { encoding: 'utf8', timeout, maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
}

function hasScipy(): boolean {
  try {
    execFileSync('python3', ['-c', 'import scipy.optimize, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const scipy = hasScipy();
const results = [];
let failed = false;
for (const instance of instances) {
  scarce = 'scarce' in instance && instance.scarce ? ['--scarce'] : [];
  log(`${instance.name}…`);
  const engine = Array.from({ length: runs }, () =>
    child('engine', instance.mentees, instance.mentors),
  );
  const ms = median(engine.map((r) => r.ms!));
  const solveMs = median(
    Array.from({ length: runs }, () => child('solve', instance.mentees, instance.mentors).ms!),
  );
  const peakMB = Math.max(...engine.map((r) => r.peakMB!));
  const total = engine[0]!.total!;
  let munkresMs: number | null = null;
  let scipyMs: number | null = null;
  let referenceTotal: number | null = null;
  if (instance.references) {
    try {
      const reference = child('munkres', instance.mentees, instance.mentors);
      munkresMs = reference.ms!;
      referenceTotal = reference.total!;
    } catch {
      log(`  munkres: no answer within ${timeout / 1000} s`);
    }
    if (scipy) {
      const folder = mkdtempSync(join(tmpdir(), 'bench-match-'));
      try {
        const file = join(folder, 'costs.f64');
        const shape = child('matrix', instance.mentees, instance.mentors, ['--out', file]);
        const answer = JSON.parse(
          execFileSync(
            'python3',
            [
              'scripts/bench/scipy-assignment.py',
              file,
              String(shape.rows),
              String(shape.columns),
              String(shape.ceiling),
              String(shape.pairs),
            ],
            { encoding: 'utf8', timeout },
          ),
        ) as { ms: number; total: number };
        scipyMs = answer.ms;
        if (referenceTotal !== null && referenceTotal !== answer.total) failed = true;
        referenceTotal ??= answer.total;
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
    if (referenceTotal !== null && referenceTotal !== total) failed = true;
  }
  const result = {
    name: instance.name,
    mentees: instance.mentees,
    mentors: instance.mentors,
    ms: Math.round(ms * 10) / 10,
    solveMs: Math.round(solveMs * 10) / 10,
    peakMB,
    munkresMs: munkresMs === null ? null : Math.round(munkresMs),
    scipyMs: scipyMs === null ? null : Math.round(scipyMs),
    total,
    referenceTotal,
  };
  results.push(result);
  log(
    `  Binôme: ${result.ms} ms median of ${runs} (scoring included), peak ${peakMB} MB, total ${total} points, proof ${JSON.stringify(engine[0]!.proof)}` +
      (instance.targetMs
        ? ` — target < ${instance.targetMs} ms${instance.targetMB ? `, < ${instance.targetMB} MB` : ''}`
        : ''),
  );
  log(
    `  Binôme, the solve alone (rows read and scored as needed, optimum proved): ${result.solveMs} ms`,
  );
  if (munkresMs !== null)
    log(
      `  munkres: ${result.munkresMs} ms, solve only (×${(munkresMs / solveMs).toFixed(2)} Binôme's solve)`,
    );
  if (scipyMs !== null)
    log(
      `  SciPy linear_sum_assignment: ${result.scipyMs} ms, solve only (×${(scipyMs / solveMs).toFixed(2)} Binôme's solve, ×${(scipyMs / ms).toFixed(2)} Binôme's whole matching)`,
    );
  if (referenceTotal !== null)
    log(`  totals ${referenceTotal === total ? 'agree' : `DIFFER: reference ${referenceTotal}`}`);
}
if (values.json) console.log(JSON.stringify({ instances: results }));
if (failed) {
  console.error('The totals differ from a reference: the matching is not optimal.');
  process.exitCode = 1;
}
