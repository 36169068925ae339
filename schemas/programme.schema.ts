import type { FromSchema } from 'json-schema-to-ts';
import { mentorCapacityCeiling } from './fields.ts';

/**
 * Ages, in whole years on the day of application, between which a role may apply (both
 * included). `lowest` is the youngest minimum the role may be given: a mentor is an adult.
 */
function ageRange<const L extends number>(lowest: L) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['min', 'max'],
    properties: {
      min: { type: 'integer', minimum: lowest, maximum: 120 },
      max: { type: 'integer', minimum: lowest, maximum: 120 },
    },
  } as const;
}

/** Settings of one programme (content/programme.yaml). Read them with `readSettings()`. */
export const programmeSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://binome.example/schemas/programme.schema.json',
  title: 'Paramètres du programme',
  description: 'content/programme.yaml: everything specific to one mentoring programme.',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'site',
    'structure',
    'publication',
    'dataProtection',
    'eligibility',
    'mentoring',
    'cohorts',
    'accessibility',
    'intake',
    'matching',
    'encryption',
  ],
  properties: {
    schemaVersion: {
      const: 1,
    },
    site: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'description', 'url'],
      properties: {
        title: {
          $ref: '#/$defs/text',
        },
        description: {
          $ref: '#/$defs/text',
        },
        url: {
          type: 'string',
          pattern: '^(|https://[^\\s]+)$',
        },
      },
    },
    structure: {
      type: 'object',
      additionalProperties: false,
      required: [
        'name',
        'shortName',
        'organisation',
        'address',
        'hours',
        'phone',
        'email',
        'access',
        'timeZone',
      ],
      properties: {
        name: {
          $ref: '#/$defs/text',
        },
        shortName: {
          $ref: '#/$defs/text',
        },
        organisation: {
          $ref: '#/$defs/text',
        },
        address: {
          $ref: '#/$defs/address',
        },
        hours: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['days', 'hours'],
            properties: {
              days: {
                $ref: '#/$defs/text',
              },
              hours: {
                $ref: '#/$defs/text',
              },
            },
          },
        },
        phone: {
          $ref: '#/$defs/phoneOrPlaceholder',
        },
        email: {
          $ref: '#/$defs/emailOrPlaceholder',
        },
        access: {
          $ref: '#/$defs/text',
        },
        // Where the structure is: « today », and so each applicant's age, is the date there.
        // An IANA name (`Europe/Paris`); readSettings also asks the runtime whether it knows it.
        timeZone: {
          type: 'string',
          pattern: '^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$',
        },
      },
    },
    publication: {
      type: 'object',
      additionalProperties: false,
      required: ['director', 'host'],
      properties: {
        director: {
          $ref: '#/$defs/text',
        },
        // The static host: the legal notice names it, the privacy notice lists it with the
        // other processors (dataProtection.processors).
        host: {
          $ref: '#/$defs/processor',
        },
      },
    },
    dataProtection: {
      type: 'object',
      additionalProperties: false,
      required: ['controller', 'dpo', 'retention', 'processors'],
      properties: {
        controller: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'address', 'email'],
          properties: {
            name: {
              $ref: '#/$defs/text',
            },
            address: {
              $ref: '#/$defs/text',
            },
            email: {
              $ref: '#/$defs/emailOrPlaceholder',
            },
          },
        },
        dpo: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'address'],
          properties: {
            email: {
              $ref: '#/$defs/emailOrPlaceholder',
            },
            address: {
              $ref: '#/$defs/text',
            },
          },
        },
        retention: {
          type: 'object',
          additionalProperties: false,
          required: [
            'applicationWithoutPairMonths',
            'afterMentoringEndsMonths',
            'anonymisedStatistics',
          ],
          properties: {
            applicationWithoutPairMonths: {
              type: 'integer',
              minimum: 1,
              maximum: 60,
            },
            afterMentoringEndsMonths: {
              type: 'integer',
              minimum: 1,
              maximum: 120,
            },
            anonymisedStatistics: {
              type: 'boolean',
            },
          },
        },
        // Processors besides the static host (publication.host), named by the privacy notice
        // (issue 10): at least the intake's host and the data repository's host.
        processors: {
          type: 'array',
          minItems: 1,
          items: {
            $ref: '#/$defs/processor',
          },
        },
      },
    },
    eligibility: {
      type: 'object',
      additionalProperties: false,
      required: ['communes', 'postalCodes', 'ages'],
      properties: {
        ages: {
          type: 'object',
          additionalProperties: false,
          required: ['mentee', 'mentor'],
          properties: { mentee: ageRange(0), mentor: ageRange(18) },
        },
        communes: {
          type: 'array',
          minItems: 1,
          items: {
            $ref: '#/$defs/text',
          },
        },
        postalCodes: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'string',
            pattern: '^[0-9]{5}$',
          },
        },
      },
    },
    mentoring: {
      type: 'object',
      additionalProperties: false,
      required: ['minimumDurationMonths', 'meetingsPerMonth', 'mentorCapacityMax'],
      properties: {
        minimumDurationMonths: {
          type: 'integer',
          minimum: 1,
          maximum: 24,
        },
        meetingsPerMonth: {
          type: 'integer',
          minimum: 1,
          maximum: 8,
        },
        mentorCapacityMax: {
          type: 'integer',
          minimum: 1,
          maximum: mentorCapacityCeiling,
        },
        // How each pair's planned end date is set (article 5 of the convention), written on its
        // convention; content/programme.yaml explains each value.
        plannedEnd: { enum: ['cohort-end', 'minimum-duration'] },
        // A pair starting after this day of the year (MM-DD) and before August starts during
        // the school year, when its mentoring may be shorter than minimumDurationMonths.
        schoolYearStartsBy: {
          type: 'string',
          pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
        },
        // Who follows the pairs: the convention names the pair's coordinator (the pair's
        // `coordinator`, else the first of these).
        coordinators: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name'],
            properties: {
              id: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
              name: { $ref: '#/$defs/text' },
              email: { $ref: '#/$defs/emailOrPlaceholder' },
              phone: { $ref: '#/$defs/phoneOrPlaceholder' },
            },
          },
        },
      },
    },
    // The follow-up of the pairs under way (issue 12): each value in days or counts; every one
    // may be left out for its default (scripts/followup/follow-up-rules.ts).
    followUp: {
      type: 'object',
      additionalProperties: false,
      properties: {
        firstMeetingWithinDays: { type: 'integer', minimum: 1, maximum: 120 },
        contactsInFirstMonth: { type: 'integer', minimum: 0, maximum: 8 },
        contactEveryDays: { type: 'integer', minimum: 7, maximum: 180 },
        checkInEveryDays: { type: 'integer', minimum: 7, maximum: 180 },
        checkInGraceDays: { type: 'integer', minimum: 0, maximum: 60 },
        inactiveAfterDays: { type: 'integer', minimum: 7, maximum: 365 },
      },
    },
    // The programme's bilan (issue 13): each value may be left out for its default
    // (scripts/reporting/report-settings.ts).
    reports: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // Counts below it are published as « moins de N » (and what would reveal them masked).
        threshold: { type: 'integer', minimum: 3, maximum: 50 },
        // When the reports compile themselves: GitHub's cron syntax (UTC), or null for only
        // on demand (Actions tab, npm run report).
        schedule: {
          anyOf: [
            { type: 'null' },
            {
              type: 'string',
              pattern: '^[0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+$',
            },
          ],
        },
        // commit: written to main at once; pull-request: proposed for the coordinators to read
        // (quotes included) before it is merged.
        delivery: { enum: ['commit', 'pull-request'] },
      },
    },
    // The convention PDF of each accepted pair (issue 11).
    conventions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // artifact: a workflow artifact kept artifactRetentionDays days, never in the
        // repository; commit: also kept in the repository, sealed (see content/programme.yaml).
        delivery: { enum: ['artifact', 'commit'] },
        artifactRetentionDays: { type: 'integer', minimum: 1, maximum: 90 },
        // A PNG or JPEG file of the project (e.g. content/logo.png) shown in the header.
        logo: { type: 'string', pattern: '^(?!.*\\.\\.)[A-Za-z0-9_./-]+\\.(png|jpe?g)$' },
      },
    },
    cohorts: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        // Applications are taken from `applicationsOpen` to `applicationsClose` (both included),
        // which lies between that day and `start` (readSettings checks the order, issue 8).
        required: ['id', 'label', 'applicationsOpen', 'applicationsClose', 'start', 'end'],
        properties: {
          id: {
            type: 'string',
            pattern: '^[0-9]{4}-[0-9]{4}$',
          },
          label: {
            $ref: '#/$defs/text',
          },
          applicationsOpen: {
            $ref: '#/$defs/date',
          },
          applicationsClose: {
            $ref: '#/$defs/date',
          },
          start: {
            $ref: '#/$defs/date',
          },
          end: {
            $ref: '#/$defs/date',
          },
        },
      },
    },
    accessibility: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'auditDate', 'complianceRate', 'standard'],
      properties: {
        status: {
          enum: ['non-conforme', 'partiellement-conforme', 'totalement-conforme'],
        },
        auditDate: {
          anyOf: [
            {
              type: 'null',
            },
            {
              $ref: '#/$defs/date',
            },
          ],
        },
        complianceRate: {
          anyOf: [
            {
              type: 'null',
            },
            {
              type: 'number',
              minimum: 0,
              maximum: 100,
            },
          ],
        },
        standard: {
          const: 'RGAA 4.1',
        },
      },
    },
    intake: {
      type: 'object',
      additionalProperties: false,
      required: [
        'url',
        'allowedOrigins',
        'maxBodyBytes',
        'minFillSeconds',
        'rateLimit',
        'proofOfWork',
        'answerWithinDays',
      ],
      properties: {
        url: { type: 'string', pattern: '^(|https://[^\\s]+[^/])$' },
        allowedOrigins: {
          type: 'array',
          items: { type: 'string', pattern: '^https?://[^/\\s]+$' },
        },
        maxBodyBytes: { type: 'integer', minimum: 4096, maximum: 1048576 },
        minFillSeconds: { type: 'integer', minimum: 0, maximum: 600 },
        rateLimit: {
          type: 'object',
          additionalProperties: false,
          // Per client address and hour. What costs the programme (a stored application or
          // follow-up, a failed proof of work, a bot trap) is counted apart from a person's
          // corrections, so that a group applying from one network (the Espace Jeunes' Wi-Fi) is
          // not blocked. Follow-up codes refused are counted on their own, so that codes cannot
          // be guessed (issue 12); left out, 10 (scripts/intake/create-intake-handler.ts).
          required: ['applicationsPerHour', 'submissionsPerHour', 'challengesPerHour'],
          properties: {
            applicationsPerHour: { type: 'integer', minimum: 1, maximum: 10000 },
            submissionsPerHour: { type: 'integer', minimum: 1, maximum: 100000 },
            challengesPerHour: { type: 'integer', minimum: 1, maximum: 100000 },
            codeAttemptsPerHour: { type: 'integer', minimum: 1, maximum: 1000 },
          },
        },
        proofOfWork: {
          type: 'object',
          additionalProperties: false,
          required: ['maxCounter', 'expiresMinutes'],
          properties: {
            maxCounter: { type: 'integer', minimum: 1000, maximum: 10000000 },
            expiresMinutes: { type: 'integer', minimum: 5, maximum: 1440 },
          },
        },
        // Behind a reverse proxy: its addresses, so that rate limits count each client (from its
        // X-Forwarded-For) rather than the proxy. Empty or absent: the header is never read.
        trustedProxies: {
          type: 'array',
          maxItems: 20,
          items: { type: 'string', pattern: '^[0-9A-Fa-f:.]{2,45}$' },
        },
        // The receipt promises an answer « sous N jours » (issue 8): the Espace Jeunes' own delay.
        answerWithinDays: { type: 'integer', minimum: 1, maximum: 90 },
      },
    },
    // How mentors and mentorés are paired (issue 9): the points each rule may give a pair
    // (integers, so totals are exact), and when the proposal is made again by itself.
    matching: {
      type: 'object',
      additionalProperties: false,
      required: ['weights', 'waitingFullBonusMonths', 'schedule'],
      properties: {
        weights: {
          type: 'object',
          additionalProperties: false,
          required: ['objectives', 'sector', 'availability', 'languages', 'meetingMode', 'waiting'],
          properties: {
            objectives: { type: 'integer', minimum: 0, maximum: 100 },
            sector: { type: 'integer', minimum: 0, maximum: 100 },
            availability: { type: 'integer', minimum: 0, maximum: 100 },
            languages: { type: 'integer', minimum: 0, maximum: 100 },
            meetingMode: { type: 'integer', minimum: 0, maximum: 100 },
            waiting: { type: 'integer', minimum: 0, maximum: 100 },
          },
        },
        // A mentoré who has waited this many months gets the whole waiting bonus.
        waitingFullBonusMonths: { type: 'integer', minimum: 1, maximum: 36 },
        // A scheduled proposal: GitHub's cron syntax (UTC) and the mode, or null for none.
        schedule: {
          anyOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['cron', 'mode'],
              properties: {
                cron: {
                  type: 'string',
                  pattern: '^[0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+$',
                },
                mode: { enum: ['best', 'most'] },
              },
            },
          ],
        },
      },
    },
    // Identities encrypted at rest (issue 10): to whom, or, only when chosen explicitly, not at all.
    encryption: {
      type: 'object',
      additionalProperties: false,
      required: ['identities', 'recipients'],
      properties: {
        identities: {
          enum: ['sealed', 'plain'],
          'x-error':
            'écrivez « sealed » (identités chiffrées, le réglage normal) ou « plain » (en clair, seulement pour un essai)',
        },
        recipients: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'key'],
            properties: {
              name: { $ref: '#/$defs/text' },
              key: {
                anyOf: [
                  { type: 'string', pattern: '^age1[0-9a-z]{58}$' },
                  { $ref: '#/$defs/placeholder' },
                ],
                'x-error':
                  'une clé publique age X25519 commence par « age1 » suivi de 58 caractères',
              },
            },
          },
        },
      },
    },
  },
  $defs: {
    text: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
    },
    date: {
      type: 'string',
      format: 'date',
    },
    placeholder: {
      type: 'string',
      pattern: '^\\[À compléter[ \\u00a0]: [^\\]]+\\]$',
    },
    emailOrPlaceholder: {
      anyOf: [
        {
          type: 'string',
          pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
        },
        {
          $ref: '#/$defs/placeholder',
        },
      ],
    },
    phoneOrPlaceholder: {
      anyOf: [
        {
          type: 'string',
          pattern: '^\\+?[0-9 .]{10,20}$',
        },
        {
          $ref: '#/$defs/placeholder',
        },
      ],
    },
    // A host of the site or of the data (a processor, article 28 of the GDPR). `role` says, in
    // French, what it does and holds; `transferFramework` what frames the transfer of the data
    // when it is established outside the European Economic Area, null inside (readSettings
    // checks it against `country`).
    processor: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'role', 'address', 'website', 'country', 'transferFramework'],
      properties: {
        name: {
          $ref: '#/$defs/text',
        },
        role: {
          $ref: '#/$defs/text',
        },
        address: {
          $ref: '#/$defs/text',
        },
        website: {
          type: 'string',
          pattern: '^https://',
        },
        country: {
          $ref: '#/$defs/text',
        },
        transferFramework: {
          anyOf: [
            {
              type: 'null',
            },
            {
              type: 'array',
              minItems: 1,
              items: {
                $ref: '#/$defs/text',
              },
            },
          ],
        },
      },
    },
    address: {
      type: 'object',
      additionalProperties: false,
      required: ['street', 'postalCode', 'city'],
      properties: {
        street: {
          $ref: '#/$defs/text',
        },
        postalCode: {
          type: 'string',
          pattern: '^[0-9]{5}$',
        },
        city: {
          $ref: '#/$defs/text',
        },
      },
    },
  },
} as const;

export type ProgrammeSettings = FromSchema<typeof programmeSchema>;
