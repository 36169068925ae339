// Lighthouse (mobile, its default) on the home page and the convention page, with Debian's
// Chromium, the site served as npm start serves it. Prints the four scores for the README.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../dev/browser.ts';
import { serveBuiltSite } from '../dev/built-site.ts';
import { scriptArguments } from '../dev/script-arguments.ts';

const usage = `Utilisation : npm run lighthouse
    mesure la page d’accueil et la page de la convention avec Lighthouse (mobile), dans le
    Chromium de Debian, le site construit servi comme npm start le sert, et affiche les quatre
    notes (performance, accessibilité, bonnes pratiques, référencement). N’écrit rien.`;
// --help prints the usage and does nothing else: no browser started, no file written.
scriptArguments(usage, {});

const site = await serveBuiltSite();
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: chromiumFlags,
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
console.log(`| page | ${categories.join(' | ')} |`);
console.log(`|---|${categories.map(() => '---:').join('|')}|`);
try {
  for (const path of ['/', '/la-convention/']) {
    const result = await lighthouse(new URL(path, site.url).href, {
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
  await site.close();
}
