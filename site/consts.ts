import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
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

/** Texts of the application forms that are not field labels (content/forms.yaml). */
export interface FormTexts {
  intro: string;
  summaryOne: string;
  summaryMany: string;
  sending: string;
  networkError: string;
}

const formTextsData = parse(
  readFileSync(join(process.cwd(), 'content/forms.yaml'), 'utf8'),
) as Partial<FormTexts>;
for (const key of ['intro', 'summaryOne', 'summaryMany', 'sending', 'networkError'] as const) {
  if (typeof formTextsData[key] !== 'string')
    throw new Error(`content/forms.yaml: « ${key} » est obligatoire.`);
}
export const formTexts = formTextsData as FormTexts;
