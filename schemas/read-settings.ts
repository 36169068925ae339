import { isPlaceholder, placeholderPattern } from './placeholder.ts';
import { parse } from 'yaml';
import { createAjv } from './ajv-instance.ts';
import { formatErrors, type FieldProblem } from './format-errors.ts';
import { inEea } from './in-eea.ts';
import { programmeSchema, type ProgrammeSettings } from './programme.schema.ts';

/** The settings file could not be read as valid settings; `problems` names each field. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  readonly problems: FieldProblem[];
  constructor(source: string, problems: FieldProblem[]) {
    super(
      `${source} contient ${problems.length === 1 ? 'une erreur' : `${problems.length} erreurs`} :\n` +
        problems.map((p) => `  - « ${p.field || '(racine)'} » : ${p.message}`).join('\n') +
        '\nCorrigez ce fichier puis relancez la construction du site.',
    );
    this.problems = problems;
  }
}

const validate = createAjv().compile<ProgrammeSettings>(programmeSchema);

/**
 * What the settings schema cannot say: each age range is in order, each cohort's dates follow
 * one another (applications close between their opening and the start), the time zone exists,
 * and a host says what frames the transfer of the data exactly when it is outside the EEA.
 */
function settingsRules(settings: ProgrammeSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [role, range] of Object.entries(settings.eligibility.ages)) {
    if (range.min > range.max)
      problems.push({
        field: `eligibility.ages.${role}`,
        message: `l’âge minimum (${range.min} ans) dépasse l’âge maximum (${range.max} ans)`,
      });
  }
  settings.cohorts.forEach((cohort, i) => {
    // ISO dates compare as text.
    const { applicationsOpen: open, applicationsClose: close, start, end } = cohort;
    if (close < open || close > start)
      problems.push({
        field: `cohorts.${i}.applicationsClose`,
        message: `la clôture des candidatures (${close}) doit tomber entre leur ouverture (${open}) et le début de la cohorte (${start})`,
      });
    if (end < start)
      problems.push({
        field: `cohorts.${i}.end`,
        message: `la fin de la cohorte (${end}) précède son début (${start})`,
      });
  });
  problems.push(...transferProblems(settings));
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: settings.structure.timeZone });
  } catch {
    problems.push({
      field: 'structure.timeZone',
      message: 'fuseau horaire inconnu : écrivez-le comme « Europe/Paris » ou « America/Cayenne »',
    });
  }
  return problems;
}

/**
 * The privacy notice lists, among the transfers out of the European Union, the hosts that have a
 * `transferFramework` (issue 10): it must be there for every host outside the EEA, and only there.
 */
function transferProblems(settings: ProgrammeSettings): FieldProblem[] {
  const hosts = [
    { field: 'publication.host', host: settings.publication.host },
    ...settings.dataProtection.processors.map((host, i) => ({
      field: `dataProtection.processors.${i}`,
      host,
    })),
  ];
  return hosts.flatMap(({ field, host: { country, transferFramework } }) => {
    if (!inEea(country) && transferFramework === null)
      return [
        {
          field: `${field}.transferFramework`,
          message: `« ${country} » est hors de l’Espace économique européen : dites ce qui encadre le transfert des données (une décision d’adéquation, des clauses contractuelles types), ou écrivez le pays comme « France » ou « Irlande » s’il en fait partie`,
        },
      ];
    if (inEea(country) && transferFramework !== null)
      return [
        {
          field: `${field}.transferFramework`,
          message: `« ${country} » est dans l’Espace économique européen : aucun transfert n’y est à encadrer, écrivez null`,
        },
      ];
    return [];
  });
}

/**
 * Parses and validates the programme settings (the text of `content/programme.yaml`).
 * Throws a `SettingsError` whose French message names every faulty field.
 */
export function readSettings(
  yamlText: string,
  source = 'content/programme.yaml',
): ProgrammeSettings {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SettingsError(source, [{ field: '', message: `le YAML est illisible (${detail})` }]);
  }
  if (!validate(data))
    throw new SettingsError(
      source,
      formatErrors(validate.errors, undefined, { nameUnknownFields: true }),
    );
  const problems = settingsRules(data);
  if (problems.length) throw new SettingsError(source, problems);
  return data;
}

export { isPlaceholder };

/** Values still written "[À compléter : …]", with their field, for the structure to fill in. */
export function findPlaceholders(value: unknown, path = ''): { field: string; text: string }[] {
  if (typeof value === 'string')
    return placeholderPattern.test(value) ? [{ field: path, text: value }] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => findPlaceholders(item, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      findPlaceholders(item, path ? `${path}.${key}` : key),
    );
  return [];
}

/** A production build met values still to fill in; `placeholders` names each one. */
export class PlaceholdersError extends Error {
  override name = 'PlaceholdersError';
  readonly placeholders: { field: string; text: string }[];
  constructor(source: string, placeholders: { field: string; text: string }[]) {
    const count = placeholders.length;
    super(
      `${source} contient encore ${count === 1 ? 'une valeur' : `${count} valeurs`} « [À compléter : …] », qu’un site public ne peut pas afficher :\n` +
        placeholders
          .map(
            (p) => `  - « ${p.field} » : ${p.text.replace(/^\[À compléter[ \u00a0]: |\]$/g, '')}`,
          )
          .join('\n') +
        '\nRemplacez chacune par la vraie information, puis relancez la construction du site.',
    );
    this.placeholders = placeholders;
  }
}

/**
 * For a production build (issue 8): throws a `PlaceholdersError` naming, in French, every value
 * still written "[À compléter : …]". A development build shows them instead, on purpose.
 */
export function refusePlaceholders(
  settings: ProgrammeSettings,
  source = 'content/programme.yaml',
): void {
  const placeholders = findPlaceholders(settings);
  if (placeholders.length) throw new PlaceholdersError(source, placeholders);
}
