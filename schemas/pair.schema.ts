import { idPatterns } from './data-layout.ts';
import type { FromSchema } from 'json-schema-to-ts';
import { calendarDate, objectivesFor, oneLineText, utcInstant } from './fields.ts';

/** How a pair ended (issue 12). */
export const closeOutcome = {
  title: 'Fin du binôme',
  oneOf: [
    { const: 'as-planned', title: 'À la date prévue, ou après' },
    { const: 'early', title: 'Avant la date prévue' },
  ],
} as const;

/** Why a pair ended early: codes the reports count, never free words about a person. */
export const closeReason = {
  title: 'Motif de la fin anticipée',
  oneOf: [
    { const: 'no-longer-available', title: 'Un membre du binôme n’est plus disponible' },
    { const: 'objective-reached', title: 'L’objectif est atteint plus tôt que prévu' },
    { const: 'disagreement', title: 'Désaccord au sein du binôme' },
    { const: 'breach', title: 'Manquement à la convention' },
    { const: 'other', title: 'Autre motif' },
  ],
} as const;

const pairStatus = {
  title: 'Statut du binôme',
  oneOf: [
    { const: 'proposed', title: 'Proposé (pull request à relire)' },
    { const: 'accepted', title: 'Accepté (convention à signer)' },
    { const: 'active', title: 'En cours' },
    { const: 'paused', title: 'En pause' },
    { const: 'closed', title: 'Terminé' },
  ],
} as const;

/** The rules that give a pair its points (issue 9), in the order the review shows them. */
export const scoreRules = [
  'objectives',
  'sector',
  'availability',
  'languages',
  'meetingMode',
  'waiting',
] as const;
export type ScoreRule = (typeof scoreRules)[number];

/**
 * A binôme: `pairs/<pairId>.json`, named after its two people. Written `proposed` by the matching
 * on the cohort's pairing branch; merged into main, it is accepted. It holds ids and
 * non-identifying facts only: names and contacts stay in the applications.
 */
export const pairSchema = {
  $id: 'pair',
  title: 'Binôme',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'id',
    'cohort',
    'mentor',
    'mentee',
    'status',
    'proposedBy',
    'meetingMode',
    'objectives',
    'score',
    'events',
  ],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: idPatterns.pair },
    cohort: { type: 'string', pattern: idPatterns.cohort },
    mentor: { type: 'string', pattern: idPatterns.mentor },
    mentee: { type: 'string', pattern: idPatterns.mentee },
    status: pairStatus,
    proposedBy: {
      title: 'Proposé par',
      oneOf: [
        { const: 'matching', title: 'L’appariement automatique' },
        { const: 'coordinator', title: 'Une coordinatrice ou un coordinateur (/associer)' },
      ],
    },
    meetingMode: {
      title: 'Mode de rencontre',
      oneOf: [
        { const: 'presentiel', title: 'En personne, à l’Espace Jeunes' },
        { const: 'visio', title: 'En visioconférence' },
      ],
    },
    /** Who follows the pair: a coordinator's id from the settings (`mentoring.coordinators`); the first one when absent. */
    coordinator: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    /** The mentoré's objectives the mentor can help with. */
    objectives: { ...objectivesFor('mentee'), minItems: 0 },
    score: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'rules'],
      properties: {
        total: { type: 'integer', minimum: 0 },
        rules: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['rule', 'points', 'max', 'reason'],
            properties: {
              rule: { enum: scoreRules },
              points: { type: 'integer', minimum: 0 },
              max: { type: 'integer', minimum: 0 },
              reason: { type: 'string', maxLength: 300, pattern: oneLineText },
            },
          },
        },
      },
    },
    events: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'at'],
        properties: {
          type: { enum: ['proposed', 'accepted', 'signed', 'paused', 'resumed', 'closed'] },
          at: utcInstant,
          reason: { type: 'string', maxLength: 300, pattern: oneLineText },
          /** `signed`: the day each party signed the convention (the pair is then under way). */
          signatures: {
            type: 'object',
            additionalProperties: false,
            required: ['mentor', 'mentee', 'structure'],
            properties: {
              mentor: calendarDate,
              mentee: calendarDate,
              representative: calendarDate,
              structure: calendarDate,
            },
          },
          /** `closed`: as planned (at or after the planned end), or early, with why. */
          outcome: closeOutcome,
          reasonCode: closeReason,
        },
        // Each event carries what its type needs and nothing else: a hand edit that breaks
        // this is refused by the validation (issue 12).
        allOf: [
          {
            if: { properties: { type: { const: 'signed' } }, required: ['type'] },
            then: { properties: { signatures: true }, required: ['signatures'] },
            else: { not: { properties: { signatures: true }, required: ['signatures'] } },
          },
          {
            if: { properties: { type: { const: 'closed' } }, required: ['type'] },
            then: {
              if: { properties: { outcome: { const: 'early' } }, required: ['outcome'] },
              then: { properties: { reasonCode: true }, required: ['reasonCode'] },
              else: { not: { properties: { reasonCode: true }, required: ['reasonCode'] } },
            },
            else: {
              not: {
                anyOf: [
                  { properties: { outcome: true }, required: ['outcome'] },
                  { properties: { reasonCode: true }, required: ['reasonCode'] },
                ],
              },
            },
          },
        ],
      },
    },
  },
} as const;

export type Pair = FromSchema<typeof pairSchema>;
export type PairStatus = Pair['status'];
export type PairEvent = Pair['events'][number];
export type CloseReason = NonNullable<PairEvent['reasonCode']>;

/** The statuses in which a pair holds its two people: they enter no other matching. */
export const holdingStatuses: readonly PairStatus[] = ['accepted', 'active', 'paused'];
