// What the follow-up of a pair stores (issue 12): `followups/<pairId>/<ts>-<role>.json`, one
// record per check-in, bilan, coordinator's contact or mid-point review; and
// `followup-codes/<hash>.json`, which says whose a personal follow-up code is without holding it.
import type { FromSchema } from 'json-schema-to-ts';
import { idPatterns } from './data-layout.ts';
import { calendarDate, multiLineText, utcInstant } from './fields.ts';
import { bilanFormSchema, checkInFormSchema } from './follow-up-forms.ts';

const meetingFields = checkInFormSchema.properties.meetings.properties.first.properties;
const outcomeFields = bilanFormSchema.properties.outcome.properties;

export const followUpTypes = ['check-in', 'bilan', 'contact', 'mid-point-review'] as const;
export type FollowUpType = (typeof followUpTypes)[number];
export const followUpRoles = ['mentor', 'mentee', 'coordinator'] as const;
export type FollowUpRole = (typeof followUpRoles)[number];

// Ajv's strict mode wants each name required in a sub-schema declared there too.
const declared = <const N extends readonly string[]>(names: N) =>
  Object.fromEntries(names.map((name) => [name, true])) as { [K in N[number]]: true };
const required = <const N extends readonly string[]>(...names: N) => ({
  required: names,
  properties: declared(names),
});
const absent = <const N extends readonly string[]>(...names: N) => ({
  not: {
    anyOf: names.map((name) => ({ properties: { [name]: true }, required: [name] as const })),
  },
});
const participantFields = ['meetings', 'rating', 'wantsContact'] as const;
const bilanFields = [
  'objectivesReached',
  'satisfaction',
  'wouldRecommend',
  'changes',
  'words',
] as const;

/** One record of a pair's follow-up. Ids and answers only: no name, no content of a meeting. */
export const followUpSchema = {
  $id: 'follow-up',
  title: 'Suivi d’un binôme',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'pairId', 'type', 'role', 'submittedAt'],
  properties: {
    schemaVersion: { const: 1 },
    pairId: { type: 'string', pattern: idPatterns.pair },
    type: { enum: followUpTypes },
    role: { enum: followUpRoles },
    submittedAt: utcInstant,
    /** A coordinator's contact or mid-point review: the day it took place. */
    on: calendarDate,
    meetings: {
      type: 'array',
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['on', 'mode', 'duration'],
        properties: {
          on: calendarDate,
          mode: { enum: meetingFields.mode.oneOf.map((o) => o.const) },
          duration: { enum: meetingFields.duration.oneOf.map((o) => o.const) },
        },
      },
    },
    rating: { type: 'integer', minimum: 1, maximum: 5 },
    wantsContact: { type: 'boolean' },
    objectivesReached: { enum: outcomeFields.objectivesReached.oneOf.map((o) => o.const) },
    satisfaction: { type: 'integer', minimum: 1, maximum: 5 },
    wouldRecommend: { enum: outcomeFields.wouldRecommend.oneOf.map((o) => o.const) },
    changes: {
      type: 'array',
      uniqueItems: true,
      maxItems: 7,
      items: { enum: outcomeFields.changes.items.oneOf.map((o) => o.const) },
    },
    /** Only a text its author chose to send: one « kept within the pair » is never stored. */
    words: {
      type: 'object',
      additionalProperties: false,
      required: ['text', 'sharing'],
      properties: {
        text: { type: 'string', minLength: 1, maxLength: 2000, pattern: multiLineText },
        sharing: { enum: ['coordinators', 'anonymous'] },
      },
    },
    /** How a participant's answer came in (never the person's network address). */
    intake: {
      type: 'object',
      additionalProperties: false,
      required: ['idempotencyKeyHash', 'proofOfWork'],
      properties: {
        idempotencyKeyHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        proofOfWork: { enum: ['verified', 'absent'] },
      },
    },
  },
  // Each type carries what it needs and nothing else, and comes from whom it may come from.
  allOf: [
    {
      if: { properties: { type: { const: 'check-in' } }, required: ['type'] },
      then: {
        ...required('meetings', 'rating', 'wantsContact', 'intake'),
        properties: {
          role: { enum: ['mentor', 'mentee'] },
          ...declared(['meetings', 'rating', 'wantsContact', 'intake'] as const),
        },
        ...absent('on', ...bilanFields),
      },
    },
    {
      if: { properties: { type: { const: 'bilan' } }, required: ['type'] },
      then: {
        ...required('objectivesReached', 'satisfaction', 'wouldRecommend', 'intake'),
        properties: {
          role: { enum: ['mentor', 'mentee'] },
          ...declared(['objectivesReached', 'satisfaction', 'wouldRecommend', 'intake'] as const),
        },
        ...absent('on', ...participantFields),
      },
    },
    {
      if: { properties: { type: { enum: ['contact', 'mid-point-review'] } }, required: ['type'] },
      then: {
        required: ['on'],
        properties: { role: { const: 'coordinator' }, on: true },
        ...absent('intake', ...participantFields, ...bilanFields),
      },
    },
  ],
} as const;

export type FollowUp = FromSchema<typeof followUpSchema>;

/**
 * `followup-codes/<sha256 of the code>.json`: whose a follow-up code is. The code itself is never
 * stored; deleting this file (a new code, the pair's end, erasure) makes the code worthless.
 */
export const followUpCodeSchema = {
  $id: 'follow-up-code',
  title: 'Code de suivi',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'pairId', 'role', 'issuedAt'],
  properties: {
    schemaVersion: { const: 1 },
    pairId: { type: 'string', pattern: idPatterns.pair },
    role: { enum: ['mentor', 'mentee'] },
    issuedAt: utcInstant,
  },
} as const;

export type FollowUpCode = FromSchema<typeof followUpCodeSchema>;
