import { readFile } from 'node:fs/promises';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { readSettings } from '../../schemas/read-settings.ts';

/**
 * The programme's settings for a command: `content/programme.yaml`, or the file
 * `BINOME_SETTINGS_FILE` names (a server's settings kept apart from the sources, a test's).
 */
export async function programmeSettings(): Promise<{
  settings: ProgrammeSettings;
  source: string;
}> {
  const source = process.env['BINOME_SETTINGS_FILE'] || 'content/programme.yaml';
  return { settings: readSettings(await readFile(source, 'utf8'), source), source };
}
