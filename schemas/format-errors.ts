import type { ErrorObject } from 'ajv';
import { nodesAlong, type SchemaNode } from './schema-walk.ts';

/** One problem found in a record or in the settings, in French, naming the field. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `identity.email` (empty for the whole record). */
  field: string;
  message: string;
}

const typeNames: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'vrai ou faux (true ou false)',
  object: 'un ensemble de champs',
  array: 'une liste',
  null: 'vide (null)',
};

function segmentsOf(error: ErrorObject, nameUnknownFields: boolean): string[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'required') segments.push(String(p['missingProperty']));
  // In a record, an unknown field's name was typed by someone and may be a person's name: the
  // problem is reported on the object that holds it. Settings name it (it is a typo to fix).
  if (error.keyword === 'additionalProperties' && nameUnknownFields)
    segments.push(String(p['additionalProperty']));
  return segments;
}

function genericMessage(error: ErrorObject, nameUnknownFields: boolean): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'ce champ est obligatoire';
    case 'additionalProperties':
      return nameUnknownFields
        ? 'ce champ n’est pas prévu (faute de frappe ?)'
        : 'un champ n’est pas prévu ici (faute de frappe ?)';
    case 'type':
      return `doit être ${typeNames[String(p['type'])] ?? String(p['type'])}`;
    case 'const':
      return `doit valoir ${JSON.stringify(p['allowedValue'])}`;
    case 'enum':
      return `doit valoir l’une des valeurs suivantes : ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minLength':
      return p['limit'] === 1
        ? 'ne doit pas être vide'
        : `doit compter au moins ${String(p['limit'])} caractères`;
    case 'maxLength':
      return `doit compter au plus ${String(p['limit'])} caractères`;
    case 'minimum':
      return `doit être supérieur ou égal à ${String(p['limit'])}`;
    case 'maximum':
      return `doit être inférieur ou égal à ${String(p['limit'])}`;
    case 'minItems':
      return `doit contenir au moins ${String(p['limit'])} élément(s)`;
    case 'maxItems':
      return `doit contenir au plus ${String(p['limit'])} élément(s)`;
    default:
      return 'n’a pas le format attendu';
  }
}

/**
 * Turns Ajv's errors into one French problem per field. With the `schema` that produced them,
 * a field's own `x-error` message is used, and errors deep inside a field (an item of a list,
 * a branch of `oneOf`) are reported on the field a person can act on. Ajv reports an `anyOf`
 * failure with the failure of each branch; only the `anyOf` is kept.
 */
export function formatErrors(
  errors: readonly ErrorObject[] | null | undefined,
  schema?: SchemaNode,
  options: { nameUnknownFields?: boolean } = {},
): FieldProblem[] {
  if (!errors) return [];
  const branchPaths = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => e.instancePath);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const insideBranch = branchPaths.some(
      (p) =>
        error.keyword !== 'anyOf' &&
        error.keyword !== 'oneOf' &&
        (error.instancePath === p || error.instancePath.startsWith(p + '/')),
    );
    if (insideBranch) continue;
    const segments = segmentsOf(error, options.nameUnknownFields ?? false);
    let problem: FieldProblem = {
      field: segments.join('.'),
      message: genericMessage(error, options.nameUnknownFields ?? false),
    };
    if (schema) {
      const chain = nodesAlong(schema, segments);
      const owner = [...chain].reverse().find((step) => step.node['x-error']);
      const own = chain.at(-1)!;
      if (error.keyword === 'maxLength' && own.node.title && own.path.length === segments.length) {
        // A field's message says what to write when it is empty or wrong; a length limit is
        // said only to the person who went past it (issue 8).
        const limit = Number((error.params as { limit?: unknown }).limit).toLocaleString('fr-FR');
        problem = {
          field: own.path.join('.'),
          message: `Raccourcissez « ${own.node.title} » : ${limit} caractères au plus.`,
        };
      } else if (owner) problem = { field: owner.path.join('.'), message: owner.node['x-error']! };
    }
    if (seen.has(problem.field)) continue;
    seen.add(problem.field);
    problems.push(problem);
  }
  return problems;
}
