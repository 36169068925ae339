import type { ValidateFunction } from 'ajv';
import { compileSchema } from './compile-schema.ts';
import { isMinorOn, menteeRules, mentorRules, type RulesContext } from './application-rules.ts';
import { checkForm } from './check-form.ts';
import type { TextTokens } from './fill-tokens.ts';
import { isSealed } from './sealed-identity.ts';
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
import { erasureSchema, type Erasure } from './erasure.schema.ts';
import {
  bilanFormSchema,
  checkInFormSchema,
  type BilanForm,
  type CheckInForm,
} from './follow-up-forms.ts';
import {
  followUpCodeSchema,
  followUpSchema,
  type FollowUp,
  type FollowUpCode,
} from './follow-up.schema.ts';
import { matchingEditsSchema, type MatchingEdits } from './matching-edits.schema.ts';
import { pairSchema, type Pair } from './pair.schema.ts';
import { screeningDecisionSchema, type ScreeningDecision } from './screening-decision.schema.ts';
import type { SchemaNode } from './schema-walk.ts';

/** The kinds of application, as they appear in ids (`mentor-…`, `mentee-…`) and folders. */
export type ApplicationKind = 'mentor' | 'mentee';

export type ApplicationForm<K extends ApplicationKind> = K extends 'mentor'
  ? MentorApplicationForm
  : MenteeApplicationForm;

/** The participants' follow-up forms (issue 12): the monthly check-in and the final bilan. */
export type FollowUpFormKind = 'check-in' | 'bilan';
/** Every form the site offers and the intake receives. */
export type FormKind = ApplicationKind | FollowUpFormKind;
export type FollowUpForm<K extends FollowUpFormKind> = K extends 'check-in'
  ? CheckInForm
  : BilanForm;
export type Application<K extends ApplicationKind> = K extends 'mentor'
  ? MentorApplication
  : MenteeApplication;

export const formSchemas = {
  mentor: mentorApplicationFormSchema,
  mentee: menteeApplicationFormSchema,
  'check-in': checkInFormSchema,
  bilan: bilanFormSchema,
} as const satisfies Record<FormKind, unknown>;
export const recordSchemas = {
  mentor: mentorApplicationSchema,
  mentee: menteeApplicationSchema,
} as const;

const formValidators: Record<FormKind, ValidateFunction> = {
  mentor: compileSchema('form:mentor', mentorApplicationFormSchema),
  mentee: compileSchema('form:mentee', menteeApplicationFormSchema),
  'check-in': compileSchema('form:check-in', checkInFormSchema),
  bilan: compileSchema('form:bilan', bilanFormSchema),
};
const recordValidators: Record<ApplicationKind, ValidateFunction> = {
  mentor: compileSchema('record:mentor', mentorApplicationSchema),
  mentee: compileSchema('record:mentee', menteeApplicationSchema),
};

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Any form as sent, by the precompiled validator of its kind, then its rules. */
function checkAnyForm<T>(
  kind: FormKind,
  data: unknown,
  context: RulesContext & { tokens: TextTokens },
): Checked<T> {
  const result = checkForm(
    kind,
    formValidators[kind],
    formSchemas[kind] as SchemaNode,
    data,
    context,
  );
  return result.ok ? { ok: true, value: data as T } : result;
}

/**
 * Validates what a person sent with an application form, exactly as the browser does (same
 * schema, same rules, same French messages), with the validators compiled here.
 */
export function checkApplicationForm<K extends ApplicationKind>(
  kind: K,
  data: unknown,
  context: RulesContext & { tokens: TextTokens },
): Checked<ApplicationForm<K>> {
  return checkAnyForm(kind, data, context);
}

/**
 * Validates a stored application record (as read from the data repository): its schema and,
 * given the programme's context, the rules the form applied, judged on the day it was sent
 * (a minor then is a minor in the record, whatever their age today).
 */
export function checkApplication<K extends ApplicationKind>(
  kind: K,
  data: unknown,
  context?: Omit<RulesContext, 'today'>,
): Checked<Application<K>> {
  const validate = recordValidators[kind];
  const schema = recordSchemas[kind] as SchemaNode;
  const problems = validate(data) ? [] : formatErrors(validate.errors, schema);
  if (problems.length > 0) return { ok: false, problems };
  const record = data as Application<K>;
  const submittedOn = record.submittedAt.slice(0, 10);
  if (context) {
    const rules = kind === 'mentor' ? mentorRules : menteeRules;
    problems.push(
      ...rules(record as Parameters<typeof rules>[0], { ...context, today: submittedOn }),
    );
  }
  // A minor's record says where their legal representative's authorisation stands (known only
  // from an opened identity: a sealed one is checked once opened, by whoever holds the key).
  const mentee = record as Application<'mentee'>;
  if (
    kind === 'mentee' &&
    !isSealed(mentee.identity) &&
    isMinorOn(mentee.identity.birthDate, submittedOn) &&
    !mentee.legalRepresentativeAuthorisation
  )
    problems.push({
      field: 'legalRepresentativeAuthorisation',
      message:
        'pour un mineur, indiquez où en est l’autorisation de son représentant légal (« pending » tant que la convention n’est pas signée)',
    });
  return problems.length ? { ok: false, problems } : { ok: true, value: data as Application<K> };
}

/**
 * Validates what a participant sent with a follow-up form, exactly as the browser does (same
 * schema, same rules, same French messages).
 */
export function checkFollowUpForm<K extends FollowUpFormKind>(
  kind: K,
  data: unknown,
  context: RulesContext & { tokens: TextTokens },
): Checked<FollowUpForm<K>> {
  return checkAnyForm(kind, data, context);
}

/** A stored record's check: its schema, compiled once, and its problems in French. */
function recordChecker<T>(name: string, schema: object): (data: unknown) => Checked<T> {
  const validate = compileSchema<T>(name, schema);
  return (data) =>
    validate(data)
      ? { ok: true, value: data }
      : { ok: false, problems: formatErrors(validate.errors, schema as SchemaNode) };
}

/** Validates a stored screening decision. */
export const checkScreeningDecision = recordChecker<ScreeningDecision>(
  'screening-decision',
  screeningDecisionSchema,
);

/** Validates a stored pair (`pairs/<pairId>.json`). */
export const checkPair = recordChecker<Pair>('pair', pairSchema);

/** Validates a cohort's matching edits (`matching/<cohort>.json`). */
export const checkMatchingEdits = recordChecker<MatchingEdits>(
  'matching-edits',
  matchingEditsSchema,
);

/** Validates what stays of an erased person (`erasures/<id>.json`). */
export const checkErasure = recordChecker<Erasure>('erasure', erasureSchema);

/** Validates a stored follow-up record (`followups/<pairId>/<instant>-<role>.json`). */
export const checkFollowUp = recordChecker<FollowUp>('follow-up', followUpSchema);

/** Validates a stored follow-up code's owner (`followup-codes/<hash>.json`). */
export const checkFollowUpCode = recordChecker<FollowUpCode>('follow-up-code', followUpCodeSchema);
