// Intake benchmark on the embedded default store (a local Git repository): throughput and
// latency of valid submissions over HTTP, then the JavaScript each form page costs.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readSettings } from '../../schemas/read-settings.ts';
import { aMenteeForm } from '../dev/application-forms.ts';
import { launchChromium } from '../dev/browser.ts';
import { serveBuiltSite } from '../dev/built-site.ts';
import { measureFormScripts } from './measure-form-scripts.ts';
import { median } from './median.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
settings.intake.rateLimit = {
  applicationsPerHour: 1e6,
  submissionsPerHour: 1e6,
  challengesPerHour: 1e6,
};
const site = await serveBuiltSite({ settings });
const url = site.url;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function round(
  count: number,
  parallel: number,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < count; i = next++) {
        const body = new URLSearchParams([
          ...aMenteeForm({ 'identity.lastName': `Bench ${i}` }),
          ['idempotencyKey', crypto.randomUUID()],
        ]);
        const t = performance.now();
        const response = await fetch(new URL('/api/candidatures/mentee', url), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 201)
          throw new Error(`Submission ${i} answered ${response.status}.`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return {
    latencies: latencies.sort((a, b) => a - b),
    seconds: (performance.now() - started) / 1000,
  };
}

console.log(`Intake on the local Git store: ${total} valid applications, each one commit.\n`);
console.log('| clients at once | throughput | p50 latency | p99 latency |');
console.log('|---:|---:|---:|---:|');
for (const parallel of [1, concurrency]) {
  const { latencies, seconds } = await round(total, parallel);
  console.log(
    `| ${parallel} | ${(total / seconds).toFixed(1)} applications/s | ${median(latencies).toFixed(0)} ms | ${percentile(latencies, 99).toFixed(0)} ms |`,
  );
}

const browser = await launchChromium();
console.log('\n| form page | JavaScript (gzip, as served) | decoded | files |');
console.log('|---|---:|---:|---:|');
for (const path of ['/devenir-mentor/', '/trouver-un-mentor/']) {
  const page = await (await browser.newContext()).newPage();
  const size = await measureFormScripts(page, new URL(path, url).href);
  console.log(
    `| ${path} | ${(size.gzip / 1024).toFixed(1)} KB | ${(size.decoded / 1024).toFixed(1)} KB | ${size.files} |`,
  );
}
await browser.close();
await site.close();
