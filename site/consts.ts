import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings } from '../schemas/read-settings.ts';

/** The programme settings, validated once at build time (a mistake stops the build, naming the field). */
export const settings = readSettings(
  readFileSync(join(process.cwd(), 'content/programme.yaml'), 'utf8'),
);

/** RGAA compliance status as the official wording has it. */
export const accessibilityStatus = {
  'non-conforme': 'non conforme',
  'partiellement-conforme': 'partiellement conforme',
  'totalement-conforme': 'totalement conforme',
}[settings.accessibility.status];
