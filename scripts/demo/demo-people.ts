import { Faker, fr, base } from '@faker-js/faker';
import {
  availability,
  heardFrom as heardFromField,
  objectivesFor,
  sector as sectorField,
} from '../../schemas/fields.ts';

// The demo's synthetic programme (issue 16): French people and places drawn by Faker from a fixed
// seed and a fixed reference date, so that the same sizes always give the same people, in the
// same order, on any machine and in any time zone. Nobody here exists: the e-mail addresses are
// at example.org (reserved, RFC 2606) and the phone numbers in the range ARCEP reserves for
// fiction (06 39 98 xx xx).

/** A form submission as a browser sends it: field name and value, in order. */
export type FormEntries = [string, string][];

export interface DemoPerson {
  kind: 'mentor' | 'mentee';
  /** Position among the people of its kind, from 0: the demo's plan refers to people by it. */
  index: number;
  entries: FormEntries;
  /** A minor mentoré, whose legal representative signs too. */
  minor: boolean;
  /** Names an organisation (or school) of someone of the other kind: a conflict of interest. */
  avoids?: string;
  /** The day the form is sent (AAAA-MM-JJ), within the cohort's applications. */
  appliedOn: string;
}

export interface DemoPeopleOptions {
  mentors: number;
  mentees: number;
  seed: number;
  /** The first and last days applications may be sent (the cohort's, from the settings). */
  applicationsOpen: string;
  applicationsClose: string;
  /** The commune the programme serves: mentorés live or study there. */
  commune: string;
}

// The choices come from the forms' own fields (the single source), less « autre », which would
// ask for words of its own.
const valuesOf = <T extends { const: string }>(options: readonly T[]): T['const'][] =>
  options.map((option) => option.const);
type Sector = Exclude<(typeof sectorField.oneOf)[number]['const'], 'autre'>;
const sectors = valuesOf(sectorField.oneOf).filter((s): s is Sector => s !== 'autre');

/** How often each sector comes up around Issy-les-Moulineaux (digital and services first). */
const sectorWeights: Record<Sector, number> = {
  'agriculture-environnement': 1,
  'arts-culture-medias': 4,
  'banque-finance-assurance': 5,
  'btp-architecture': 2,
  'commerce-vente': 4,
  'droit-justice': 3,
  'economie-sociale': 2,
  'enseignement-recherche': 2,
  'fonction-publique': 3,
  'gestion-rh': 3,
  'hotellerie-tourisme': 2,
  'industrie-energie-ingenierie': 3,
  numerique: 8,
  'sante-social': 5,
  'sport-animation': 2,
  'transport-logistique': 2,
};

const jobTitles: Record<Sector, readonly string[]> = {
  'agriculture-environnement': ['Chargée de mission biodiversité', 'Ingénieur agronome'],
  'arts-culture-medias': ['Journaliste', 'Chargée de production audiovisuelle', 'Graphiste'],
  'banque-finance-assurance': ['Conseillère clientèle', 'Analyste financier', 'Actuaire'],
  'btp-architecture': ['Architecte', 'Conducteur de travaux'],
  'commerce-vente': ['Responsable de magasin', 'Commerciale grands comptes', 'Acheteur'],
  'droit-justice': ['Avocate', 'Juriste d’entreprise', 'Greffier'],
  'economie-sociale': ['Coordinatrice d’association', 'Chargé de projets solidaires'],
  'enseignement-recherche': ['Professeure de mathématiques', 'Chercheur en biologie'],
  'fonction-publique': ['Attachée territoriale', 'Inspecteur des finances publiques'],
  'gestion-rh': ['Chargée de recrutement', 'Responsable des ressources humaines'],
  'hotellerie-tourisme': ['Directrice d’hôtel', 'Chef de cuisine'],
  'industrie-energie-ingenierie': ['Ingénieure qualité', 'Technicien de maintenance'],
  numerique: [
    'Développeuse web',
    'Chef de projet informatique',
    'Data scientist',
    'Administrateur systèmes',
  ],
  'sante-social': ['Infirmière', 'Éducateur spécialisé', 'Pharmacienne'],
  'sport-animation': ['Éducateur sportif', 'Animatrice jeunesse'],
  'transport-logistique': ['Responsable logistique', 'Chef d’escale'],
};

const studyFields: Record<Sector, readonly string[]> = {
  'agriculture-environnement': ['BTS gestion et protection de la nature'],
  'arts-culture-medias': ['Licence information-communication', 'DN MADE graphisme'],
  'banque-finance-assurance': ['BTS banque', 'Licence économie-gestion'],
  'btp-architecture': ['BTS bâtiment', 'École d’architecture'],
  'commerce-vente': ['BTS négociation et digitalisation de la relation client', 'BUT TC'],
  'droit-justice': ['Licence de droit', 'Master de droit des affaires'],
  'economie-sociale': ['BUT carrières sociales'],
  'enseignement-recherche': ['Licence de mathématiques', 'Master MEEF'],
  'fonction-publique': ['Licence d’administration publique'],
  'gestion-rh': ['BUT GEA', 'Master ressources humaines'],
  'hotellerie-tourisme': ['BTS management en hôtellerie-restauration'],
  'industrie-energie-ingenierie': ['BUT génie électrique', 'École d’ingénieurs'],
  numerique: ['BTS services informatiques aux organisations', 'BUT informatique', 'Licence MIAGE'],
  'sante-social': ['Institut de formation en soins infirmiers', 'Licence de psychologie'],
  'sport-animation': ['BPJEPS', 'Licence STAPS'],
  'transport-logistique': ['BTS gestion des transports et logistique associée'],
};

const schools = [
  'Lycée Eugène-Ionesco',
  'Lycée Saint-Nicolas',
  'Campus numérique d’Issy',
  'Institut universitaire d’Issy',
  'École supérieure des métiers du Grand Paris',
];

/** Communes around Issy-les-Moulineaux where mentors live (and some mentorés who study there). */
const communes = [
  'Paris',
  'Boulogne-Billancourt',
  'Meudon',
  'Clamart',
  'Vanves',
  'Malakoff',
  'Montrouge',
  'Sèvres',
  'Chaville',
  'Saint-Cloud',
  'Châtillon',
  'Versailles',
];

const objectives = valuesOf(objectivesFor('mentee').items.oneOf).filter((o) => o !== 'autre');
const days = valuesOf(availability.properties.days.items.oneOf);
const periods = valuesOf(availability.properties.periods.items.oneOf);
const levels = ['bac+1', 'bac+2', 'bac+3', 'bac+4', 'bac+5'] as const;
// The ways a student hears of the programme (an employer is the mentors').
const heardFrom = valuesOf(heardFromField.oneOf).filter((h) => h !== 'autre' && h !== 'employeur');

const commitments = {
  mentor: ['experience', 'listening', 'confidentiality', 'duration', 'convention', 'privacyNotice'],
  mentee: ['listening', 'confidentiality', 'decisions', 'duration', 'convention', 'privacyNotice'],
};

/** `jean.dupont` from « Jean Dupont »: letters only, no accents. */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

const frenchDay = (day: Date) =>
  `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The demo's mentors and mentorés, as their forms are sent, with what the demo's plan needs to
 * know of each. Same options, same people.
 */
export function demoPeople(options: DemoPeopleOptions): {
  mentors: DemoPerson[];
  mentees: DemoPerson[];
} {
  const faker = new Faker({ locale: [fr, base], seed: options.seed });
  faker.setDefaultRefDate(new Date(`${options.applicationsOpen}T12:00:00Z`));
  const pick = <T>(list: readonly T[]) => faker.helpers.arrayElement(list);
  const some = <T>(list: readonly T[], min: number, max: number) =>
    faker.helpers.arrayElements(list, { min, max });
  const sector = () =>
    faker.helpers.weightedArrayElement(
      sectors.map((value) => ({ value, weight: sectorWeights[value] })),
    );
  const open = Date.parse(`${options.applicationsOpen}T12:00:00Z`);
  const close = Date.parse(`${options.applicationsClose}T12:00:00Z`);
  // Applications come in waves: more at the opening and just before the closing.
  const appliedOn = () => {
    const u = faker.number.float({ min: 0, max: 1 });
    const shaped = u < 0.5 ? 2 * u * u : 1 - 2 * (1 - u) * (1 - u);
    return isoDay(open + Math.round(shaped * (close - open)));
  };
  const used = new Set<string>();
  const email = (first: string, last: string) => {
    let local = `${slug(first)}.${slug(last)}`;
    for (let n = 2; used.has(local); n += 1) local = `${slug(first)}.${slug(last)}${n}`;
    used.add(local);
    return `${local}@example.org`;
  };
  const phone = () => `06 39 98 ${faker.string.numeric(2)} ${faker.string.numeric(2)}`;
  const birthDate = (min: number, max: number, on?: string) =>
    frenchDay(
      faker.date.birthdate({
        mode: 'age',
        min,
        max,
        ...(on ? { refDate: new Date(`${on}T12:00:00Z`) } : {}),
      }),
    );
  const availability = (): FormEntries => [
    ...some(days, 1, 3).map((d): [string, string] => ['profile.availability.days', d]),
    ...some(periods, 1, 2).map((p): [string, string] => ['profile.availability.periods', p]),
  ];
  const languages = (): FormEntries =>
    ['fr', ...(faker.datatype.boolean(0.4) ? [pick(['en', 'es', 'ar', 'pt', 'de'])] : [])].map(
      (l): [string, string] => ['profile.languages', l],
    );
  const signed = (kind: 'mentor' | 'mentee'): FormEntries =>
    commitments[kind].map((c): [string, string] => [`commitments.${c}`, 'on']);

  const mentors: DemoPerson[] = [];
  const organisations: string[] = [];
  for (let index = 0; index < options.mentors; index += 1) {
    const sex = faker.person.sexType();
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    const mySector = sector();
    const organisation = faker.company.name();
    organisations.push(organisation);
    const experience = faker.number.int({ min: 3, max: 30 });
    mentors.push({
      kind: 'mentor',
      index,
      minor: false,
      appliedOn: appliedOn(),
      entries: [
        ['identity.firstName', firstName],
        ['identity.lastName', lastName],
        ['identity.email', email(firstName, lastName)],
        ['identity.phone', phone()],
        ['identity.birthDate', birthDate(experience + 23, experience + 30)],
        ['identity.commune', pick(communes)],
        ['profile.sector', mySector],
        ['profile.jobTitle', pick(jobTitles[mySector])],
        ['profile.organisation', organisation],
        ['profile.yearsOfExperience', String(experience)],
        ...some(objectives, 1, 3).map((o): [string, string] => ['profile.objectives', o]),
        [
          'profile.capacity',
          String(
            faker.helpers.weightedArrayElement([
              { value: 1, weight: 14 },
              { value: 2, weight: 5 },
              { value: 3, weight: 1 },
            ]),
          ),
        ],
        [
          'profile.meetingMode',
          faker.helpers.weightedArrayElement([
            { value: 'les-deux', weight: 6 },
            { value: 'presentiel', weight: 2 },
            { value: 'visio', weight: 2 },
          ]),
        ],
        ...availability(),
        ...languages(),
        ['profile.heardFrom', pick([...heardFrom, 'employeur'])],
        ...signed('mentor'),
        ['website', ''],
      ],
    });
  }

  const mentees: DemoPerson[] = [];
  for (let index = 0; index < options.mentees; index += 1) {
    const sex = faker.person.sexType();
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    // About one mentoré in sixteen is 16 or 17: their legal representative is asked for.
    const minor = faker.datatype.boolean(1 / 16);
    const basis = faker.helpers.weightedArrayElement([
      { value: 'les-deux', weight: 5 },
      { value: 'habite', weight: 3 },
      { value: 'etudie', weight: 2 },
    ]);
    const myObjectives = some(objectives, 1, 3);
    const mySectors = faker.helpers.uniqueArray(sector, faker.number.int({ min: 1, max: 2 }));
    const school = pick(schools);
    const representative: FormEntries = minor
      ? [
          ['identity.legalRepresentative.name', `${faker.person.firstName()} ${lastName}`],
          ['identity.legalRepresentative.email', email('famille', lastName)],
          ['identity.legalRepresentative.phone', phone()],
        ]
      : [];
    const applied = appliedOn();
    mentees.push({
      kind: 'mentee',
      index,
      minor,
      appliedOn: applied,
      entries: [
        ['identity.firstName', firstName],
        ['identity.lastName', lastName],
        ['identity.email', email(firstName, lastName)],
        ['identity.phone', phone()],
        // A minor is 16 on the day they apply: still a minor when the convention is signed.
        ['identity.birthDate', minor ? birthDate(16, 16, applied) : birthDate(18, 25)],
        ['identity.commune', basis === 'etudie' ? pick(communes) : options.commune],
        ...representative,
        ['profile.eligibility.basis', basis],
        ['profile.eligibility.school', school],
        [
          'profile.eligibility.schoolCommune',
          basis === 'habite' ? pick(communes) : options.commune,
        ],
        ['profile.studies.level', minor ? 'bac+1' : pick(levels)],
        ['profile.studies.field', pick(studyFields[mySectors[0]!])],
        ...myObjectives.map((o): [string, string] => ['profile.objectives', o]),
        ...mySectors.map((s): [string, string] => ['profile.sectors', s]),
        [
          'profile.meetingMode',
          faker.helpers.weightedArrayElement([
            { value: 'les-deux', weight: 6 },
            { value: 'presentiel', weight: 3 },
            { value: 'visio', weight: 1 },
          ]),
        ],
        ...availability(),
        ...languages(),
        ['profile.heardFrom', pick(heardFrom)],
        ...signed('mentee'),
        ['website', ''],
      ],
    });
  }

  // A few conflicts of interest, both ways: a mentoré doing an internship at a mentor's
  // organisation, a mentor who teaches at a mentoré's school. Matching must never pair them.
  const conflicts = Math.max(1, Math.round(options.mentees / 25));
  for (let n = 0; n < conflicts; n += 1) {
    const mentee = mentees[(n * 7 + 3) % mentees.length]!;
    const organisation = organisations[(n * 5 + 1) % organisations.length]!;
    mentee.avoids = organisation;
    mentee.entries.splice(mentee.entries.length - 1, 0, [
      'profile.organisationsToAvoid',
      organisation,
    ]);
    const mentor = mentors[(n * 11 + 2) % mentors.length]!;
    const schoolName = mentees[(n * 13 + 5) % mentees.length]!.entries.find(
      ([k]) => k === 'profile.eligibility.school',
    )?.[1];
    if (schoolName && mentor.avoids === undefined) {
      mentor.avoids = schoolName;
      mentor.entries.splice(mentor.entries.length - 1, 0, [
        'profile.organisationsToAvoid',
        schoolName,
      ]);
    }
  }
  return { mentors, mentees };
}
