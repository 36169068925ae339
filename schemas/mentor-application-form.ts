// What the browser loads for the form: its schema alone, without the stored record's (envelope,
// sealed identity), which lives in mentor-application.schema.ts.
import type { FromSchema } from 'json-schema-to-ts';
import {
  identityGroup,
  availability,
  birthDate,
  commitment,
  heardFrom,
  languages,
  line,
  meetingMode,
  mentorCapacityCeiling,
  objectiveOther,
  objectivesFor,
  organisationsToAvoid,
  sector,
  sectorOther,
  conventionRead,
  privacyNoticeRead,
} from './fields.ts';

/** What a professional sends with the « Devenir mentor » form. */
export const mentorApplicationFormSchema = {
  $id: 'mentor-application-form',
  title: 'Candidature pour devenir mentor',
  type: 'object',
  'x-at-hand':
    'Ayez sous la main vos disponibilités habituelles et le nom des organisations avec lesquelles vous pourriez avoir un conflit d’intérêts.',
  additionalProperties: false,
  required: ['identity', 'profile', 'commitments'],
  properties: {
    identity: {
      ...identityGroup,
      properties: {
        ...identityGroup.properties,
        birthDate: {
          ...birthDate,
          // An adult's example, for a mentor; the error gives the same one (issue 8).
          description: 'Format attendu : JJ/MM/AAAA, par exemple 03/02/1980',
          'x-error':
            'Indiquez une date de naissance qui existe, au format JJ/MM/AAAA, par exemple 03/02/1980.',
        },
      },
    },
    profile: {
      type: 'object',
      title: 'Votre expérience et ce que vous proposez',
      description:
        'Ce que l’équipe du programme et l’outil informatique utilisent pour former les binômes.',
      additionalProperties: false,
      required: [
        'sector',
        'jobTitle',
        'organisation',
        'yearsOfExperience',
        'objectives',
        'capacity',
        'meetingMode',
        'availability',
        'languages',
      ],
      properties: {
        sector,
        sectorOther: sectorOther('profile.sector'),
        jobTitle: {
          ...line('Métier ou fonction', 'Indiquez votre métier ou votre fonction.', 150),
          'x-autocomplete': 'organization-title',
        },
        organisation: {
          ...line('Organisation', 'Indiquez votre employeur ou votre organisation.', 150),
          description:
            'Votre employeur, ou « indépendant ou indépendante », « retraité ou retraitée » le cas échéant. Cette information sert seulement à éviter les conflits d’intérêts.',
          'x-autocomplete': 'organization',
        },
        yearsOfExperience: {
          type: 'integer',
          title: 'Années d’expérience professionnelle',
          description: 'Un nombre, par exemple 12.',
          minimum: 0,
          maximum: 60,
          'x-error': 'Indiquez un nombre d’années entre 0 et 60.',
          'x-input': 'number',
        },
        objectives: objectivesFor('mentor'),
        objectiveOther,
        // The choices offered go from 1 to the programme's `mentoring.mentorCapacityMax`
        // (`x-count-max`); the schema only bounds what any programme may allow, and the rules
        // hold each application to its own programme's maximum.
        capacity: {
          type: 'integer',
          title: 'Combien de mentorés pouvez-vous accompagner en même temps ?',
          default: 1,
          minimum: 1,
          maximum: mentorCapacityCeiling,
          'x-count-max': '{capacityMax}',
          'x-error': 'Choisissez combien de mentorés vous pouvez accompagner.',
        },
        meetingMode,
        availability,
        languages,
        organisationsToAvoid: {
          ...organisationsToAvoid,
          description:
            'Pour éviter tout conflit d’intérêts : par exemple une école où vous enseignez. Une par ligne, dix au plus. Facultatif.',
        },
        heardFrom,
      },
    },
    commitments: {
      type: 'object',
      title: 'Vos engagements',
      'x-error-all':
        'Cochez chacun de vos engagements : ils sont la condition de votre participation.',
      description:
        'D’après l’article 4 de la convention de mentorat, que vous signerez avec votre mentoré.',
      additionalProperties: false,
      required: [
        'experience',
        'listening',
        'confidentiality',
        'duration',
        'convention',
        'privacyNotice',
      ],
      properties: {
        experience: commitment(
          'Je m’engage à apporter mon expérience, mes connaissances et mon réseau.',
          'Cochez l’engagement à apporter votre expérience, vos connaissances et votre réseau.',
        ),
        listening: commitment(
          'Je m’engage à être à l’écoute et à garder une disponibilité afin de créer une dynamique dans la relation.',
          'Cochez l’engagement d’écoute et de disponibilité.',
        ),
        confidentiality: commitment(
          'Je m’engage à respecter la confidentialité des informations qui pourraient être échangées et à n’en faire aucun usage qui pourrait nuire directement ou indirectement au mentoré.',
          'Cochez l’engagement de confidentialité.',
        ),
        duration: commitment(
          'Je m’engage pour au moins {duration} mois, avec environ une rencontre par mois, bénévolement.',
          'Cochez l’engagement sur la durée du mentorat.',
        ),
        convention: conventionRead,
        privacyNotice: privacyNoticeRead,
      },
    },
  },
} as const;

export type MentorApplicationForm = FromSchema<typeof mentorApplicationFormSchema>;
