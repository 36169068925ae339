import type { ErrorObject } from 'ajv';

/** One problem found in a record or in the settings, in French, naming the field. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `structure.address.postalCode` (empty for the whole record). */
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

function pathOf(error: ErrorObject): string {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

function describe(error: ErrorObject): FieldProblem {
  const field = pathOf(error);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: join(field, String(p.missingProperty)), message: 'ce champ est obligatoire' };
    case 'additionalProperties':
      return {
        field: join(field, String(p.additionalProperty)),
        message: 'ce champ n’est pas prévu (faute de frappe ?)',
      };
    case 'type':
      return { field, message: `doit être ${typeNames[String(p.type)] ?? String(p.type)}` };
    case 'const':
      return { field, message: `doit valoir ${JSON.stringify(p.allowedValue)}` };
    case 'enum':
      return {
        field,
        message: `doit valoir l’une des valeurs suivantes : ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'minLength':
      return {
        field,
        message:
          p.limit === 1
            ? 'ne doit pas être vide'
            : `doit compter au moins ${String(p.limit)} caractères`,
      };
    case 'maxLength':
      return { field, message: `doit compter au plus ${String(p.limit)} caractères` };
    case 'minimum':
      return { field, message: `doit être supérieur ou égal à ${String(p.limit)}` };
    case 'maximum':
      return { field, message: `doit être inférieur ou égal à ${String(p.limit)}` };
    case 'minItems':
      return { field, message: `doit contenir au moins ${String(p.limit)} élément(s)` };
    case 'maxItems':
      return { field, message: `doit contenir au plus ${String(p.limit)} élément(s)` };
    case 'pattern':
    case 'format':
    case 'anyOf':
    case 'oneOf':
      return { field, message: 'n’a pas le format attendu' };
    default:
      return { field, message: error.message ?? 'valeur refusée' };
  }
}

/**
 * Turns Ajv's errors into one French problem per field. Ajv reports an `anyOf` failure together
 * with the failure of each branch; only the `anyOf` itself is kept, so that a person reads one
 * message per field rather than the schema's internals.
 */
export function formatErrors(errors: readonly ErrorObject[] | null | undefined): FieldProblem[] {
  if (!errors) return [];
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
  );
  const problems = errors
    .filter(
      (e) =>
        e.keyword === 'anyOf' ||
        e.keyword === 'oneOf' ||
        ![...anyOfPaths].some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/')),
    )
    .map(describe);
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
