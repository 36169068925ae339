import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair, PairEvent } from '../../schemas/pair.schema.ts';
import { addDays } from '../../scripts/followup/follow-up-rules.ts';

// The follow-up's test data (issue 12): a pair signed on 5 October 2026 in the 2026-2027 cohort,
// and the records the intake and the coordinators write about it. Synthetic: ids only.

/** Put in every free text a record may hold: it must reach no report, issue, comment or log. */
export const followUpSecret = 'Zébulon Quatremains';

/** `pair-aaaaa<n>-bbbbb<n>`: one of several pairs in a test. */
export const pairIdOf = (n: number) => `pair-aaaaa${n}-bbbbb${n}`;

/**
 * Pair `n`, proposed, accepted, signed on 5 October 2026, then `later`'s events; its status the
 * one its last event gives. `extra` adds what a test needs (a coordinator, say).
 */
export function aSignedPair(n: number, later: PairEvent[] = [], extra: Partial<Pair> = {}): Pair {
  const events: PairEvent[] = [
    { type: 'proposed', at: '2026-09-20T10:00:00.000Z' },
    { type: 'accepted', at: '2026-09-25T10:00:00.000Z' },
    {
      type: 'signed',
      at: '2026-10-06T09:00:00.000Z',
      signatures: { mentor: '2026-10-05', mentee: '2026-10-05', structure: '2026-10-05' },
    },
    ...later,
  ];
  const last = events.at(-1)!.type;
  return {
    schemaVersion: 1,
    id: pairIdOf(n),
    cohort: '2026-2027',
    mentor: `mentor-aaaaa${n}`,
    mentee: `mentee-bbbbb${n}`,
    status: last === 'paused' ? 'paused' : last === 'closed' ? 'closed' : 'active',
    proposedBy: 'matching',
    meetingMode: 'presentiel',
    objectives: ['choisir-dernier-stage'],
    score: {
      total: 3,
      rules: [{ rule: 'objectives', points: 3, max: 5, reason: followUpSecret }],
    },
    events,
    ...extra,
  };
}

const intake = { idempotencyKeyHash: 'c'.repeat(64), proofOfWork: 'verified' } as const;

/** A participant's check-in sent on `sent` at 18:00 in Paris (still that day there). */
export const aCheckInRecord = (
  pairId: string,
  role: 'mentor' | 'mentee',
  sent: string,
  meetings: string[],
  wantsContact = false,
): FollowUp => ({
  schemaVersion: 1,
  pairId,
  type: 'check-in',
  role,
  submittedAt: `${sent}T17:00:00.000Z`,
  meetings: meetings.map((on) => ({ on, mode: 'presentiel', duration: '60-120' })),
  rating: 4,
  wantsContact,
  intake,
});

/** A coordinator's contact or mid-point review on `on`, noted that afternoon. */
export const aCoordinatorRecord = (
  pairId: string,
  type: 'contact' | 'mid-point-review',
  on: string,
): FollowUp => ({
  schemaVersion: 1,
  pairId,
  type,
  role: 'coordinator',
  submittedAt: `${on}T16:00:00.000Z`,
  on,
});

/** A participant's bilan sent on `sent`; `extra` adds its words or changes its answers. */
export const aBilanRecord = (
  pairId: string,
  role: 'mentor' | 'mentee',
  sent: string,
  extra: Partial<FollowUp> = {},
): FollowUp => ({
  schemaVersion: 1,
  pairId,
  type: 'bilan',
  role,
  submittedAt: `${sent}T17:00:00.000Z`,
  objectivesReached: 'yes',
  satisfaction: 5,
  wouldRecommend: 'yes',
  intake,
  ...extra,
});

/** The days each flag was seen, as runs of consecutive days `[first, last]`. */
export function flagRuns(seen: Record<string, string[]>): Record<string, [string, string][]> {
  return Object.fromEntries(
    Object.entries(seen).map(([code, days]) => {
      const runs: [string, string][] = [];
      for (const day of days) {
        const run = runs.at(-1);
        if (run && addDays(run[1], 1) === day) run[1] = day;
        else runs.push([day, day]);
      }
      return [code, runs];
    }),
  );
}
