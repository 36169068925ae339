// The conventions whose rendering is committed (tests/convention/references/), shared by the
// test that compares them (tests/convention/convention-rendering.test.ts) and the script that
// refreshes them (npm run references:conventions). Synthetic people only.
import type { ConventionMaker } from '../convention/convention-maker.ts';
import type { Particulars } from '../convention/convention-particulars.ts';

/** Where the reference pictures are, from the project root. */
export const referencesFolder = 'tests/convention/references';

/** The clock of the reference conventions (their metadata only: nothing drawn depends on it). */
export const referenceClock = new Date('2026-11-30T12:00:00Z');

/**
 * A minor mentoré with a legal representative (four signatories, every name field prefilled),
 * all the cover rows, an other objective and French typography (U+202F, ’, « »).
 */
export const referenceParticulars: Particulars = {
  pairId: 'pair-7f3k9q-a1b2c3',
  cohortLabel: 'janvier 2027',
  mentor: 'Jeanne Dupont-Lefèvre',
  mentee: 'Zoé Œuvray-Ångström',
  representative: 'Marc Œuvray',
  objectives: ['Finaliser son parcours de formation', 'Choisir son dernier stage'],
  otherObjective: 'Préparer l’entretien du « stage de fin d’études »\u202f!',
  meetings: 'Dans une salle de l’Espace Jeunes Anne Frank ou en visioconférence',
  start: '2027-01-11',
  end: '2027-07-09',
  shortened: false,
  coordinator: 'Camille Martin, camille.martin@exemple.fr, 01 23 45 67 89',
};

/**
 * `pdftoppm`'s arguments for the references: 50 dpi in grey levels, enough to see a line move
 * or a glyph change, and a few tens of kilobytes a page.
 */
export const referenceRendering = { dpi: 50, args: ['-r', '50', '-gray', '-png'] } as const;

/** The conventions drawn for the references, by name: the blank one and a filled one. */
export async function referenceConventions(
  maker: ConventionMaker,
): Promise<{ name: 'blank' | 'filled'; bytes: Uint8Array }[]> {
  return [
    { name: 'blank', bytes: await maker.blank(referenceClock) },
    { name: 'filled', bytes: (await maker.fill(referenceParticulars, referenceClock)).bytes },
  ];
}

/** The page number of a reference picture (`filled-3.png` -> 3), if it is one of `name`'s. */
export function referencePage(file: string, name: string): number | undefined {
  const match = new RegExp(`^${name}-(\\d+)\\.png$`).exec(file);
  return match ? Number(match[1]) : undefined;
}
