// The participants' follow-up forms (issue 12): the monthly « point d'étape » and the
// end-of-mentoring « bilan ». What the browser loads: the forms' schemas alone; the stored
// records are in follow-up.schema.ts. They ask nothing about what is said in the meetings, ever.
import type { FromSchema } from 'json-schema-to-ts';
import { calendarDate, multiLineText } from './fields.ts';

/** Twelve letters and digits, typed with or without dashes and spaces, in any case. */
export const followUpCode = {
  type: 'string',
  title: 'Votre code de suivi',
  description:
    'Il figure sur la fiche de suivi remise avec votre convention. Format attendu : 16 lettres et chiffres, par exemple K7QM-3XRT-9BDA-6HPW.',
  maxLength: 40,
  pattern: '^[ -]*(?:[0-9A-Za-z][ -]*){16}$',
  'x-error':
    'Indiquez votre code de suivi : 16 lettres et chiffres, par exemple K7QM-3XRT-9BDA-6HPW.',
  'x-autocomplete': 'off',
} as const;

const access = {
  type: 'object',
  title: 'Votre code de suivi',
  description:
    'Il dit à l’équipe du programme de quel binôme vient cette réponse, sans que vous ayez à donner votre nom.',
  additionalProperties: false,
  required: ['code'],
  properties: { code: followUpCode },
} as const;

/** One meeting: its day, how, and roughly how long; never what was said. */
function meeting<const T extends string>(title: T) {
  return {
    type: 'object',
    title,
    additionalProperties: false,
    required: ['date', 'mode', 'duration'],
    properties: {
      date: {
        ...calendarDate,
        title: 'Date de la rencontre',
        description: 'Format attendu : JJ/MM/AAAA, par exemple 12/01/2027',
        'x-error':
          'Indiquez la date de la rencontre, au format JJ/MM/AAAA, par exemple 12/01/2027.',
        'x-input': 'date',
      },
      mode: {
        title: 'Comment vous êtes-vous rencontrés ?',
        oneOf: [
          { const: 'presentiel', title: 'En personne' },
          { const: 'visio', title: 'En visioconférence' },
        ],
        'x-error': 'Choisissez comment vous vous êtes rencontrés.',
      },
      duration: {
        title: 'Durée approximative',
        oneOf: [
          { const: 'under-30', title: 'Moins de 30 minutes' },
          { const: '30-60', title: 'De 30 minutes à 1 heure' },
          { const: '60-120', title: 'De 1 à 2 heures' },
          { const: 'over-120', title: 'Plus de 2 heures' },
        ],
        'x-error': 'Choisissez la durée approximative de la rencontre.',
      },
    },
  } as const;
}

export { meetingSlots } from './meeting-slots.ts';

/** « Comment ça se passe ? » from 1 to 5: words for each, so that no one guesses a scale. */
const rating = {
  type: 'integer',
  title: 'Comment se passe le mentorat en ce moment ?',
  oneOf: [
    { const: 1, title: '1 — Très difficilement' },
    { const: 2, title: '2 — Plutôt difficilement' },
    { const: 3, title: '3 — Moyennement' },
    { const: 4, title: '4 — Plutôt bien' },
    { const: 5, title: '5 — Très bien' },
  ],
  'x-error': 'Choisissez comment se passe le mentorat, de 1 à 5.',
} as const;

/** What a mentor or a mentoré sends with the « Point d'étape » form, about once a month. */
export const checkInFormSchema = {
  $id: 'check-in-form',
  title: 'Point d’étape',
  type: 'object',
  'x-at-hand': 'Ayez sous la main votre code de suivi et les dates de vos dernières rencontres.',
  additionalProperties: false,
  required: ['access', 'meetings', 'mood'],
  properties: {
    access,
    meetings: {
      type: 'object',
      title: 'Vos rencontres depuis le dernier point d’étape',
      description:
        'Une rencontre par bloc, la plus récente d’abord. Laissez les blocs vides si vous ne vous êtes pas rencontrés : c’est utile à savoir aussi.',
      additionalProperties: false,
      properties: {
        first: meeting('Rencontre la plus récente'),
        second: meeting('Rencontre précédente'),
        third: meeting('Rencontre encore avant'),
      },
    },
    mood: {
      type: 'object',
      title: 'Comment ça se passe',
      additionalProperties: false,
      required: ['rating'],
      properties: {
        rating,
        wantsContact: {
          type: 'boolean',
          title: 'Je souhaite que l’équipe du programme me contacte',
          description:
            'Pour une question, une difficulté ou un changement : la coordinatrice ou le coordinateur vous appelle ou vous écrit dans la semaine.',
        },
      },
    },
  },
} as const;

/** Who may read the free text of a bilan; `pair-only` means it is never sent. */
export const bilanSharing = {
  title: 'Qui peut lire ce texte ?',
  oneOf: [
    {
      const: 'pair-only',
      title:
        'Seulement notre binôme : ce texte n’est pas envoyé, gardez-le pour en parler ensemble',
    },
    { const: 'coordinators', title: 'L’équipe du programme, et elle seule' },
    {
      const: 'anonymous',
      title: 'L’équipe du programme, qui peut le citer sans nom dans ses bilans du programme',
    },
  ],
  default: 'pair-only',
  'x-error': 'Choisissez qui peut lire ce texte.',
} as const;

/** What a mentor or a mentoré sends with the « Bilan de fin de mentorat » form, once. */
export const bilanFormSchema = {
  $id: 'bilan-form',
  title: 'Bilan de fin de mentorat',
  type: 'object',
  'x-at-hand': 'Ayez sous la main votre code de suivi.',
  additionalProperties: false,
  required: ['access', 'outcome', 'words'],
  properties: {
    access,
    outcome: {
      type: 'object',
      title: 'Votre bilan',
      additionalProperties: false,
      required: ['objectivesReached', 'satisfaction', 'wouldRecommend'],
      properties: {
        objectivesReached: {
          title: 'Les objectifs du mentoré sont-ils atteints ?',
          oneOf: [
            { const: 'yes', title: 'Oui' },
            { const: 'partly', title: 'En partie' },
            { const: 'no', title: 'Non' },
          ],
          'x-error': 'Dites si les objectifs du mentoré sont atteints.',
        },
        satisfaction: {
          type: 'integer',
          title: 'Êtes-vous satisfait ou satisfaite du mentorat ?',
          oneOf: [
            { const: 1, title: '1 — Pas du tout' },
            { const: 2, title: '2 — Plutôt pas' },
            { const: 3, title: '3 — Moyennement' },
            { const: 4, title: '4 — Plutôt oui' },
            { const: 5, title: '5 — Tout à fait' },
          ],
          'x-error': 'Choisissez votre satisfaction, de 1 à 5.',
        },
        wouldRecommend: {
          title: 'Recommanderiez-vous le programme à quelqu’un ?',
          oneOf: [
            { const: 'yes', title: 'Oui' },
            { const: 'maybe', title: 'Peut-être' },
            { const: 'no', title: 'Non' },
          ],
          'x-error': 'Dites si vous recommanderiez le programme.',
        },
        changes: {
          type: 'array',
          title: 'Qu’est-ce que le mentorat a changé pour le mentoré ?',
          description: 'Cochez tout ce qui convient (facultatif).',
          uniqueItems: true,
          maxItems: 7,
          items: {
            oneOf: [
              { const: 'confidence', title: 'Plus de confiance en soi' },
              { const: 'clearer-project', title: 'Un projet plus clair' },
              { const: 'studies', title: 'Des études réussies ou mieux choisies' },
              { const: 'internship-or-job', title: 'Un stage, une alternance ou un emploi' },
              { const: 'network', title: 'Un réseau professionnel' },
              { const: 'methods', title: 'Des méthodes de travail' },
              { const: 'nothing-yet', title: 'Rien de particulier pour l’instant' },
            ],
          },
          'x-error': 'Cochez seulement des réponses de la liste.',
        },
      },
    },
    words: {
      type: 'object',
      title: 'En quelques mots',
      description:
        'Facultatif. Ne citez personne et ne racontez pas vos échanges : dites ce que vous retenez.',
      additionalProperties: false,
      required: ['sharing'],
      properties: {
        text: {
          type: 'string',
          title: 'Ce que vous retenez du mentorat',
          maxLength: 2000,
          pattern: multiLineText,
          'x-error': 'Écrivez au plus 2 000 caractères, sans caractère invisible.',
          'x-input': 'textarea',
        },
        sharing: bilanSharing,
      },
    },
  },
} as const;

export type CheckInForm = FromSchema<typeof checkInFormSchema>;
export type BilanForm = FromSchema<typeof bilanFormSchema>;
