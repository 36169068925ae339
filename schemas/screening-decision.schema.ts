import type { FromSchema } from 'json-schema-to-ts';
import { isoDate, isoDateTime } from './fields.ts';

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

const dateTime = { type: 'string', pattern: isoDateTime } as const;

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
    id: { type: 'string', pattern: '^(mentor|mentee)-[0-9a-z]{6}$' },
    status,
    updatedAt: dateTime,
    trainingCompletedOn: {
      type: 'string',
      title: 'Date de la formation ou de la réunion d’information',
      pattern: isoDate,
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
          at: dateTime,
          // Reasons stay short and factual: no personal data beyond what screening needs.
          reason: { type: 'string', maxLength: 300, pattern: '^[^\\u0000-\\u001F\\u007F]*$' },
        },
      },
    },
  },
} as const;

export type ScreeningDecision = FromSchema<typeof screeningDecisionSchema>;
export type ScreeningStatus = ScreeningDecision['status'];
