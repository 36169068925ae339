import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair, PairEvent } from '../../schemas/pair.schema.ts';
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import { addDays } from '../followup/follow-up-rules.ts';
import type { ReportRecords } from '../reporting/report-figures.ts';
import { generateCohort, seededRandom } from './matching-people.ts';

const at = (day: string) => `${day}T10:00:00.000Z`;

const earlyReasons = [
  'no-longer-available',
  'objective-reached',
  'disagreement',
  'breach',
  'other',
] as const;

/** The intake's trace on a synthetic follow-up: a key hash and a verified proof of work. */
const intake = { idempotencyKeyHash: 'c'.repeat(64), proofOfWork: 'verified' } as const;

/** A pair's events up to its signature, on 10 January 2027 (the cohort starts on the 11th). */
export const signedEvents = (): PairEvent[] => [
  { type: 'proposed', at: at('2027-01-02') },
  { type: 'accepted', at: at('2027-01-05') },
  {
    type: 'signed',
    at: at('2027-01-10'),
    signatures: { mentor: '2027-01-10', mentee: '2027-01-10', structure: '2027-01-10' },
  },
];

export interface PairYearOptions {
  /** Above this draw (0 to 1) the pair ends early, in February to May. */
  earlyAbove: number;
  /** The day pairs end as planned. */
  plannedEnd: string;
}

/**
 * A synthetic pair's school year from its signature (January 2027), for benchmarks and
 * pictures: one in ten pauses in March, some end early, most as planned, a few are still under
 * way; each participant sends a check-in most months, and a bilan when the pair ends as planned.
 * `pair` carries its events up to the signature; its status follows the events added.
 */
export function pairYear(
  pair: Omit<Pair, 'status'>,
  random: () => number,
  options: PairYearOptions,
): { pair: Pair; followUps: FollowUp[] } {
  const events: PairEvent[] = [...pair.events];
  const fate = random();
  if (fate < 0.1)
    events.push(
      { type: 'paused', at: at('2027-03-01') },
      { type: 'resumed', at: at('2027-03-20') },
    );
  if (fate > options.earlyAbove)
    events.push({
      type: 'closed',
      at: at(addDays('2027-02-01', Math.floor(random() * 120))),
      outcome: 'early',
      reasonCode: earlyReasons[Math.floor(random() * earlyReasons.length)]!,
    });
  else if (fate > 0.2)
    events.push({ type: 'closed', at: at(options.plannedEnd), outcome: 'as-planned' });
  const last = events.at(-1)!.type;
  const status = last === 'closed' ? 'closed' : last === 'paused' ? 'paused' : 'active';
  const followUps: FollowUp[] = [];
  for (const month of ['02', '03', '04', '05', '06'])
    for (const role of ['mentor', 'mentee'] as const)
      if (random() < 0.7)
        followUps.push({
          schemaVersion: 1,
          pairId: pair.id,
          type: 'check-in',
          role,
          submittedAt: at(`2027-${month}-2${Math.floor(random() * 8)}`),
          meetings:
            random() < 0.85
              ? [
                  {
                    on: `2027-${month}-1${Math.floor(random() * 9)}`,
                    mode: random() < 0.7 ? 'presentiel' : 'visio',
                    duration: '60-120',
                  },
                ]
              : [],
          rating: 1 + Math.floor(random() * 5),
          wantsContact: random() < 0.05,
          intake,
        });
  if (fate > 0.2 && fate <= options.earlyAbove)
    for (const role of ['mentor', 'mentee'] as const)
      if (random() < 0.8)
        followUps.push({
          schemaVersion: 1,
          pairId: pair.id,
          type: 'bilan',
          role,
          submittedAt: at('2027-07-10'),
          objectivesReached: random() < 0.7 ? 'yes' : random() < 0.7 ? 'partly' : 'no',
          satisfaction: 1 + Math.floor(random() * 5),
          wouldRecommend: random() < 0.8 ? 'yes' : 'maybe',
          changes: ['confidence'],
          intake,
        });
  return { pair: { ...pair, status, events }, followUps };
}

/**
 * A synthetic programme's school year 2026-2027 with `pairCount` pairs, for the report's
 * benchmark and pictures: 1.2 mentorés applied per pair (the rest wait), mentors taking one to
 * three each, applications from September to December, decisions on 20 December, then each
 * pair's year (pairYear).
 */
export function syntheticSchoolYear(pairCount: number, seed: number): ReportRecords {
  const random = seededRandom(seed);
  const generated = generateCohort(Math.round(pairCount * 1.2), Math.ceil(pairCount / 1.6), seed);
  const applications = generated.applications.map((a) => ({
    ...a,
    submittedAt: at(
      `2026-${String(9 + Math.floor(random() * 4)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    ),
  }));
  const decisions = new Map<string, ScreeningDecision>();
  for (const [id, decision] of generated.decisions) {
    const r = random();
    const status =
      r < 0.8 ? 'accepted' : r < 0.88 ? 'waitlisted' : r < 0.95 ? 'declined' : 'withdrawn';
    decisions.set(id, { ...decision, status, history: [{ status, at: at('2026-12-20') }] });
  }
  const mentees = applications.filter((a) => a.id.startsWith('mentee-'));
  const mentors = applications.filter((a) => a.id.startsWith('mentor-'));
  const pairs: Pair[] = [];
  const followUps = new Map<string, FollowUp[]>();
  for (let i = 0; i < pairCount; i += 1) {
    const mentor = mentors[i % mentors.length]!;
    const mentee = mentees[i]!;
    const year = pairYear(
      {
        schemaVersion: 1,
        id: `pair-${mentor.id.slice(7)}-${mentee.id.slice(7)}`,
        cohort: '2026-2027',
        mentor: mentor.id,
        mentee: mentee.id,
        proposedBy: 'matching',
        meetingMode: random() < 0.6 ? 'presentiel' : 'visio',
        objectives: ['choisir-dernier-stage'],
        score: { total: 40, rules: [] },
        events: signedEvents(),
      },
      random,
      { earlyAbove: 0.88, plannedEnd: '2027-07-12' },
    );
    pairs.push(year.pair);
    followUps.set(year.pair.id, year.followUps);
  }
  return { applications, decisions, pairs, erasures: new Map(), followUps };
}
