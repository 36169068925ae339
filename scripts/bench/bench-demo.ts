// `npm run bench:demo [-- --runs 3] [-- --mentors 60] [-- --mentores 80]`: how long `npm run demo`
// takes (issue 16: under three minutes on a 2-core machine), site already built. Runs the demo's
// command as a newcomer would, without serving, several times; quotes the median and the spread
// of the wall time and of each step, against the three-minute budget, and checks that every run
// gave the same repository content.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptArguments } from '../dev/script-arguments.ts';
import { median } from './median.ts';

const usage = `Utilisation : npm run bench:demo [-- --runs 3] [-- --mentors 60] [-- --mentores 80]
    mesure la durée de la démonstration (npm run demo, sans servir le site ; le site doit être
    construit) : médiane et écart des durées, en tout et par étape, comparées au budget de trois
    minutes, et vérifie que chaque démonstration donne le même contenu. Rien n’est gardé.`;

const budgetSeconds = 180;

const values = scriptArguments(usage, {
  runs: { type: 'string', default: '3' },
  mentors: { type: 'string', default: '60' },
  mentores: { type: 'string', default: '80' },
});

interface DemoRun {
  seconds: number;
  steps: number[];
  fingerprint: string;
}

function demoOnce(out: string, mentors: string, mentees: string): Promise<DemoRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      'scripts/cli/demo.ts',
      '--no-serve',
      '--out',
      out,
      '--mentors',
      mentors,
      '--mentores',
      mentees,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const steps = /Durée de chaque étape\s:\s(.*)\./.exec(stdout)?.[1];
      const fingerprint = /Empreinte du contenu du dépôt\s:\s([0-9a-f]+)/.exec(stdout)?.[1];
      if (code !== 0 || !steps || !fingerprint) {
        reject(new Error(`The demo ended with status ${code}.`));
        return;
      }
      resolve({
        seconds,
        steps: [...steps.matchAll(/\d+\.\s([\d,]+)\ss/g)].map((m) =>
          Number(m[1]!.replace(',', '.')),
        ),
        fingerprint,
      });
    });
  });
}

const runs = Number(values.runs);
for (const [name, text] of [
  ['--runs', values.runs],
  ['--mentors', values.mentors],
  ['--mentores', values.mentores],
] as const)
  if (!/^[1-9][0-9]*$/.test(text ?? '')) {
    console.error(`${name} must be a whole number from 1.\n${usage}`);
    process.exit(2);
  }
const root = await mkdtemp(join(tmpdir(), 'binome-bench-demo-'));
const results: DemoRun[] = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const result = await demoOnce(join(root, 'demo'), values.mentors!, values.mentores!);
    results.push(result);
    console.log(`run ${i + 1}/${runs}: ${result.seconds.toFixed(1)} s (${result.fingerprint})`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
const wall = results.map((r) => r.seconds);
const spread = (values: number[]) =>
  `median ${median(values).toFixed(1)} s (${Math.min(...values).toFixed(1)} to ${Math.max(...values).toFixed(1)} s)`;
console.log(
  `npm run demo (${values.mentors} mentors, ${values.mentores} mentorés), ${runs} runs: ${spread(wall)}; budget ${budgetSeconds} s: ${median(wall) < budgetSeconds ? 'within' : 'OVER'}`,
);
const names = [
  'repository and key',
  'applications',
  'screening',
  'matching and acceptance',
  'conventions',
  'signatures and codes',
  'half-year of check-ins',
  'weekly follow-up',
  'report',
];
names.forEach((name, i) =>
  console.log(`  ${i + 1}. ${name}: ${spread(results.map((r) => r.steps[i] ?? NaN))}`),
);
const same = new Set(results.map((r) => r.fingerprint)).size === 1;
console.log(`same repository content in every run: ${same ? 'yes' : 'NO'}`);
// Over budget, or two demos that differ: a failed measurement, for a script or CI to see.
if (!same || median(wall) >= budgetSeconds) process.exitCode = 1;
