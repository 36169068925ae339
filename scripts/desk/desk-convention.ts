import type { OpenedMenteeApplication } from '../../schemas/mentee-application.schema.ts';
import type { OpenedMentorApplication } from '../../schemas/mentor-application.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import type { ConventionAssets } from '../convention/build-template.ts';
import { ConventionMaker } from '../convention/convention-maker.ts';
import { conventionParticulars } from '../convention/convention-particulars.ts';
import { parseConvention } from '../convention/convention-source.ts';
import type { RecordSet } from '../records/sort-records.ts';
import { DeskError } from './desk-error.ts';

/**
 * A pair's filled convention, made in the browser by the same code as `npm run conventions`
 * (conventionParticulars, then ConventionMaker.fill), from the identities the desk opened. The
 * bytes stay in this tab: they are never sent anywhere.
 */
export async function deskConvention(
  pairId: string,
  records: RecordSet,
  settings: ProgrammeSettings,
  maker: () => Promise<ConventionMaker>,
  now: Date,
): Promise<Uint8Array> {
  const pair = records.pairs.find((p) => p.id === pairId);
  const mentor = records.applications.find((a) => a.id === pair?.mentor);
  const mentee = records.applications.find((a) => a.id === pair?.mentee);
  if (!pair || !mentor || !mentee || isSealed(mentor.identity) || isSealed(mentee.identity))
    throw new DeskError(
      `La convention du binôme ${pairId} ne peut pas être remplie ici : l’identité d’un de ses membres n’a pas pu être lue.`,
    );
  const particulars = conventionParticulars(
    pair,
    mentor as unknown as OpenedMentorApplication,
    mentee as unknown as OpenedMenteeApplication,
    settings,
  );
  if (particulars.start === '')
    throw new DeskError(
      `La convention du binôme ${pairId} ne peut pas être remplie : sa cohorte n’est plus dans les réglages et il n’a pas de date d’acceptation.`,
    );
  return (await (await maker()).fill(particulars, now)).bytes;
}

/** Where the convention's files are, and what they are: public, fetched from the site. */
export interface ConventionFiles {
  base: URL;
  markdown: string;
  fonts: { regular: string; bold: string };
  logo?: { file: string; type: 'png' | 'jpeg' };
}

/** The convention's assets, from the site: its text (given), its fonts and logo (fetched). */
export async function fetchConventionAssets(
  files: ConventionFiles,
  settings: ProgrammeSettings,
): Promise<ConventionAssets> {
  const file = async (name: string) => {
    const response = await fetch(new URL(name, files.base));
    if (!response.ok)
      throw new DeskError(
        'Les fichiers de la convention n’ont pas pu être lus sur le site : réessayez.',
      );
    return new Uint8Array(await response.arrayBuffer());
  };
  const [regular, bold] = await Promise.all([file(files.fonts.regular), file(files.fonts.bold)]);
  return {
    source: parseConvention(files.markdown),
    settings,
    fonts: { regular, bold },
    ...(files.logo ? { logo: { bytes: await file(files.logo.file), type: files.logo.type } } : {}),
  };
}

/** The maker of every convention of a tab, built once from the assets it is given. */
export function conventionMakerOf(assets: () => Promise<ConventionAssets>) {
  let made: Promise<ConventionMaker> | undefined;
  return () => {
    made ??= assets().then((a) => new ConventionMaker(a));
    made.catch(() => (made = undefined));
    return made;
  };
}
