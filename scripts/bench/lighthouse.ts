// Lighthouse (mobile, its default) on the home page and the convention page, with Debian's
// Chromium. Prints the four category scores as a Markdown table for the README.
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { listen } from '../http/listen.ts';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings } from '../../schemas/read-settings.ts';
import { createLocalApp } from '../http/create-local-app.ts';
import { LocalGitStore } from '../store/local-git-store.ts';

const app = await createLocalApp({
  root: resolve('dist'),
  store: new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-lighthouse-'))),
  settings: readSettings(await readFile('content/programme.yaml', 'utf8')),
  log: () => {},
});
const { server, url } = await listen(app);
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
console.log(`| page | ${categories.join(' | ')} |`);
console.log(`|---|${categories.map(() => '---:').join('|')}|`);
try {
  for (const path of ['/', '/la-convention/']) {
    const result = await lighthouse(new URL(path, url).href, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}.`);
    const scores = categories.map((c) => Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
    console.log(`| ${path} | ${scores.join(' | ')} |`);
  }
} finally {
  chrome.kill();
  server.closeAllConnections();
  server.close();
}
