import {
  availability,
  languages,
  objectivesFor,
  sector as sectorField,
} from '../../schemas/fields.ts';
import { menteeApplicationFormSchema } from '../../schemas/mentee-application.schema.ts';

type Choices = readonly { const: string; title: string }[];

function table(choices: Choices, lower = false): ReadonlyMap<string, string> {
  return new Map(
    choices.map((c) => [
      c.const,
      lower ? c.title.charAt(0).toLowerCase() + c.title.slice(1) : c.title,
    ]),
  );
}

// The French labels the forms show, taken from the same schemas (one source for every text).
const objectiveLabels = table(objectivesFor('mentor').items.oneOf, true);
const sectorLabels = table(sectorField.oneOf);
const dayLabels = table(availability.properties.days.items.oneOf, true);
const periodLabels = new Map([
  ['matin', 'matin'],
  ['apres-midi', 'après-midi'],
  ['soir', 'soir'],
]);
const languageLabels = table(languages.items.oneOf, true);
const levelLabels = table(
  menteeApplicationFormSchema.properties.profile.properties.studies.properties.level.oneOf,
);
// The form's meeting-mode labels name the structure (« à l’{structure} »): a summary says less.
const meetingModeLabels = new Map([
  ['presentiel', 'en personne'],
  ['visio', 'en visioconférence'],
  ['les-deux', 'en personne ou en visioconférence'],
]);

function label(labels: ReadonlyMap<string, string>, value: string): string {
  return labels.get(value) ?? value;
}

/** « finaliser son parcours de formation », for a reason or the review. */
export const objectiveLabel = (value: string): string => label(objectiveLabels, value);
/** « Informatique, numérique, télécommunications ». */
export const sectorLabel = (value: string): string => label(sectorLabels, value);
/** « mardi ». */
export const dayLabel = (value: string): string => label(dayLabels, value);
/** « après-midi ». */
export const periodLabel = (value: string): string => label(periodLabels, value);
/** « anglais ». */
export const languageLabel = (value: string): string => label(languageLabels, value);

/** « Bac + 2 (BTS, BUT 2ᵉ année…) ». */
export const levelLabel = (value: string): string => label(levelLabels, value);
/** « en personne », « en visioconférence », « en personne ou en visioconférence ». */
export const meetingModeLabel = (value: string): string => label(meetingModeLabels, value);

/** `a`, `a et b`, `a, b et c`: French enumeration. */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}
