import type { ValidateFunction } from 'ajv';
import { createAjv } from './ajv-instance.ts';
import { mentorRules, menteeRules, type RulesContext } from './application-rules.ts';
import { fillTokens, type TextTokens } from './fill-tokens.ts';
import { formatErrors, type FieldProblem } from './format-errors.ts';
import {
  menteeApplicationFormSchema,
  menteeApplicationSchema,
  type MenteeApplication,
  type MenteeApplicationForm,
} from './mentee-application.schema.ts';
import {
  mentorApplicationFormSchema,
  mentorApplicationSchema,
  type MentorApplication,
  type MentorApplicationForm,
} from './mentor-application.schema.ts';
import { screeningDecisionSchema, type ScreeningDecision } from './screening-decision.schema.ts';
import { inFieldOrder, type SchemaNode } from './schema-walk.ts';

const ajv = createAjv();

/** The kinds of application, as they appear in ids (`mentor-…`, `mentee-…`) and folders. */
export type ApplicationKind = 'mentor' | 'mentee';

export type ApplicationForm<K extends ApplicationKind> = K extends 'mentor' ? MentorApplicationForm : MenteeApplicationForm;
export type Application<K extends ApplicationKind> = K extends 'mentor' ? MentorApplication : MenteeApplication;

export const formSchemas = { mentor: mentorApplicationFormSchema, mentee: menteeApplicationFormSchema } as const;
export const recordSchemas = { mentor: mentorApplicationSchema, mentee: menteeApplicationSchema } as const;

const formValidators: Record<ApplicationKind, ValidateFunction> = {
  mentor: ajv.compile(mentorApplicationFormSchema),
  mentee: ajv.compile(menteeApplicationFormSchema),
};
const recordValidators: Record<ApplicationKind, ValidateFunction> = {
  mentor: ajv.compile(mentorApplicationSchema),
  mentee: ajv.compile(menteeApplicationSchema),
};
const screeningValidator = ajv.compile<ScreeningDecision>(screeningDecisionSchema);

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Validates what a person sent with an application form: the schema first, then the rules a
 * schema cannot say (age, commune). Messages are French, one per field, tokens filled.
 */
export function checkApplicationForm<K extends ApplicationKind>(
  kind: K,
  data: unknown,
  context: RulesContext & { tokens: TextTokens },
): Checked<ApplicationForm<K>> {
  const validate = formValidators[kind];
  const schema = formSchemas[kind] as SchemaNode;
  const fromSchema = validate(data) ? [] : formatErrors(validate.errors, schema);
  const loose = (data ?? {}) as Parameters<typeof mentorRules>[0];
  const fromRules = kind === 'mentor' ? mentorRules(loose, context) : menteeRules(loose, context);
  // One message per field: the schema's first (it says what to type), then the rules'.
  const problems = [...fromSchema, ...fromRules.filter((r) => !fromSchema.some((p) => p.field === r.field))];
  if (problems.length === 0) return { ok: true, value: data as ApplicationForm<K> };
  return {
    ok: false,
    problems: inFieldOrder(schema, problems).map((p) => ({ ...p, message: fillTokens(p.message, context.tokens) })),
  };
}

/** Validates a stored application record (as read from the data repository). */
export function checkApplication<K extends ApplicationKind>(kind: K, data: unknown): Checked<Application<K>> {
  const validate = recordValidators[kind];
  return validate(data)
    ? { ok: true, value: data as Application<K> }
    : { ok: false, problems: formatErrors(validate.errors, recordSchemas[kind] as SchemaNode) };
}

/** Validates a stored screening decision. */
export function checkScreeningDecision(data: unknown): Checked<ScreeningDecision> {
  return screeningValidator(data)
    ? { ok: true, value: data }
    : { ok: false, problems: formatErrors(screeningValidator.errors, screeningDecisionSchema as SchemaNode) };
}
