// `npm run bench:pdf [-- --json] [-- --conventions 500] [-- --naive 20] [-- --seed 11]`: the
// conventions in PDF (issue 11). Fills generated, distinct pairs' conventions one after another on
// one thread, each on the template built once per kind (with or without a legal representative),
// and times each fill; then, in the same run and on the same particulars, the naive approach: a
// whole document drawn with pdf-lib, its fonts embedded and subset anew for each file.
// Targets: under 5 ms per convention, at least 80 times faster than the naive approach, under
// 100 KB per file (the embedded font included).
import { readFile } from 'node:fs/promises';
import { readSettings } from '../../schemas/read-settings.ts';
import { objectivesFor } from '../../schemas/fields.ts';
import { readConventionAssets } from '../commands/convention-assets.ts';
import { buildTemplate } from '../convention/build-template.ts';
import { ConventionMaker } from '../convention/convention-maker.ts';
import type { Particulars } from '../convention/convention-particulars.ts';
import { median } from './median.ts';
import { scriptArguments } from '../dev/script-arguments.ts';

const usage = `Utilisation : npm run bench:pdf [-- --json] [-- --conventions 500] [-- --naive 20] [-- --seed 11]
    mesure le remplissage des conventions en PDF : durée par convention (cible :
    moins de 5 ms), comparée à la méthode naïve, et taille des fichiers. Binômes fictifs ; rien
    n’est écrit sur le disque.`;
const values = scriptArguments(usage, {
  json: { type: 'boolean', default: false },
  conventions: { type: 'string', default: '500' },
  naive: { type: 'string', default: '20' },
  seed: { type: 'string', default: '11' },
});
const count = Number(values.conventions);
const naiveCount = Number(values.naive);
const seed = Number(values.seed);
for (const [name, n] of [
  ['--conventions', count],
  ['--naive', naiveCount],
  ['--seed', seed],
] as const)
  if (!Number.isInteger(n) || n < (name === '--seed' ? 0 : 1))
    throw new Error(`${name} must be a whole number${name === '--seed' ? '' : ' from 1'}.`);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

const targets = { ms: 5, ratio: 80, bytes: 100 * 1024 };

/** Mulberry32: a small seeded PRNG, so that every run fills the same conventions. */
function prng(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;

const firstNames = [
  'Zoé',
  'Chloé',
  'Hélène',
  'Jérôme',
  'Anaïs',
  'Maëlle',
  'Noël',
  'Françoise',
  'Éloïse',
  'Gaëtan',
  'Agnès',
  'Benoît',
  'Cécile',
  'Joël',
  'Léa',
  'Raphaël',
  'Thérèse',
  'Aurélien',
  'Inès',
  'Loïc',
  'Marie-Thérèse',
  'Jean-Baptiste',
  'Anne-Sophie',
  'Pierre-Étienne',
  'Mélanie',
  'Sébastien',
  'Œdipe',
  'Désirée',
  'Théo',
  'Nathanaël',
];
const lastNames = [
  'Œuvray',
  'Dupont-Lefèvre',
  'Lœuillet',
  'Cœurdacier',
  'Bœuf',
  'Nguyễn',
  'Müller',
  'Le Goff',
  'de La Fontaine',
  'Élysée',
  'Bénézet',
  'Fouché',
  'Garçon',
  'Hébert',
  'Lefèbvre',
  'Ménard',
  'Pâris',
  'Rivière',
  'Saint-Exupéry',
  'Thibault-Désormeaux',
  'Vuillaume',
  'Würtz',
  'd’Aubigné',
  'Čapek',
  'Ødegaard',
  'Ibáñez',
  'Gonçalves',
  'Þórsdóttir',
  'Marchand',
  'Collin',
];

/** A name of `parts` from `list`, joined by hyphens or spaces, at most `max` characters. */
function composed(list: readonly string[], parts: number, max: number): string {
  let name = pick(list);
  for (let i = 1; i < parts; i++) {
    const next = `${name}${chance(0.6) ? '-' : ' '}${pick(list)}`;
    if (next.length > max) break;
    name = next;
  }
  return name;
}

/** A first and last name: mostly ordinary, sometimes very long (up to 100 characters each). */
function person(): string {
  const long = chance(0.08);
  const first = long ? composed(firstNames, 12, int(60, 100)) : composed(firstNames, int(1, 2), 40);
  const last = long ? composed(lastNames, 12, int(60, 100)) : composed(lastNames, int(1, 2), 40);
  return `${first} ${last}`;
}

const objectiveTitles = objectivesFor('mentor').items.oneOf.map((o) => o.title);
const words =
  'préparer un concours de la fonction publique hospitalière en continuant à travailler à temps partiel, reprendre des études après une longue interruption, découvrir les métiers du soin, de l’accompagnement et de l’animation « au plus près » des patients et des familles, gagner en assurance à l’oral, construire un réseau professionnel dans la région, s’installer en libéral, changer de service, cœur de métier, Œuvre sociale, éthique'.split(
    ' ',
  );
/** An « autre » objective's text, up to 300 characters. */
function otherObjective(): string {
  const max = chance(0.3) ? 300 : int(20, 120);
  let text = pick(words);
  for (;;) {
    const next = `${text} ${pick(words)}`;
    if (next.length > max) break;
    text = next;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const coordinators = [
  'Camille Martin',
  'Lou Bé',
  'Marie-Thérèse Lœuillet-Saint-Exupéry, coordination.mentorat@exemple-institut-de-formation.fr, +33 (0)4 76 00 00 00 poste 1234',
  'Jean-Baptiste Ménard, jb.menard@exemple.fr, 04 76 12 34 56',
];
const cohorts = [
  { label: 'janvier 2027', start: '2027-01-11', late: '2027-02-', end: '2027-07-09' },
  { label: 'année scolaire 2027-2028', start: '2027-09-20', late: '2027-11-', end: '2028-06-30' },
];
/** `list` in a random order (Fisher–Yates). */
function shuffled<T>(list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
const base36 = (n: number) => Array.from({ length: n }, () => int(0, 35).toString(36)).join('');

/** The `index`th generated pair: distinct (its id holds its index), varied. */
function particulars(index: number, structure: string): Particulars {
  const meetings = [
    'En visioconférence',
    `Dans une salle de l’${structure} ou en visioconférence`,
    `Dans une salle de l’${structure}`,
  ];
  const cohort = pick(cohorts);
  const shortened = chance(0.15);
  const chosen = shuffled(objectiveTitles).slice(0, int(1, 5));
  const other = chosen.includes('Un autre objectif') && chance(0.7) ? otherObjective() : undefined;
  const kind = random();
  return {
    pairId: `pair-${index.toString(36).padStart(6, '0')}-${base36(6)}`,
    cohortLabel: cohort.label,
    mentor: person(),
    mentee: person(),
    ...(kind < 0.2
      ? { representative: person() }
      : kind < 0.25
        ? { representativeMissing: true }
        : {}),
    objectives: other ? chosen.filter((o) => o !== 'Un autre objectif') : chosen,
    ...(other ? { otherObjective: other } : {}),
    meetings: pick(meetings),
    // A pair accepted after its cohort started: its dates are shortened.
    start: shortened ? `${cohort.late}${String(int(1, 28)).padStart(2, '0')}` : cohort.start,
    end: cohort.end,
    shortened,
    coordinator: pick(coordinators),
  };
}

const isPdf = (bytes: Uint8Array) => {
  const text = new TextDecoder('latin1');
  return (
    text.decode(bytes.subarray(0, 5)) === '%PDF-' &&
    /%%EOF\s*$/.test(text.decode(bytes.subarray(Math.max(0, bytes.length - 16))))
  );
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
const assets = await readConventionAssets(settings);
const now = new Date('2026-11-30T12:00:00Z');
const pairs = Array.from({ length: count }, (_, i) => particulars(i, settings.structure.shortName));
const withRepresentative = pairs.filter((p) => p.representative || p.representativeMissing).length;
if (withRepresentative === 0 || withRepresentative === count)
  throw new Error('The generated pairs do not use both templates: change --seed or --conventions.');

log(
  `Conventions in PDF: ${count} distinct generated pairs (seed ${seed}; ${withRepresentative} with a legal representative), filled one after another on one thread.`,
);

// The warm-up: the first fill of each kind builds its template (fonts embedded and subset once).
const maker = new ConventionMaker(assets);
const started = performance.now();
const withTemplate = pairs.find((p) => p.representative || p.representativeMissing)!;
const withoutTemplate = pairs.find((p) => !(p.representative || p.representativeMissing))!;
await maker.fill(withoutTemplate, now);
await maker.fill(withTemplate, now);
const templateMs = performance.now() - started;
log(`  template build (both kinds, excluded below): ${templateMs.toFixed(0)} ms`);

const times: number[] = [];
const sizes: number[] = [];
const fingerprints = new Set<string>();
let handwritten = 0;
for (const pair of pairs) {
  const t = performance.now();
  const filled = await maker.fill(pair, now);
  times.push(performance.now() - t);
  sizes.push(filled.bytes.length);
  fingerprints.add(filled.fingerprint);
  handwritten += filled.handwritten.length;
  // Outside the timing: each file is a whole PDF, or the bench would time nothing.
  if (!isPdf(filled.bytes)) throw new Error(`The convention of ${pair.pairId} is not a PDF.`);
}
if (fingerprints.size !== count)
  throw new Error(`${count} pairs gave only ${fingerprints.size} distinct conventions.`);
times.sort((a, b) => a - b);
sizes.sort((a, b) => a - b);
const ms = median(times);
const maxBytes = sizes.at(-1)!;
log(
  `  fill: median ${ms.toFixed(2)} ms per convention, p95 ${percentile(times, 95).toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`,
);
log(
  `  size: min ${kb(sizes[0]!)}, median ${kb(median(sizes))}, max ${kb(maxBytes)} (${maxBytes} bytes); fields left to write by hand: ${handwritten}`,
);

// The naive approach, on the first pairs' particulars: a whole document each time.
const naiveTimes: number[] = [];
const naiveSizes: number[] = [];
for (let i = 0; i < naiveCount; i++) {
  const pair = pairs[i % count]!;
  const t = performance.now();
  const whole = await buildTemplate(assets, { kind: 'whole', particulars: pair, now });
  naiveTimes.push(performance.now() - t);
  naiveSizes.push(whole.bytes.length);
  if (!isPdf(whole.bytes)) throw new Error(`The naive convention of ${pair.pairId} is not a PDF.`);
}
const naiveMs = median(naiveTimes);
const ratio = naiveMs / ms;
log(
  `  naive (a whole document drawn with pdf-lib, fonts embedded and subset for each file): median ${naiveMs.toFixed(1)} ms of ${naiveCount}, sizes ${kb(Math.min(...naiveSizes))} to ${kb(Math.max(...naiveSizes))}`,
);
log(`  filling is ${ratio.toFixed(0)}× faster than the naive approach`);

const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
log('Targets:');
log(`  under ${targets.ms} ms per convention: ${met(ms < targets.ms)} (${ms.toFixed(2)} ms)`);
log(
  `  at least ${targets.ratio}× faster than the naive approach: ${met(ratio >= targets.ratio)} (${ratio.toFixed(0)}×)`,
);
log(
  `  under ${kb(targets.bytes)} per file, font embedded: ${met(maxBytes < targets.bytes)} (largest ${kb(maxBytes)})`,
);

if (values.json)
  console.log(
    JSON.stringify({
      msPerConvention: round(ms, 3),
      naiveMsPerConvention: round(naiveMs, 1),
      maxBytes,
      ratio: round(ratio, 1),
      templateMs: round(templateMs, 1),
      conventions: count,
      p95Ms: round(percentile(times, 95), 3),
      medianBytes: median(sizes),
      minBytes: sizes[0],
      naiveDocuments: naiveCount,
    }),
  );
