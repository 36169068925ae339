// Writes the blank, fillable convention de mentorat (public/documents/) before the site is built,
// from the same content/documents/convention.md as the site's page (issue 11). Its date is
// SOURCE_DATE_EPOCH when set (reproducible builds), else now. `node scripts/dev/build-convention-pdf.ts`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { readConventionAssets } from '../commands/convention-assets.ts';
import { ConventionMaker } from '../convention/convention-maker.ts';
import { blankConvention } from '../../schemas/site-documents.ts';

export async function buildBlankConvention(settingsFile: string, now: Date): Promise<number> {
  const settings = readSettings(readFileSync(settingsFile, 'utf8'), settingsFile);
  const bytes = await new ConventionMaker(await readConventionAssets(settings)).blank(now);
  await mkdir(dirname(blankConvention.file), { recursive: true });
  await writeFile(blankConvention.file, bytes);
  return bytes.length;
}

if (import.meta.main) {
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  const now = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
  const source = process.env['BINOME_SETTINGS_FILE'] || 'content/programme.yaml';
  try {
    const size = await buildBlankConvention(source, now);
    console.log(`Blank convention written: ${blankConvention.file} (${size} bytes).`);
  } catch (error) {
    console.error(
      `The blank convention could not be made: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
