import { idPatterns } from './data-layout.ts';
import type { FromSchema } from 'json-schema-to-ts';
import { calendarDate } from './fields.ts';

/**
 * What stays of a person once erased (by request or at the end of a retention period):
 * `erasures/<id>.json`. Nothing about who they were, only what the programme's figures count
 * (an application of this role, this cohort, this month, how far it went), so that erasing
 * someone changes no total of a report. Their id stays only because pairs name it.
 */
export const erasureSchema = {
  $id: 'erasure',
  title: 'Effacement d’une personne',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'id',
    'kind',
    'cohort',
    'submittedMonth',
    'lastStatus',
    'erasedOn',
    'reason',
  ],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: idPatterns.application },
    kind: { enum: ['mentor', 'mentee'] },
    cohort: { type: 'string', pattern: idPatterns.cohort },
    /** The month the application arrived, `YYYY-MM`. */
    submittedMonth: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
    /** Where screening had got to (`new` when no decision was made). */
    lastStatus: { enum: ['new', 'interviewed', 'accepted', 'waitlisted', 'declined', 'withdrawn'] },
    erasedOn: calendarDate,
    reason: {
      title: 'Motif',
      oneOf: [
        { const: 'request', title: 'À la demande de la personne' },
        { const: 'retention', title: 'Fin de la durée de conservation' },
      ],
    },
  },
} as const;

export type Erasure = FromSchema<typeof erasureSchema>;
