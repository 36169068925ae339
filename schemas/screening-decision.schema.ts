import { idPatterns } from './data-layout.ts';
import type { FromSchema } from 'json-schema-to-ts';
import { calendarDate, oneLineText, utcInstant } from './fields.ts';

const status = {
  title: 'Statut',
  oneOf: [
    { const: 'new', title: 'Nouvelle candidature' },
    { const: 'interviewed', title: 'Entretien réalisé' },
    { const: 'accepted', title: 'Acceptée' },
    { const: 'waitlisted', title: 'En liste d’attente' },
    { const: 'declined', title: 'Non retenue' },
    { const: 'withdrawn', title: 'Retirée par la personne' },
  ],
} as const;

/**
 * A coordinator's decision on one application: `screening/<id>.json`, where `<id>` is the
 * application's id. Only `accepted` people enter matching. The history keeps every change.
 */
export const screeningDecisionSchema = {
  $id: 'screening-decision',
  title: 'Décision sur une candidature',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'id', 'status', 'updatedAt', 'history'],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: idPatterns.application },
    status,
    updatedAt: utcInstant,
    trainingCompletedOn: {
      ...calendarDate,
      title: 'Date de la formation ou de la réunion d’information',
    },
    history: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['status', 'at'],
        properties: {
          status,
          at: utcInstant,
          // Reasons stay short and factual: no personal data beyond what screening needs.
          reason: { type: 'string', maxLength: 300, pattern: oneLineText },
        },
      },
    },
  },
} as const;

export type ScreeningDecision = FromSchema<typeof screeningDecisionSchema>;
export type ScreeningStatus = ScreeningDecision['status'];
