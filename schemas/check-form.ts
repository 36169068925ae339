import type { ErrorObject } from 'ajv';
import { mentorRules, menteeRules, type RulesContext } from './application-rules.ts';
import { fillTokens, type TextTokens } from './fill-tokens.ts';
import { checkInRules } from './follow-up-form-rules.ts';
import { formatErrors, type FieldProblem } from './format-errors.ts';
import { inFieldOrder, type SchemaNode } from './schema-walk.ts';

/** A compiled validator, from Ajv at run time (server) or precompiled (browser). */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type FormCheck = { ok: true } | { ok: false; problems: FieldProblem[] };

/**
 * Checks what a person typed in a form (an application or a follow-up): the schema, then the rules a schema cannot
 * say, which also run when the schema fails so that every problem shows at once. One French
 * message per field, in the order of the form. Browser-safe: no Ajv at run time.
 */
export function checkForm(
  kind: 'mentor' | 'mentee' | 'check-in' | 'bilan',
  validate: Validator,
  schema: SchemaNode,
  data: unknown,
  context: RulesContext & { tokens: TextTokens },
): FormCheck {
  const fromSchema = validate(data) ? [] : formatErrors(validate.errors, schema);
  const loose = (data ?? {}) as Parameters<typeof mentorRules>[0];
  const fromRules =
    kind === 'mentor'
      ? mentorRules(loose, context)
      : kind === 'mentee'
        ? menteeRules(loose, context)
        : kind === 'check-in'
          ? checkInRules(data, context)
          : [];
  // The schema's message comes first for a field (it says what to type); then the rules'.
  const problems = [
    ...fromSchema,
    ...fromRules.filter((r) => !fromSchema.some((p) => p.field === r.field)),
  ];
  if (problems.length === 0) return { ok: true };
  collapseUnticked(schema, data, problems);
  return {
    ok: false,
    problems: inFieldOrder(schema, problems).map((p) => ({
      ...p,
      message: fillTokens(p.message, context.tokens),
    })),
  };
}

/**
 * A group of boxes none of which is ticked (`x-error-all`) gets one message, not one per box:
 * six « Cochez… » in a row tell a person less than one sentence (issue 8).
 */
function collapseUnticked(schema: SchemaNode, data: unknown, problems: FieldProblem[]): void {
  for (const [key, group] of Object.entries(schema.properties ?? {})) {
    const message = group['x-error-all'];
    if (!message || !group.properties) continue;
    const sent = (data as Record<string, unknown> | null)?.[key];
    const ticked = Object.values((sent ?? {}) as Record<string, unknown>).some((v) => v === true);
    if (ticked) continue;
    const inside = (p: FieldProblem) => p.field.startsWith(`${key}.`) || p.field === key;
    const first = problems.findIndex(inside);
    if (first === -1) continue;
    const kept = problems.filter((p) => !inside(p));
    kept.splice(first, 0, { field: key, message });
    problems.splice(0, problems.length, ...kept);
  }
}
