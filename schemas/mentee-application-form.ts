// What the browser loads for the form: its schema alone, without the stored record's (envelope,
// sealed identity), which lives in mentee-application.schema.ts.
import type { FromSchema } from 'json-schema-to-ts';
import {
  identityGroup,
  availability,
  commitment,
  email,
  heardFrom,
  languages,
  line,
  meetingMode,
  paragraph,
  objectiveOther,
  objectivesFor,
  organisationsToAvoid,
  phone,
  sectorOther,
  sectors,
  conventionRead,
  privacyNoticeRead,
} from './fields.ts';

/** What a student sends with the « Trouver un mentor » form. `{commune}` is filled from the settings. */
export const menteeApplicationFormSchema = {
  $id: 'mentee-application-form',
  title: 'Candidature pour trouver un mentor',
  type: 'object',
  'x-at-hand':
    'Ayez sous la main le nom de votre établissement et, si vous avez moins de 18 ans, les coordonnées de votre représentant légal.',
  additionalProperties: false,
  required: ['identity', 'profile', 'commitments'],
  properties: {
    identity: {
      ...identityGroup,
      properties: {
        ...identityGroup.properties,
        legalRepresentative: {
          type: 'object',
          title: 'Votre représentant légal',
          description:
            'Seulement si vous avez moins de 18 ans : la personne qui autorise votre participation. Vous ne pouvez pas donner son autorisation à sa place : l’équipe du programme contactera cette personne, qui signera la convention de mentorat avec vous.',
          'x-applies-when': { minor: 'identity.birthDate' },
          additionalProperties: false,
          required: ['name', 'email', 'phone'],
          properties: {
            name: line(
              'Nom et prénom du représentant légal',
              'Indiquez le nom et le prénom de votre représentant légal.',
            ),
            email: {
              ...email,
              title: 'Adresse électronique du représentant légal',
              'x-autocomplete': 'off',
            },
            phone: { ...phone, title: 'Téléphone du représentant légal', 'x-autocomplete': 'off' },
          },
          'x-error':
            'Comme vous avez moins de 18 ans, indiquez les coordonnées de votre représentant légal.',
          'x-required-when': 'si vous avez moins de 18 ans',
        },
      },
    },
    profile: {
      type: 'object',
      title: 'Votre parcours et vos attentes',
      description:
        'Ce que l’équipe du programme et l’outil informatique utilisent pour former les binômes.',
      additionalProperties: false,
      required: [
        'eligibility',
        'studies',
        'objectives',
        'sectors',
        'meetingMode',
        'availability',
        'languages',
      ],
      properties: {
        eligibility: {
          type: 'object',
          title: 'Votre lien avec {commune}',
          additionalProperties: false,
          required: ['basis', 'school', 'schoolCommune'],
          properties: {
            basis: {
              title: 'Quel est votre lien avec {commune} ?',
              oneOf: [
                { const: 'habite', title: 'J’habite à {commune}' },
                { const: 'etudie', title: 'J’étudie à {commune}' },
                { const: 'les-deux', title: 'J’habite et j’étudie à {commune}' },
              ],
              'x-error': 'Indiquez si vous habitez ou étudiez à {commune}.',
            },
            school: {
              ...line(
                'Établissement où vous étudiez',
                'Indiquez le nom de votre établissement.',
                150,
              ),
              description: 'Université, école, institut…',
              'x-autocomplete': 'organization',
            },
            schoolCommune: {
              ...line('Commune de l’établissement', 'Indiquez la commune de votre établissement.'),
              'x-autocomplete': 'off',
            },
          },
        },
        studies: {
          type: 'object',
          title: 'Vos études',
          additionalProperties: false,
          required: ['level', 'field'],
          properties: {
            level: {
              title: 'Niveau d’études en cours',
              oneOf: [
                { const: 'bac+1', title: 'Bac + 1' },
                { const: 'bac+2', title: 'Bac + 2 (BTS, BUT 2ᵉ année…)' },
                { const: 'bac+3', title: 'Bac + 3 (licence, BUT…)' },
                { const: 'bac+4', title: 'Bac + 4 (master 1…)' },
                { const: 'bac+5', title: 'Bac + 5 (master 2, école…)' },
                { const: 'doctorat', title: 'Doctorat' },
                { const: 'autre', title: 'Autre formation' },
              ],
              'x-error': 'Choisissez votre niveau d’études.',
            },
            field: {
              ...line('Domaine d’études', 'Indiquez votre domaine d’études.', 150),
              description: 'Par exemple : droit, informatique, soins infirmiers…',
            },
          },
        },
        objectives: objectivesFor('mentee'),
        objectiveOther,
        sectors,
        sectorOther: sectorOther('profile.sectors'),
        meetingMode,
        availability,
        languages,
        organisationsToAvoid,
        heardFrom,
        expectations: {
          ...paragraph(
            'Ce que vous attendez du mentorat',
            'Écrivez un texte de 1\u202f000 caractères au plus, sans tabulation.',
            1000,
          ),
          description: 'Facultatif.',
        },
      },
    },
    commitments: {
      type: 'object',
      title: 'Vos engagements',
      'x-error-all':
        'Cochez chacun de vos engagements : ils sont la condition de votre participation.',
      description:
        'D’après l’article 4 de la convention de mentorat, que vous signerez avec votre mentor.',
      additionalProperties: false,
      required: [
        'listening',
        'confidentiality',
        'decisions',
        'duration',
        'convention',
        'privacyNotice',
      ],
      properties: {
        listening: commitment(
          'Je m’engage à être à l’écoute et à garder une disponibilité afin de créer une dynamique dans la relation.',
          'Cochez l’engagement d’écoute et de disponibilité.',
        ),
        confidentiality: commitment(
          'Je m’engage à respecter un cadre de travail garantissant la confidentialité des informations qui pourraient être échangées et à n’en faire aucun usage qui pourrait nuire directement ou indirectement au mentor.',
          'Cochez l’engagement de confidentialité.',
        ),
        decisions: commitment(
          'Je m’engage à prendre les décisions et à mettre en œuvre les actions nécessaires pour atteindre mon objectif.',
          'Cochez l’engagement à prendre vos décisions et à agir pour votre objectif.',
        ),
        duration: commitment(
          'Je m’engage pour au moins {duration} mois, avec environ une rencontre par mois.',
          'Cochez l’engagement sur la durée du mentorat.',
        ),
        convention: conventionRead,
        privacyNotice: privacyNoticeRead,
      },
    },
  },
} as const;

export type MenteeApplicationForm = FromSchema<typeof menteeApplicationFormSchema>;
