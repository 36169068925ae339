import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { ConventionAssets } from '../convention/build-template.ts';
import { parseConvention } from '../convention/convention-source.ts';

const project = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The convention's text: the same file as the site's page (issue 11: nothing typed twice). */
export const conventionSourceFile = 'content/documents/convention.md';

/**
 * Inter (SIL Open Font License), from the npm package that ships it as TrueType: the PDF embeds
 * it, so that the convention looks the same in every viewer and on paper. (Chosen in README,
 * « La convention en PDF ».)
 */
export const conventionFonts = {
  regular: 'node_modules/@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  bold: 'node_modules/@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
} as const;

/** Reads what every convention is made of: its text, the fonts and the logo of the settings. */
export async function readConventionAssets(settings: ProgrammeSettings): Promise<ConventionAssets> {
  const [markdown, regular, bold] = await Promise.all([
    readFile(project(conventionSourceFile), 'utf8'),
    readFile(project(conventionFonts.regular)),
    readFile(project(conventionFonts.bold)),
  ]);
  const logo = settings.conventions?.logo;
  return {
    source: parseConvention(markdown),
    settings,
    fonts: { regular, bold },
    ...(logo
      ? {
          logo: {
            bytes: await readFile(project(logo)),
            type: logo.endsWith('.png') ? ('png' as const) : ('jpeg' as const),
          },
        }
      : {}),
  };
}
