// `npm run bench:report [-- --json] [-- --pairs 10000] [-- --runs 5] [-- --pdf 1] [-- --seed 13]`:
// the programme's bilan (issue 13). Compiles the school year 2026-2027 of a generated programme
// with that many pairs (every pair's check-ins from both members, its meetings, pauses, closings
// and bilans), then its figures, their suppression, the charts, the page and the CSV, each run
// timed in full; the PDF (Chromium) is timed apart. Target: under 2 s a compilation (median), on
// the 2-core machine. `--json` prints { "pairs", "ms" } (and the PDF's time, when made).
import { readFile } from 'node:fs/promises';
import { readSettings } from '../../schemas/read-settings.ts';
import { findChromium, renderPdf } from '../commands/render-pdf.ts';
import { followUpRulesFrom } from '../followup/follow-up-rules.ts';
import { compileReport } from '../reporting/compile-report.ts';
import { reportPeriod } from '../reporting/report-period.ts';
import { median } from './median.ts';
import { scriptArguments } from '../dev/script-arguments.ts';
import { syntheticSchoolYear } from '../dev/pair-year.ts';

const usage = `Utilisation : npm run bench:report [-- --json] [-- --pairs 10000] [-- --runs 5] [-- --pdf 1] [-- --seed 13]
    mesure la compilation du bilan du programme sur une année scolaire générée
    (--pairs binômes fictifs) : chiffres, secret statistique, graphiques, page et CSV (cible :
    moins de 2 s), puis le PDF imprimé par Chromium (--pdf fois, 0 pour s’en passer).`;
const values = scriptArguments(usage, {
  json: { type: 'boolean', default: false },
  pairs: { type: 'string', default: '10000' },
  runs: { type: 'string', default: '5' },
  pdf: { type: 'string', default: '1' },
  seed: { type: 'string', default: '13' },
});
const pairCount = Number(values.pairs);
const runs = Number(values.runs);
const pdfRuns = Number(values.pdf);
const seed = Number(values.seed);
for (const [name, n, least] of [
  ['--pairs', pairCount, 1],
  ['--runs', runs, 1],
  ['--pdf', pdfRuns, 0],
  ['--seed', seed, 0],
] as const)
  if (!Number.isInteger(n) || n < least)
    throw new Error(`${name} must be a whole number from ${least}.`);
const log = (line: string) => {
  if (!values.json) console.log(line);
};
const targetMs = 2000;

const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
const records = syntheticSchoolYear(pairCount, seed);
const { applications, decisions, pairs, followUps } = records;
const recordCount =
  applications.length +
  decisions.size +
  pairs.length +
  [...followUps.values()].reduce((s, l) => s + l.length, 0);

const period = reportPeriod('2026-2027', settings.cohorts);
const input = {
  period,
  day: '2027-08-31',
  records,
  settings: { ...settings, followUp: followUpRulesFrom(settings), threshold: 5 },
  terms: { names: [], organisations: [], emails: [], phones: [] },
  programme: settings.structure.name,
};
log(
  `Bilan d’une année : ${pairCount} binômes, ${recordCount} enregistrements, ${runs} compilations.`,
);
const times: number[] = [];
let html = '';
let bytes = 0;
for (let r = 0; r < runs; r += 1) {
  const start = performance.now();
  const compiled = compileReport(input);
  times.push(performance.now() - start);
  html = compiled.html;
  bytes = compiled.files.reduce((s, f) => s + Buffer.byteLength(f.content), 0);
}
const ms = Math.round(median(times));
log(
  `Chiffres, secret statistique, graphiques, page et CSV : médiane ${ms} ms (cible : moins de ${targetMs} ms) — ${ms < targetMs ? 'atteinte' : 'MANQUÉE'} ; ${Math.round(bytes / 1024)} Ko de fichiers texte.`,
);

let pdfMs: number | undefined;
const chromium = findChromium(process.env);
if (pdfRuns > 0 && chromium) {
  const pdfTimes: number[] = [];
  let size = 0;
  for (let r = 0; r < pdfRuns; r += 1) {
    const start = performance.now();
    size = (await renderPdf(html, chromium)).length;
    pdfTimes.push(performance.now() - start);
  }
  pdfMs = Math.round(median(pdfTimes));
  log(`PDF (Chromium, lancement compris) : médiane ${pdfMs} ms, ${Math.round(size / 1024)} Ko.`);
} else if (pdfRuns > 0) log('PDF : pas de Chromium sur cette machine, non mesuré.');

if (values.json)
  console.log(JSON.stringify({ pairs: pairCount, ms, ...(pdfMs !== undefined ? { pdfMs } : {}) }));
