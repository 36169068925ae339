// Builders of application form submissions, as the browser sends them (field name -> values).
// Synthetic people only. `aMenteeForm({ 'identity.firstName': 'Zoé' })` changes one field;
// `undefined` removes it.

export type FormFields = Record<string, string | readonly string[] | undefined>;

/** The synthetic people of the tests: no log, commit or page may ever contain these. */
export const syntheticPeople = {
  mentee: {
    firstName: 'Zéphyrine',
    lastName: 'Testaccio',
    email: 'zephyrine.testaccio@exemple.fr',
    phone: '06 11 22 33 44',
  },
  mentor: {
    firstName: 'Barnabé',
    lastName: 'Fictivier',
    email: 'barnabe.fictivier@exemple.org',
    phone: '07 55 66 77 88',
  },
  guardian: {
    name: 'Honorine Testaccio',
    email: 'honorine.testaccio@exemple.fr',
    phone: '06 99 88 77 66',
  },
};

const mentee: FormFields = {
  'identity.firstName': syntheticPeople.mentee.firstName,
  'identity.lastName': syntheticPeople.mentee.lastName,
  'identity.email': syntheticPeople.mentee.email,
  'identity.phone': syntheticPeople.mentee.phone,
  'identity.birthDate': '14/07/2005',
  'identity.commune': 'Issy-les-Moulineaux',
  'profile.eligibility.basis': 'les-deux',
  'profile.eligibility.school': 'Lycée Eugène-Ionesco',
  'profile.eligibility.schoolCommune': 'Issy-les-Moulineaux',
  'profile.studies.level': 'bac+2',
  'profile.studies.field': 'BTS services informatiques aux organisations',
  'profile.objectives': ['choisir-dernier-stage', 'projet-orientation'],
  'profile.sectors': ['numerique'],
  'profile.meetingMode': 'les-deux',
  'profile.availability.days': ['mercredi', 'samedi'],
  'profile.availability.periods': ['apres-midi'],
  'profile.languages': ['fr', 'en'],
  'profile.heardFrom': 'espace-jeunes',
  'commitments.listening': 'on',
  'commitments.confidentiality': 'on',
  'commitments.decisions': 'on',
  'commitments.duration': 'on',
  'commitments.convention': 'on',
  'commitments.privacyNotice': 'on',
  website: '',
};

const mentor: FormFields = {
  'identity.firstName': syntheticPeople.mentor.firstName,
  'identity.lastName': syntheticPeople.mentor.lastName,
  'identity.email': syntheticPeople.mentor.email,
  'identity.phone': syntheticPeople.mentor.phone,
  'identity.birthDate': '03/02/1980',
  'identity.commune': 'Boulogne-Billancourt',
  'profile.sector': 'numerique',
  'profile.jobTitle': 'Cheffe de projet informatique',
  'profile.organisation': 'Entreprise Fictive SA',
  'profile.yearsOfExperience': '15',
  'profile.objectives': ['choisir-dernier-stage', 'prise-de-poste'],
  'profile.capacity': '2',
  'profile.meetingMode': 'visio',
  'profile.availability.days': ['mardi', 'jeudi'],
  'profile.availability.periods': ['soir'],
  'profile.languages': ['fr'],
  'commitments.experience': 'on',
  'commitments.listening': 'on',
  'commitments.confidentiality': 'on',
  'commitments.duration': 'on',
  'commitments.convention': 'on',
  'commitments.privacyNotice': 'on',
  website: '',
};

function build(base: FormFields, overrides: FormFields): [string, string][] {
  const merged: FormFields = { ...base, ...overrides };
  return Object.entries(merged).flatMap(([name, value]) =>
    value === undefined
      ? []
      : (typeof value === 'string' ? [value] : value).map((v): [string, string] => [name, v]),
  );
}

export const aMenteeForm = (overrides: FormFields = {}) => build(mentee, overrides);
export const aMentorForm = (overrides: FormFields = {}) => build(mentor, overrides);

/** A minor's form: born in 2010, with their legal representative and authorisation. */
export const aMinorMenteeForm = (overrides: FormFields = {}) =>
  aMenteeForm({
    'identity.birthDate': '02/03/2010',
    'identity.legalRepresentative.name': syntheticPeople.guardian.name,
    'identity.legalRepresentative.email': syntheticPeople.guardian.email,
    'identity.legalRepresentative.phone': syntheticPeople.guardian.phone,
    ...overrides,
  });

/** Every string that identifies a synthetic person. */
export function personalStrings(): string[] {
  return Object.values(syntheticPeople).flatMap((person) => Object.values(person));
}

/** The answers with two mistakes, as the form tests send them: no last name, a wrong e-mail. */
export function withMistakes(entries: readonly (readonly [string, string])[]): [string, string][] {
  return entries
    .filter(([name]) => name !== 'identity.lastName')
    .map(([name, value]): [string, string] => [
      name,
      name === 'identity.email' ? 'pas-une-adresse' : value,
    ]);
}
