// Field definitions shared by the application schemas. Annotations used by the forms:
// `title` is the label, `description` the help text (expected format included), `x-error` the
// one French message shown when the value is missing or wrong, `x-autocomplete` the HTML
// autocomplete token, `x-input` how the form asks for it, `x-required-when` the case in which
// an optional field becomes required (the rules in application-rules.ts check it). Enumerations
// use `oneOf` + `const` + `title`, the standard way to give each value its French label. Texts
// may hold `{commune}`, `{structure}`, `{duration}` and `{capacityMax}`, filled from the settings.

// Characters that reorder how text is displayed (« Trojan Source »): in a name or an address
// they make a record read differently on screen than it is, so no text field accepts them.
const bidiControls = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';

// Invisible or non-characters that no person types: C1 controls (U+0085 is a line break), the
// Unicode line and paragraph separators, zero-width spaces, a byte-order mark, non-characters
// and tag characters (which hide text). Emoji joiners (U+200D) stay: people write emoji.
const invisibles =
  '\\u0080-\\u009F\\u200B\\u2028\\u2029\\uFEFF\\uFFF0-\\uFFFF\\u{E0000}-\\u{E007F}';

/** No control character at all: a one-line value must not smuggle a line break (« Bcc: »). */
export const oneLineText = `^[^\\u0000-\\u001F\\u007F${invisibles}${bidiControls}]*$`;

/** Line breaks (LF, CR) allowed, no other control character. */
export const multiLineText = `^[^\\u0000-\\u0009\\u000B\\u000C\\u000E-\\u001F\\u007F${invisibles}${bidiControls}]*$`;

/** A one-line text. */
export function line<const T extends string, const E extends string>(
  title: T,
  error: E,
  maxLength = 100,
) {
  return {
    type: 'string',
    title,
    minLength: 1,
    maxLength,
    pattern: oneLineText,
    'x-error': error,
  } as const;
}

/** A free text of several lines, typed in a textarea. */
export function paragraph<const T extends string, const E extends string>(
  title: T,
  error: E,
  maxLength: number,
) {
  return {
    type: 'string',
    title,
    minLength: 1,
    maxLength,
    pattern: multiLineText,
    'x-error': error,
    'x-input': 'textarea',
  } as const;
}

export const personName = (title: string, error: string, autocomplete: string) =>
  ({ ...line(title, error), 'x-autocomplete': autocomplete }) as const;

export const email = {
  type: 'string',
  title: 'Adresse électronique',
  description: 'Format attendu : nom@exemple.fr',
  maxLength: 254,
  format: 'email',
  'x-error': 'Indiquez une adresse électronique valide, par exemple nom@exemple.fr.',
  'x-autocomplete': 'email',
  'x-input': 'email',
} as const;

export const phone = {
  type: 'string',
  title: 'Téléphone',
  description: 'Format attendu : 06 12 34 56 78, ou +33 6 12 34 56 78',
  maxLength: 20,
  pattern: '^(?:(?:\\+33|0033) ?[1-9]|0[1-9])(?:[ .-]?[0-9]{2}){4}$|^\\+[0-9][0-9 .-]{7,18}$',
  'x-error': 'Indiquez un numéro de téléphone valide, par exemple 06 12 34 56 78.',
  'x-autocomplete': 'tel',
  'x-input': 'tel',
} as const;

/** A day that exists, `YYYY-MM-DD` (string-formats.ts): 31/02 and 29/02/2023 are refused. */
export const calendarDate = { type: 'string', format: 'date' } as const;

/** A UTC instant as `Date.toISOString()` writes it (milliseconds optional), on a real day. */
export const utcInstant = {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z$',
  format: 'date-time',
} as const;

export const birthDate = {
  ...calendarDate,
  title: 'Date de naissance',
  description: 'Format attendu : JJ/MM/AAAA, par exemple 14/07/2006',
  'x-error':
    'Indiquez une date de naissance qui existe, au format JJ/MM/AAAA, par exemple 14/07/2006.',
  'x-autocomplete': 'bday',
  'x-input': 'date',
} as const;

export const commune = {
  ...line('Commune de résidence', 'Indiquez votre commune de résidence.'),
  description: 'Par exemple : {commune}',
  'x-autocomplete': 'address-level2',
} as const;

/** The convention's objectives (article 2), worded for the person who answers. */
export function objectivesFor<const A extends 'mentee' | 'mentor'>(audience: A) {
  const mine = audience === 'mentee';
  return {
    type: 'array',
    title: mine ? 'Vos objectifs' : 'Sur quoi pouvez-vous accompagner un mentoré ?',
    description: mine ? 'Cochez tout ce qui vous concerne.' : 'Cochez tout ce qui vous convient.',
    uniqueItems: true,
    minItems: 1,
    items: {
      oneOf: [
        {
          const: 'finaliser-formation',
          title: mine
            ? 'Finaliser mon parcours de formation'
            : 'Finaliser son parcours de formation',
        },
        {
          const: 'choisir-dernier-stage',
          title: mine ? 'Choisir mon dernier stage' : 'Choisir son dernier stage',
        },
        {
          const: 'projet-orientation',
          title: mine
            ? 'Définir mon projet d’orientation professionnelle'
            : 'Définir son projet d’orientation professionnelle',
        },
        {
          const: 'prise-de-poste',
          title: mine ? 'Préparer ma prise de poste' : 'Préparer une prise de poste',
        },
        { const: 'autre', title: 'Un autre objectif' },
      ],
    },
    'x-error': 'Cochez au moins un objectif.',
  } as const;
}

export const objectiveOther = {
  ...paragraph('Autre objectif', 'Décrivez en quelques mots l’autre objectif.', 300),
  description: 'Seulement si vous avez coché « Un autre objectif ».',
  'x-applies-when': { field: 'profile.objectives', has: 'autre' },
  'x-required-when': 'si vous avez coché « Un autre objectif »',
} as const;

const sectorValues = [
  {
    const: 'agriculture-environnement',
    title: 'Agriculture, environnement, développement durable',
  },
  { const: 'arts-culture-medias', title: 'Arts, culture, médias, communication' },
  { const: 'banque-finance-assurance', title: 'Banque, finance, assurance' },
  { const: 'btp-architecture', title: 'Bâtiment, travaux publics, architecture, urbanisme' },
  { const: 'commerce-vente', title: 'Commerce, vente, distribution' },
  { const: 'droit-justice', title: 'Droit, justice' },
  { const: 'economie-sociale', title: 'Économie sociale et solidaire, associations' },
  { const: 'enseignement-recherche', title: 'Enseignement, formation, recherche' },
  { const: 'fonction-publique', title: 'Fonction publique, administration' },
  { const: 'gestion-rh', title: 'Gestion, comptabilité, ressources humaines' },
  { const: 'hotellerie-tourisme', title: 'Hôtellerie, restauration, tourisme' },
  { const: 'industrie-energie-ingenierie', title: 'Industrie, énergie, ingénierie' },
  { const: 'numerique', title: 'Informatique, numérique, télécommunications' },
  { const: 'sante-social', title: 'Santé, social, médico-social' },
  { const: 'sport-animation', title: 'Sport, animation' },
  { const: 'transport-logistique', title: 'Transport, logistique' },
  { const: 'autre', title: 'Autre secteur' },
] as const;

export const sector = {
  title: 'Secteur d’activité',
  oneOf: sectorValues,
  'x-error': 'Choisissez votre secteur d’activité.',
} as const;

export const sectors = {
  type: 'array',
  title: 'Secteurs qui vous intéressent',
  description: 'Cinq au plus.',
  uniqueItems: true,
  minItems: 1,
  maxItems: 5,
  items: { oneOf: sectorValues },
  'x-error': 'Cochez entre un et cinq secteurs.',
} as const;

/** The other sector, in words, when « Autre secteur » is chosen (`field` names the choice). */
export function sectorOther<const F extends string>(field: F) {
  return {
    ...line('Autre secteur', 'Indiquez en quelques mots l’autre secteur.', 150),
    description: 'Seulement si vous avez choisi « Autre secteur ».',
    'x-applies-when': { field, has: 'autre' },
    'x-required-when': 'si vous avez choisi « Autre secteur »',
  } as const;
}

export const meetingMode = {
  title: 'Comment préférez-vous vous rencontrer ?',
  oneOf: [
    { const: 'presentiel', title: 'En personne, à l’{structure}' },
    { const: 'visio', title: 'En visioconférence' },
    { const: 'les-deux', title: 'Les deux me conviennent' },
  ],
  'x-error': 'Choisissez comment vous préférez vous rencontrer.',
} as const;

export const availability = {
  type: 'object',
  title: 'Disponibilités',
  description: 'Pour les rencontres, environ une fois par mois.',
  additionalProperties: false,
  required: ['days', 'periods'],
  properties: {
    days: {
      type: 'array',
      title: 'Jours',
      uniqueItems: true,
      minItems: 1,
      items: {
        oneOf: [
          { const: 'lundi', title: 'Lundi' },
          { const: 'mardi', title: 'Mardi' },
          { const: 'mercredi', title: 'Mercredi' },
          { const: 'jeudi', title: 'Jeudi' },
          { const: 'vendredi', title: 'Vendredi' },
          { const: 'samedi', title: 'Samedi' },
        ],
      },
      'x-error': 'Cochez au moins un jour.',
    },
    periods: {
      type: 'array',
      title: 'Moments de la journée',
      uniqueItems: true,
      minItems: 1,
      items: {
        oneOf: [
          { const: 'matin', title: 'Le matin' },
          { const: 'apres-midi', title: 'L’après-midi' },
          { const: 'soir', title: 'En fin de journée (après 18 h)' },
        ],
      },
      'x-error': 'Cochez au moins un moment de la journée.',
    },
  },
} as const;

export const languages = {
  type: 'array',
  title: 'Langues dans lesquelles vous pouvez échanger',
  uniqueItems: true,
  minItems: 1,
  items: {
    oneOf: [
      { const: 'fr', title: 'Français' },
      { const: 'en', title: 'Anglais' },
      { const: 'es', title: 'Espagnol' },
      { const: 'de', title: 'Allemand' },
      { const: 'it', title: 'Italien' },
      { const: 'pt', title: 'Portugais' },
      { const: 'ar', title: 'Arabe' },
      { const: 'zh', title: 'Chinois' },
    ],
  },
  'x-error': 'Cochez au moins une langue.',
} as const;

export const organisationsToAvoid = {
  type: 'array',
  title: 'Organisations à éviter',
  description:
    'Pour éviter tout conflit d’intérêts : par exemple l’entreprise où vous êtes en stage. Une par ligne, dix au plus. Facultatif.',
  maxItems: 10,
  items: line('Organisation', 'Chaque organisation compte 100 caractères au plus.'),
  'x-error':
    'Indiquez dix organisations au plus, une par ligne, de 100 caractères au plus chacune.',
  'x-input': 'lines',
} as const;

export const heardFrom = {
  title: 'Comment avez-vous connu le programme ? (facultatif)',
  oneOf: [
    { const: 'espace-jeunes', title: 'À l’{structure}' },
    { const: 'etablissement', title: 'Par mon école ou mon université' },
    { const: 'ville', title: 'Par le site ou le magazine de la ville' },
    { const: 'reseaux-sociaux', title: 'Par les réseaux sociaux' },
    { const: 'entourage', title: 'Par mon entourage' },
    { const: 'employeur', title: 'Par mon employeur' },
    { const: 'autre', title: 'Autre' },
  ],
  'x-error': 'Dites-nous comment vous avez connu le programme.',
} as const;

/**
 * The most mentorés at once any programme may let a mentor take: the bound of both the setting
 * `mentoring.mentorCapacityMax` and the mentor form's answer, so the two cannot disagree.
 */
export const mentorCapacityCeiling = 10;

/** A required checkbox: the person must tick it. */
export function commitment<const T extends string, const E extends string>(title: T, error: E) {
  return { type: 'boolean', const: true, title, 'x-error': error } as const;
}

/** What both application forms ask to identify and contact the person (never used for matching). */
export const identityGroup = {
  type: 'object',
  title: 'Vous',
  description:
    'Ces informations servent à vous contacter, à préparer la convention et, une fois le binôme formé, à transmettre votre prénom et vos coordonnées à l’autre membre du binôme. Elles ne sont pas utilisées pour former les binômes.',
  additionalProperties: false,
  required: ['firstName', 'lastName', 'email', 'phone', 'birthDate', 'commune'],
  properties: {
    firstName: personName('Prénom', 'Indiquez votre prénom.', 'given-name'),
    lastName: personName('Nom', 'Indiquez votre nom.', 'family-name'),
    email,
    phone,
    birthDate,
    commune,
  },
} as const;

/** « J'ai lu la convention… », linking to it (both forms). */
export const conventionRead = {
  ...commitment(
    'J’ai lu la convention de mentorat et je suis prêt ou prête à la signer.',
    'Cochez la case confirmant que vous avez lu la convention.',
  ),
  'x-links': [{ text: 'la convention de mentorat', href: '/la-convention/' }],
} as const;

/** « J'ai lu la notice… », linking to it (both forms). */
export const privacyNoticeRead = {
  ...commitment(
    'J’ai lu la notice d’information sur mes données personnelles.',
    'Cochez la case confirmant que vous avez lu la notice sur vos données personnelles.',
  ),
  'x-links': [{ text: 'la notice d’information', href: '/donnees-personnelles/' }],
} as const;
