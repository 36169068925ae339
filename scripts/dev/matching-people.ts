// Synthetic people for the matching's tests, fixtures and benchmark: valid stored applications
// built directly (not through the intake), accepted screening decisions, and a seeded
// generator of realistic cohorts. Synthetic people only.
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import type { Application } from '../../schemas/validators.ts';

type MenteeProfileFields = Application<'mentee'>['profile'];
type MentorProfileFields = Application<'mentor'>['profile'];

const envelope = (id: string, cohort: string, submittedAt: string) => ({
  schemaVersion: 1 as const,
  id,
  submittedAt,
  cohort,
  intake: {
    proofOfWork: 'verified' as const,
    fillTime: 'ok' as const,
    needsReview: false,
    idempotencyKeyHash: '0'.repeat(64),
  },
});

const identity = (birthDate: string) => ({
  firstName: 'Zéphyrine',
  lastName: 'Testaccio',
  email: 'zephyrine.testaccio@exemple.fr',
  phone: '06 11 22 33 44',
  birthDate,
  commune: 'Issy-les-Moulineaux',
});

/** A mentoré's stored application; `profile` fields override the defaults. */
export function aMentee(
  id: string,
  profile: Partial<MenteeProfileFields> = {},
  envelopeFields: { cohort?: string; submittedAt?: string } = {},
): Application<'mentee'> {
  return {
    ...envelope(
      id,
      envelopeFields.cohort ?? '2026-2027',
      envelopeFields.submittedAt ?? '2026-11-10T10:00:00.000Z',
    ),
    identity: identity('2005-07-14'),
    profile: {
      eligibility: {
        basis: 'les-deux',
        school: 'Lycée Eugène-Ionesco',
        schoolCommune: 'Issy-les-Moulineaux',
      },
      studies: { level: 'bac+2', field: 'BTS services informatiques aux organisations' },
      objectives: ['choisir-dernier-stage', 'projet-orientation'],
      sectors: ['numerique'],
      meetingMode: 'les-deux',
      availability: { days: ['mercredi', 'samedi'], periods: ['apres-midi'] },
      languages: ['fr', 'en'],
      ...profile,
    },
    commitments: {
      listening: true,
      confidentiality: true,
      decisions: true,
      duration: true,
      convention: true,
      privacyNotice: true,
    },
  } as Application<'mentee'>;
}

/** A mentor's stored application; `profile` fields override the defaults. */
export function aMentor(
  id: string,
  profile: Partial<MentorProfileFields> = {},
  envelopeFields: { cohort?: string; submittedAt?: string } = {},
): Application<'mentor'> {
  return {
    ...envelope(
      id,
      envelopeFields.cohort ?? '2026-2027',
      envelopeFields.submittedAt ?? '2026-11-10T10:00:00.000Z',
    ),
    identity: { ...identity('1980-02-03'), firstName: 'Barnabé', lastName: 'Fictivier' },
    profile: {
      sector: 'numerique',
      jobTitle: 'Cheffe de projet informatique',
      organisation: 'Entreprise Fictive SA',
      yearsOfExperience: 15,
      objectives: ['choisir-dernier-stage', 'projet-orientation', 'prise-de-poste'],
      capacity: 1,
      meetingMode: 'les-deux',
      availability: { days: ['mercredi', 'samedi'], periods: ['apres-midi'] },
      languages: ['fr'],
      ...profile,
    },
    commitments: {
      experience: true,
      listening: true,
      confidentiality: true,
      duration: true,
      convention: true,
      privacyNotice: true,
    },
  } as Application<'mentor'>;
}

/** Screening decisions: these ids accepted on a fixed day. */
export function accepted(ids: readonly string[]): Map<string, ScreeningDecision> {
  const at = '2026-11-20T10:00:00.000Z';
  return new Map(
    ids.map((id) => [
      id,
      {
        schemaVersion: 1,
        id,
        status: 'accepted',
        updatedAt: at,
        history: [{ status: 'accepted', at }],
      },
    ]),
  );
}

/** A small, fast, seeded generator (mulberry32): the same seed, the same people. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const objectives = [
  'finaliser-formation',
  'choisir-dernier-stage',
  'projet-orientation',
  'prise-de-poste',
  'autre',
] as const;
const sectors = [
  'agriculture-environnement',
  'arts-culture-medias',
  'banque-finance-assurance',
  'btp-architecture',
  'commerce-vente',
  'droit-justice',
  'economie-sociale',
  'enseignement-recherche',
  'fonction-publique',
  'gestion-rh',
  'hotellerie-tourisme',
  'industrie-energie-ingenierie',
  'numerique',
  'sante-social',
  'sport-animation',
  'transport-logistique',
] as const;
const fields = [
  'droit',
  'informatique',
  'soins infirmiers',
  'gestion',
  'génie civil',
  'commerce international',
  'biologie',
  'lettres modernes',
  'STAPS',
  'économie',
];
const days = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
const periods = ['matin', 'apres-midi', 'soir'] as const;
const languages = ['fr', 'en', 'es', 'de', 'it', 'pt', 'ar', 'zh'] as const;
const organisations = Array.from({ length: 400 }, (_, i) => `Organisation ${i} SAS`);
const schools = Array.from({ length: 40 }, (_, i) => `École ${i}`);

function some<T>(random: () => number, values: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const pool = [...values];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length)
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return values.filter((v) => chosen.includes(v));
}

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)]!;
const idOf = (kind: string, n: number) => `${kind}-${n.toString(36).padStart(6, '0')}`;
const mode = (random: () => number) => {
  const r = random();
  return r < 0.15 ? 'presentiel' : r < 0.3 ? 'visio' : 'les-deux';
};

/**
 * A realistic cohort (issue 9's benchmark): capacities 1–3, varied profiles, a few conflicts of
 * interest and meeting modes that rule pairs out (about 5 % of pairs), all accepted.
 */
export function generateCohort(
  mentees: number,
  mentors: number,
  seed: number,
  options: { scarce?: boolean } = {},
): { applications: Application<'mentor' | 'mentee'>[]; decisions: Map<string, ScreeningDecision> } {
  const random = seededRandom(seed);
  const applications: Application<'mentor' | 'mentee'>[] = [];
  for (let i = 0; i < mentees; i += 1) {
    const month = 1 + Math.floor(random() * 11);
    applications.push(
      aMentee(
        idOf('mentee', i),
        {
          eligibility: {
            basis: 'habite',
            school: pick(random, schools),
            schoolCommune: 'Issy-les-Moulineaux',
          },
          studies: { level: 'bac+3', field: pick(random, fields) },
          objectives: some(random, objectives.slice(0, 4), 1, 3),
          sectors: some(random, sectors, 1, 3),
          meetingMode: mode(random),
          availability: { days: some(random, days, 1, 4), periods: some(random, periods, 1, 2) },
          languages: ['fr', ...some(random, languages.slice(1), 0, 2)],
          organisationsToAvoid: random() < 0.3 ? [pick(random, organisations)] : [],
        },
        { submittedAt: `2026-${String(month).padStart(2, '0')}-10T10:00:00.000Z` },
      ),
    );
  }
  for (let j = 0; j < mentors; j += 1) {
    applications.push(
      aMentor(idOf('mentor', j), {
        sector: pick(random, sectors),
        organisation: random() < 0.05 ? pick(random, schools) : pick(random, organisations),
        objectives: some(random, objectives.slice(0, 4), 1, 4),
        capacity: 1 + Math.floor(random() * 3),
        meetingMode: mode(random),
        availability: { days: some(random, days, 1, 4), periods: some(random, periods, 1, 3) },
        languages: ['fr', ...some(random, languages.slice(1), 0, 2)],
      }),
    );
  }
  // A hard cohort: every mentoré aims at one sector, which one mentor in twenty works in, so
  // that they all compete for a few places (prices, long augmenting paths, proof rounds).
  if (options.scarce) {
    let k = 0;
    for (const a of applications) {
      if (a.id.startsWith('mentee-')) {
        const p = (a as Application<'mentee'>).profile;
        p.sectors = ['numerique'];
        p.objectives = ['projet-orientation', 'prise-de-poste'];
      } else {
        const p = (a as Application<'mentor'>).profile;
        p.sector =
          k++ % 20 === 0 ? 'numerique' : p.sector === 'numerique' ? 'droit-justice' : p.sector;
      }
    }
  }
  return { applications, decisions: accepted(applications.map((a) => a.id)) };
}
