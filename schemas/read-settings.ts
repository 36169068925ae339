import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { formatErrors, type FieldProblem } from './format-errors.ts';
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

const validate = new Ajv2020({ allErrors: true, strict: true }).compile<ProgrammeSettings>(
  programmeSchema,
);

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
  if (!validate(data)) throw new SettingsError(source, formatErrors(validate.errors));
  return data;
}

/** Values still written "[À compléter : …]", with their field, for the structure to fill in. */
export function findPlaceholders(value: unknown, path = ''): { field: string; text: string }[] {
  if (typeof value === 'string')
    return /^\[À compléter[ \u00a0]: /.test(value) ? [{ field: path, text: value }] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => findPlaceholders(item, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      findPlaceholders(item, path ? `${path}.${key}` : key),
    );
  return [];
}
