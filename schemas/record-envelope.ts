import { utcInstant } from './fields.ts';

/**
 * What the intake adds to every application: who never chose them, so no form sends them.
 * `intake.needsReview` marks an entry a coordinator should look at before screening (for
 * example sent without JavaScript, so without proof of work: accepted, never refused).
 */
export const envelopeProperties = {
  schemaVersion: { const: 1 },
  submittedAt: utcInstant,
  cohort: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$' },
  intake: {
    type: 'object',
    additionalProperties: false,
    required: ['proofOfWork', 'fillTime', 'needsReview', 'idempotencyKeyHash'],
    properties: {
      proofOfWork: { enum: ['verified', 'absent'] },
      fillTime: { enum: ['ok', 'unknown'] },
      needsReview: { type: 'boolean' },
      idempotencyKeyHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    },
  },
} as const;

export const envelopeRequired = ['schemaVersion', 'id', 'submittedAt', 'cohort', 'intake'] as const;
