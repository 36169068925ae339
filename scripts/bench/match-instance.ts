// One benchmark run of the matching (bench-match.ts starts each in its own process, so that its
// peak memory is its own): `engine` times Binôme's matching including scoring; `munkres` and
// `matrix` build the same problem as a dense cost matrix (one column per mentor place) for the
// references. Prints one JSON line.
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { munkres } from 'munkres';
import { readSettings } from '../../schemas/read-settings.ts';
import { generateCohort } from '../dev/matching-people.ts';
import { buildPool } from '../matching/build-pool.ts';
import { compileScoring } from '../matching/compile-scoring.ts';
import { assignmentProblem, matchPool, weightOf } from '../matching/match-pool.ts';
import { solveAssignment } from '../matching/solve-assignment.ts';
import { maxScore } from '../matching/score-pair.ts';

const { values } = parseArgs({
  options: {
    task: { type: 'string' },
    mentees: { type: 'string' },
    mentors: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    scarce: { type: 'boolean', default: false },
  },
});
const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const today = '2026-11-30';
const started = performance.now();
const { applications, decisions } = generateCohort(
  Number(values.mentees),
  Number(values.mentors),
  Number(values.seed),
  { scarce: values.scarce },
);
const generatedMs = performance.now() - started;
const input = {
  cohort: '2026-2027',
  capacityMax: 3,
  applications,
  decisions,
  pairs: [],
  forced: [],
  edits: [],
};
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (values.task === 'engine') {
  // The generator's garbage is collected before the clock starts (the process runs with
  // --expose-gc): the time is the matching's own.
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const pool = buildPool(input);
  const proposal = matchPool(pool, 'best', settings.matching, today);
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({
      ms,
      peakMB: peakMB(),
      generatedMs,
      pairs: proposal.pairs.length,
      total: proposal.pairs.reduce((sum, p) => sum + p.score.total, 0),
      proof: proposal.proof,
    }),
  );
} else if (values.task === 'solve') {
  // The solve alone, in its own process (cold, as the references are timed): the same problem
  // (its rows read, so scored, as the solver needs them) solved and proved optimal, without
  // building the profiles nor writing the explanations.
  const pool = buildPool(input);
  const scoring = compileScoring(pool, settings.matching, today);
  const { problem } = assignmentProblem(pool, scoring, 'best', settings.matching);
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const solved = solveAssignment(problem);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, pairs: solved.columnOfRow.filter((c) => c >= 0).length }));
} else {
  // The same weights the engine maximises (best mode), a forbidden pair at weight 0: an
  // assignment using it is worth exactly leaving that mentoré unmatched, so the optimum is the same.
  const pool = buildPool(input);
  const scoring = compileScoring(pool, settings.matching, today);
  const columns = Int32Array.from(pool.mentors.keys());
  const slotsOf = pool.mentors.map((m) => pool.places.get(m.id) ?? 0);
  const slots = slotsOf.reduce((a, b) => a + b, 0);
  const n = pool.mentees.length;
  const pairs = Math.min(n, slots);
  const top = maxScore(settings.matching);
  const ceiling = weightOf('best', top, top, pairs);
  const row = new Float64Array(columns.length);
  const matrix = Array.from({ length: n }, (_, i) => {
    scoring.scoreRow(i, columns, row, pairs + 1, 1);
    const costs = new Float64Array(slots);
    let c = 0;
    row.forEach((w, j) => {
      for (let k = 0; k < slotsOf[j]!; k += 1) costs[c++] = ceiling - Math.max(0, w);
    });
    return costs;
  });
  if (values.task === 'matrix') {
    const flat = new Float64Array(n * slots);
    matrix.forEach((costs, i) => flat.set(costs, i * slots));
    writeFileSync(values.out!, flat);
    console.log(JSON.stringify({ rows: n, columns: slots, ceiling, pairs }));
  } else {
    const t0 = performance.now();
    const assignment = munkres(matrix);
    const ms = performance.now() - t0;
    let weight = 0;
    let matched = 0;
    for (const [i, c] of assignment) {
      const w = ceiling - matrix[i]![c]!;
      if (w > 0) {
        weight += w;
        matched += 1;
      }
    }
    // weight = Σ (score × (pairs + 1) + 1) over the pairs that count: the score total and the count.
    console.log(
      JSON.stringify({
        ms,
        peakMB: peakMB(),
        total: (weight - matched) / (pairs + 1),
        pairs: matched,
      }),
    );
  }
}
