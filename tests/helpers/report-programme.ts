import {
  applicationPath,
  erasurePath,
  followUpPath,
  pairPath,
  screeningPath,
} from '../../schemas/data-layout.ts';
import type { Erasure } from '../../schemas/erasure.schema.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair, PairEvent } from '../../schemas/pair.schema.ts';
import type {
  ScreeningDecision,
  ScreeningStatus,
} from '../../schemas/screening-decision.schema.ts';
import type { ApplicationKind } from '../../schemas/data-layout.ts';
import type { Application } from '../../schemas/validators.ts';
import { aMentee, aMentor } from '../../scripts/dev/matching-people.ts';
import { addDays } from '../../scripts/followup/follow-up-rules.ts';
import { pairText } from '../../scripts/matching/pair-record.ts';
import { sealIdentity } from '../../scripts/privacy/seal-identity.ts';
import type { ReportRecords } from '../../scripts/reporting/report-figures.ts';
import type { DataStore, FileChange } from '../../scripts/store/data-store.ts';
import { testRecipients } from './test-keys.ts';
import { aBilanRecord, aCheckInRecord } from './follow-up-records.ts';

// The golden programme of the reports' tests (issue 13): a small synthetic school year,
// 2026-2027, whose figures are known by construction (each one is worked out in the comments).
// Every person has a distinct canary name, e-mail, phone and organisation, which no output of a
// report may ever contain.

export const canaries = {
  /** Said only in a bilan shared with the coordinators: it must never appear in a report. */
  coordinatorsOnly: 'Ceci reste entre la coordination et moi, Quentin Zorglub-Vasquez.',
  /** Words anonymously shareable that name a mentor, her employer and a phone number. */
  anonymousNaming:
    'Grâce à Ondine Canarelli de Banque Canarifique, j’ai trouvé mon stage ; appelez-la au 06 98 76 54 32.',
  anonymousPlain: 'Une belle rencontre, qui m’a donné confiance.',
};

/** Three more texts shared anonymously: five in all, as many as the threshold asks to quote. */
const anonymousOthers = [
  'Un engagement qui a du sens.',
  'J’ai beaucoup appris, moi aussi.',
  'Des conseils concrets pour mon orientation.',
];

const mentorNames = [
  'Ondine Canarelli',
  'Basile Kerplouf',
  'Anouk Trémazan',
  'Félix Oudardier',
  'Capucine Malaterre',
  'Gaspard Pélissou',
  'Hortense Vaudrimont',
  'Isidore Quennehen',
  'Joséphine Barthazar',
  'Lazare Fontquernie',
  'Mélusine Oberkampf',
  'Nestor Villequier',
];
const organisations = [
  'Banque Canarifique',
  'Atelier Kerploufien',
  'Trémazan Conseil',
  'Oudardier Ingénierie',
  'Malaterre et Fils',
  'Pélissou Logistique',
  'Vaudrimont Santé',
  'Quennehen Média',
  'Barthazar Avocats',
  'Fontquernie Énergie',
  'Oberkampf Design',
  'Villequier Transports',
];

export interface GoldenProgramme {
  records: ReportRecords;
  /** Every name, e-mail address, phone number and organisation of the synthetic people. */
  identifiers: string[];
}

const at = (day: string) => `${day}T10:00:00.000Z`;
const mentorId = (i: number) => `mentor-gold${String(i).padStart(2, '0')}`;
const menteeId = (i: number) => `mentee-gold${String(i).padStart(2, '0')}`;

function decision(id: string, status: ScreeningStatus, on: string): ScreeningDecision {
  return {
    schemaVersion: 1,
    id,
    status,
    updatedAt: at(on),
    history: [
      { status: 'interviewed', at: at(addDays(on, -5)) },
      { status, at: at(on) },
    ],
  };
}

/**
 * The golden school year 2026-2027 (day of the report: 31 August 2027):
 * - 12 mentors applied: 7 in October 2026, 5 in November; 10 accepted, 1 declined, 1 never
 *   screened (`new`). Capacity 1 each.
 * - 20 mentorés applied: 6 in October, 8 in November, 6 in December; 14 accepted,
 *   3 waitlisted, 2 declined, 1 withdrew. One more, applied in November, declined, was erased
 *   since: counted from its tombstone (21 mentorés, 3 declined).
 * - 10 pairs (mentor i with mentoré i, i = 0..9), accepted on 5 January 2027, signed on
 *   10 January, under way from 11 January (the cohort's start) to 9 July 2027: pairs 0–6
 *   closed as planned on 9 July, pair 7 closed early for disagreement on 1 March, pair 8 early
 *   as no longer available on 15 May, pair 9 still under way (the report ends before its
 *   closing). Mentorés applied in October (0–5: 96 days to wait… see `waitDays`).
 * - Meetings: pairs 0–6 and 9 report one meeting a month (the 20th, February to June) through
 *   the mentoré's check-ins, 5 in person and the June one by video; pair 7 and 8 report none.
 * - Bilans in July: pairs 0–6 send both; satisfaction of mentors 5,5,4,4,4,3,5 and mentorés
 *   5,4,4,5,5,5,2; objectives reached: yes for all but mentoré 6 (no) and mentor 5 (partly).
 */
export function goldenProgramme(): GoldenProgramme {
  const applications: Application<ApplicationKind>[] = [];
  const decisions = new Map<string, ScreeningDecision>();
  const identifiers: string[] = [];
  const mentorMonths = [...Array(7).fill('2026-10-12'), ...Array(5).fill('2026-11-09')] as string[];
  mentorMonths.forEach((day, i) => {
    const [firstName, lastName] = mentorNames[i]!.split(' ') as [string, string];
    const email = `${firstName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.canari${i}@exemple.fr`;
    const phone = `06 55 44 ${String(10 + i)} ${String(20 + i)}`;
    const mentor = aMentor(
      mentorId(i),
      { organisation: organisations[i]!, capacity: 1 },
      { submittedAt: at(day) },
    );
    mentor.identity = { ...mentor.identity, firstName, lastName, email, phone };
    applications.push(mentor);
    identifiers.push(firstName, lastName, email, phone, organisations[i]!);
    const status: ScreeningStatus = i < 10 ? 'accepted' : i === 10 ? 'declined' : 'new';
    if (status !== 'new') decisions.set(mentorId(i), decision(mentorId(i), status, '2026-12-01'));
  });
  const menteeDays = [
    ...Array(6).fill('2026-10-05'),
    ...Array(8).fill('2026-11-16'),
    ...Array(6).fill('2026-12-07'),
  ] as string[];
  const menteeStatus = (i: number): ScreeningStatus =>
    i < 10 || (i >= 14 && i < 18)
      ? 'accepted'
      : i < 13
        ? 'waitlisted'
        : i < 14
          ? 'declined'
          : i === 18
            ? 'declined'
            : 'withdrawn';
  menteeDays.forEach((day, i) => {
    const firstName = `Prénomcanari${String.fromCharCode(65 + i)}`;
    const lastName = `Nomcanari${String.fromCharCode(65 + i)}`;
    const email = `eleve${i}.canari@exemple.fr`;
    const phone = `07 11 22 ${String(30 + i)} ${String(40 + i)}`;
    const school = `Lycée Canari ${String.fromCharCode(65 + i)}`;
    const mentee = aMentee(
      menteeId(i),
      {
        sectors: i % 2 === 0 ? ['numerique', 'banque-finance-assurance'] : ['sante-social'],
        eligibility: { basis: 'les-deux', school, schoolCommune: 'Issy-les-Moulineaux' },
      },
      { submittedAt: at(day) },
    );
    mentee.identity = { ...mentee.identity, firstName, lastName, email, phone };
    applications.push(mentee);
    identifiers.push(firstName, lastName, email, phone, school);
    decisions.set(menteeId(i), decision(menteeId(i), menteeStatus(i), '2026-12-15'));
  });
  const erasures = new Map<string, Erasure>([
    [
      'mentee-gold99',
      {
        schemaVersion: 1,
        id: 'mentee-gold99',
        kind: 'mentee',
        cohort: '2026-2027',
        submittedMonth: '2026-11',
        lastStatus: 'declined',
        erasedOn: '2027-02-01',
        reason: 'request',
      },
    ],
  ]);

  const pairs: Pair[] = [];
  const followUps = new Map<string, FollowUp[]>();
  for (let i = 0; i < 10; i += 1) {
    const id = `pair-gold${String(i).padStart(2, '0')}-gold${String(i).padStart(2, '0')}`;
    const closing: PairEvent[] =
      i <= 6
        ? [{ type: 'closed', at: at('2027-07-12'), outcome: 'as-planned' }]
        : i === 7
          ? [{ type: 'closed', at: at('2027-03-01'), outcome: 'early', reasonCode: 'disagreement' }]
          : i === 8
            ? [
                {
                  type: 'closed',
                  at: at('2027-05-15'),
                  outcome: 'early',
                  reasonCode: 'no-longer-available',
                },
              ]
            : [];
    pairs.push({
      schemaVersion: 1,
      id,
      cohort: '2026-2027',
      mentor: mentorId(i),
      mentee: menteeId(i),
      status: closing.length > 0 ? 'closed' : 'active',
      proposedBy: 'matching',
      meetingMode: 'presentiel',
      objectives: ['choisir-dernier-stage'],
      score: { total: 40, rules: [] },
      events: [
        { type: 'proposed', at: at('2027-01-02') },
        { type: 'accepted', at: at('2027-01-05') },
        {
          type: 'signed',
          at: at('2027-01-10'),
          signatures: { mentor: '2027-01-10', mentee: '2027-01-10', structure: '2027-01-10' },
        },
        ...closing,
      ],
    });
    const records: FollowUp[] = [];
    if (i !== 7 && i !== 8)
      for (const month of ['02', '03', '04', '05', '06']) {
        const check = aCheckInRecord(id, 'mentee', `2027-${month}-21`, [`2027-${month}-20`]);
        if (month === '06') check.meetings![0]!.mode = 'visio';
        records.push(check);
      }
    if (i <= 6) {
      const mentorSatisfaction = [5, 5, 4, 4, 4, 3, 5][i]!;
      const menteeSatisfaction = [5, 4, 4, 5, 5, 5, 2][i]!;
      records.push(
        aBilanRecord(id, 'mentor', '2027-07-10', {
          satisfaction: mentorSatisfaction,
          objectivesReached: i === 5 ? 'partly' : 'yes',
          ...(i === 0
            ? { words: { text: canaries.coordinatorsOnly, sharing: 'coordinators' } }
            : {}),
          ...(i === 1 || i === 2
            ? { words: { text: anonymousOthers[i - 1]!, sharing: 'anonymous' } }
            : {}),
        }),
        aBilanRecord(id, 'mentee', '2027-07-11', {
          satisfaction: menteeSatisfaction,
          objectivesReached: i === 6 ? 'no' : 'yes',
          wouldRecommend: i === 6 ? 'no' : 'yes',
          ...(i === 0 ? { words: { text: canaries.anonymousNaming, sharing: 'anonymous' } } : {}),
          ...(i === 1 ? { words: { text: canaries.anonymousPlain, sharing: 'anonymous' } } : {}),
          ...(i === 2 ? { words: { text: anonymousOthers[2]!, sharing: 'anonymous' } } : {}),
        }),
      );
    }
    followUps.set(id, records);
  }
  return { records: { applications, decisions, pairs, erasures, followUps }, identifiers };
}

/**
 * Writes the golden programme into a data repository as the intake and the commands would: each
 * identity sealed to the test recipients (its data key in the key store), then one commit.
 */
export async function commitGoldenProgramme(store: DataStore): Promise<GoldenProgramme> {
  const programme = goldenProgramme();
  const { records } = programme;
  const files: FileChange[] = [];
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  for (const application of records.applications) {
    const { sealed, wrappedKey } = await sealIdentity(application.identity, testRecipients);
    await store.keys.create(application.id, wrappedKey);
    files.push({
      path: applicationPath(application.id),
      content: json({ ...application, identity: sealed }),
    });
  }
  for (const [id, decision] of records.decisions)
    files.push({ path: screeningPath(id), content: json(decision) });
  for (const [id, erasure] of records.erasures)
    files.push({ path: erasurePath(id), content: json(erasure) });
  for (const pair of records.pairs)
    files.push({ path: pairPath(pair.id), content: pairText(pair) });
  for (const list of records.followUps.values())
    for (const record of list)
      files.push({
        path: followUpPath(record.pairId, record.submittedAt, record.role),
        content: json(record),
      });
  await store.commit(files, 'Add the golden programme');
  return programme;
}
