// The README's pictures of a filled convention (issue 11): its first page and its signature page,
// rendered by poppler's pdftoppm as a reader sees them, for synthetic people only.
//   node scripts/dev/convention-screenshot.ts   (part of `npm run screenshots`)
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readSettings } from '../../schemas/read-settings.ts';
import { readConventionAssets } from '../commands/convention-assets.ts';
import { ConventionMaker } from '../convention/convention-maker.ts';
import { syntheticPeople } from './application-forms.ts';
import { scriptArguments } from './script-arguments.ts';

const usage = `Utilisation : node scripts/dev/convention-screenshot.ts   (une partie de npm run screenshots)
    remplit la convention de mentorat de personnes fictives et enregistre sa première page et
    sa page de signatures en images pour le README (docs/screenshots/), avec pdftoppm.`;
// --help prints the usage and does nothing else: no browser started, no file written.
scriptArguments(usage, {});

const run = promisify(execFile);
const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
// A made-up address in place of the one the structure still has to give (README).
settings.structure.address.street = '1 rue de l’Exemple';
const maker = new ConventionMaker(await readConventionAssets(settings));
const { mentor, mentee, guardian } = syntheticPeople;
const filled = await maker.fill(
  {
    pairId: 'pair-4h8d2m-7f3k9q',
    cohortLabel: 'janvier 2027',
    mentor: `${mentor.firstName} ${mentor.lastName}`,
    mentee: `${mentee.firstName} ${mentee.lastName}`,
    representative: guardian.name,
    objectives: ['Choisir son dernier stage', 'Définir son projet d’orientation professionnelle'],
    meetings: 'Dans une salle de l’Espace Jeunes Anne Frank ou en visioconférence',
    start: '2027-01-11',
    end: '2027-07-09',
    shortened: true,
    coordinator: 'Camille Exemple, coordination@exemple.fr',
  },
  new Date('2026-12-14T10:00:00Z'),
);
const work = await mkdtemp(join(tmpdir(), 'binome-convention-'));
try {
  const pdf = join(work, 'convention.pdf');
  await writeFile(pdf, filled.bytes);
  const { stdout } = await run('pdfinfo', [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  for (const [page, name] of [
    [1, 'convention-page-1'],
    [pages, 'convention-signatures'],
  ] as const) {
    const base = join(work, name);
    await run('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-singlefile',
      '-f',
      String(page),
      '-l',
      String(page),
      pdf,
      base,
    ]);
    await rename(`${base}.png`, resolve('docs/screenshots', `${name}.png`));
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
