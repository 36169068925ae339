// Site benchmark: median build time over several clean builds, then what each page really
// costs a visitor (bytes transferred, compressed as a static host serves them) in Chromium.
import { spawnSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { launchChromium } from '../dev/browser.ts';
import { serveBuiltSite } from '../dev/built-site.ts';
import { median } from './median.ts';
import { scriptArguments } from '../dev/script-arguments.ts';

const usage = `Utilisation : npm run bench:site [-- --builds 5]
    mesure le site : la durée médiane de construction sur plusieurs constructions
    complètes (--builds, 5 par défaut), puis ce que chaque page coûte à un visiteur (octets
    transférés, compressés comme un hébergeur les sert), dans Chromium. N’écrit que dans dist/.`;
const values = scriptArguments(usage, { builds: { type: 'string', default: '5' } });
const builds = Number(values.builds);

spawnSync('node', ['scripts/dev/build-validators.ts'], { stdio: 'ignore' });
const times: number[] = [];
for (let run = 0; run < builds; run += 1) {
  await rm('dist', { recursive: true, force: true });
  const start = performance.now();
  const result = spawnSync('astro', ['build'], {
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('astro build failed: run `npx astro build` to see why.');
  times.push(performance.now() - start);
}
console.log(
  `Build: median ${(median(times) / 1000).toFixed(2)} s over ${builds} clean builds ` +
    `(min ${(Math.min(...times) / 1000).toFixed(2)} s, max ${(Math.max(...times) / 1000).toFixed(2)} s)\n`,
);

const pages = (await readdir('dist', { recursive: true }))
  .filter((f) => f.endsWith('.html'))
  .sort();
const site = await serveBuiltSite();
const browser = await launchChromium();
console.log('| page | transferred (gzip, with headers) | decoded | requests |');
console.log('|---|---:|---:|---:|');
for (const file of pages) {
  const path = '/' + file.replace(/index\.html$/, '');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
  const sizes = await page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return {
      transferred: entries.reduce((sum, e) => sum + e.transferSize, 0),
      decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
      requests: entries.length,
    };
  });
  console.log(
    `| ${path} | ${(sizes.transferred / 1024).toFixed(1)} KB | ${(sizes.decoded / 1024).toFixed(1)} KB | ${sizes.requests} |`,
  );
  await context.close();
}
await browser.close();
await site.close();
