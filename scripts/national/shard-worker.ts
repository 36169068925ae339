// One shard of the national simulation, in a process of its own (forked by
// scripts/cli/simulate-national.ts), as one job of an Actions matrix: it receives the country's
// seed and its programmes' indices, generates each programme itself (nothing large crosses the
// pipe), runs its matching and its report, and sends back the published figures, the times and
// its own peak memory. Clocks and the process live here; the work is the pure modules'.
import { countryPlan } from './country-plan.ts';
import { programmeBounds } from './programme-bounds.ts';
import { runProgramme } from './run-programme.ts';
import type { ShardMessage, ShardProgramme, ShardTask } from './shard-messages.ts';

const send = (message: ShardMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

process.once('message', (task: ShardTask) => {
  void (async () => {
    const started = performance.now();
    const plan = countryPlan(task);
    // A first, untimed run of the smallest programme: otherwise the first one timed also pays
    // for compiling the code, and passes for the slowest.
    const smallest = plan.reduce((a, b) => (b.mentees < a.mentees ? b : a));
    runProgramme(smallest, task.settings, () => performance.now());
    let batch: ShardProgramme[] = [];
    for (const index of task.indices) {
      const t0 = performance.now();
      const run = runProgramme(plan[index]!, task.settings, () => performance.now());
      const bounds = [...programmeBounds(run.csv)].map(
        ([key, b]): [string, number, number | null] => [key, b.min, b.max],
      );
      batch.push({ ...run, bounds, ms: { ...run.ms, total: performance.now() - t0 } });
      if (batch.length >= task.batch) {
        await send({ type: 'batch', programmes: batch });
        batch = [];
      }
    }
    if (batch.length > 0) await send({ type: 'batch', programmes: batch });
    await send({
      type: 'done',
      pid: process.pid,
      maxRssKB: process.resourceUsage().maxRSS,
      ms: performance.now() - started,
    });
    process.disconnect();
  })().catch(async (error: unknown) => {
    // Said to the parent by its class only, and without a stack on the terminal.
    await send({ type: 'failed', error: error instanceof Error ? error.name : 'Error' }).catch(
      () => {},
    );
    process.exitCode = 1;
    process.disconnect();
  });
});
