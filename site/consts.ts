import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { formTextsFor, type FormTexts, type FormTextsFile } from '../schemas/render-form.ts';
import type { FormKind } from '../schemas/validators.ts';
import { tokensFrom } from '../schemas/fill-tokens.ts';
import { nextCohort } from '../schemas/next-cohort.ts';
import { isPlaceholder, readSettings, refusePlaceholders } from '../schemas/read-settings.ts';
import { dateIn } from '../schemas/rules-context.ts';

// The build's environment (scripts/dev/build.ts sets the first; tests of the build the others):
// - BINOME_PRODUCTION=1: a site for the public, which refuses "[À compléter : …]" values;
// - BINOME_SETTINGS_FILE: another settings file than content/programme.yaml (tests of the build);
// - BINOME_TODAY=YYYY-MM-DD: the build's date, for tests; otherwise today in the structure's zone.
const settingsFile = process.env['BINOME_SETTINGS_FILE'] || 'content/programme.yaml';

/** The programme settings, validated once at build time (a mistake stops the build, naming the field). */
export const settings = readSettings(
  readFileSync(resolve(process.cwd(), settingsFile), 'utf8'),
  settingsFile,
);
if (process.env['BINOME_PRODUCTION'] === '1') refusePlaceholders(settings, settingsFile);

/** The day the site is built (`YYYY-MM-DD`), in the structure's time zone. */
export const today = buildDay(process.env['BINOME_TODAY'], settings.structure.timeZone);

function buildDay(injected: string | undefined, timeZone: string): string {
  if (!injected) return dateIn(timeZone, new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(injected))
    throw new Error(
      `BINOME_TODAY vaut « ${injected} » : écrivez une date AAAA-MM-JJ, ou retirez-la.`,
    );
  return injected;
}

/** The cohort the pages announce on the build's day (home, application pages, receipt). */
export const cohortOnShow = nextCohort(settings.cohorts, today);

/** The communes where a mentoré studies or lives, in words: « Issy-les-Moulineaux », « A ou B ». */
export const communes = tokensFrom(settings).commune;

const known = (value: string) => (isPlaceholder(value) ? undefined : value);

/**
 * The structure's contact details a visitor may be shown: a value still to fill in is left out
 * (undefined) rather than shown, and the pages fall back on the name, the town and the contact
 * page. Only a development build can have such values: a production build refuses them.
 */
export const contact = {
  name: settings.structure.name,
  shortName: settings.structure.shortName,
  street: known(settings.structure.address.street),
  postalCode: settings.structure.address.postalCode,
  city: settings.structure.address.city,
  phone: known(settings.structure.phone),
  email: known(settings.structure.email),
  hours: settings.structure.hours.filter((h) => !isPlaceholder(h.days) && !isPlaceholder(h.hours)),
  access: known(settings.structure.access),
};

/** The structure's postal address on one line, its street left out while still to fill in. */
export const postalAddress = [contact.street, `${contact.postalCode} ${contact.city}`]
  .filter(Boolean)
  .join(', ');

/**
 * Every processor the privacy notice names (issue 10): the site's host (publication.host) first,
 * then dataProtection.processors (the intake's host, the data repository's host, …).
 */
export const processors = [settings.publication.host, ...settings.dataProtection.processors];

/** RGAA compliance status as the official wording has it. */
export const accessibilityStatus = {
  'non-conforme': 'non conforme',
  'partiellement-conforme': 'partiellement conforme',
  'totalement-conforme': 'totalement conforme',
}[settings.accessibility.status];

/** Texts of the forms that are not field labels (content/forms.yaml). */
export type { FormTexts };

const formTextsData = parse(
  readFileSync(join(process.cwd(), 'content/forms.yaml'), 'utf8'),
) as Partial<FormTextsFile> | null;
const requiredTexts = [
  'intro',
  'draft',
  'summaryOne',
  'summaryMany',
  'sending',
  'networkError',
  'review',
  'reviewLinked',
] as const;
// The follow-up forms' texts also say what becomes of the bilan's words a person keeps.
const keptTextNotes = ['keptNote', 'keptNoteScript', 'sentNote', 'keptReview'] as const;
for (const [where, texts, keys] of [
  ['', formTextsData, requiredTexts],
  ['followUps.', formTextsData?.followUps, [...requiredTexts, ...keptTextNotes]],
] as const) {
  for (const key of keys)
    if (typeof (texts as Partial<FormTexts> | undefined)?.[key] !== 'string')
      throw new Error(`content/forms.yaml: « ${where}${key} » est obligatoire.`);
}
/** The texts of each kind of form (content/forms.yaml). */
export const formTexts = (kind: FormKind): FormTexts =>
  formTextsFor(formTextsData as FormTextsFile, kind);

export { blankConvention } from '../schemas/site-documents.ts';
