import { idPatterns } from './data-layout.ts';
import type { FromSchema } from 'json-schema-to-ts';
import { utcInstant } from './fields.ts';

const pairOfPeople = {
  type: 'object',
  additionalProperties: false,
  required: ['mentor', 'mentee', 'at'],
  properties: {
    mentor: { type: 'string', pattern: idPatterns.mentor },
    mentee: { type: 'string', pattern: idPatterns.mentee },
    at: utcInstant,
  },
} as const;

/**
 * A cohort's matching, `matching/<cohort>.json`: the mode of its last run, and the coordinators'
 * edits, kept so that solving again honours them: pairs forbidden with /interdire (never proposed again, in any cohort) and
 * proposals withdrawn with /retirer (not proposed again for this cohort). Forced pairs
 * (/associer) are pair files proposed by a coordinator.
 */
export const matchingEditsSchema = {
  $id: 'matching-edits',
  title: 'Modifications de l’appariement',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'cohort', 'mode', 'forbidden', 'withdrawn'],
  properties: {
    schemaVersion: { const: 1 },
    cohort: { type: 'string', pattern: idPatterns.cohort },
    /** The mode of the last matching run, which /relancer keeps unless told otherwise. */
    mode: { enum: ['best', 'most'] },
    forbidden: { type: 'array', items: pairOfPeople },
    withdrawn: { type: 'array', items: pairOfPeople },
  },
} as const;

export type MatchingEdits = FromSchema<typeof matchingEditsSchema>;
