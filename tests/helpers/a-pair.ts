import { pairIdOf } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';

/**
 * A pair of cohort 2026-2027 as main holds it: proposed on 1 December 2026 and, unless still
 * `proposed`, accepted on 5 December (a pair's status beyond that is the test's to set).
 */
export function aPair(mentor: string, mentee: string, status: Pair['status'] = 'accepted'): Pair {
  return {
    schemaVersion: 1,
    id: pairIdOf(mentor, mentee),
    cohort: '2026-2027',
    mentor,
    mentee,
    status,
    proposedBy: 'matching',
    meetingMode: 'visio',
    objectives: ['choisir-dernier-stage'],
    score: { total: 50, rules: [] },
    events: [
      { type: 'proposed', at: '2026-12-01T10:00:00.000Z' },
      ...(status === 'proposed'
        ? []
        : [{ type: 'accepted' as const, at: '2026-12-05T10:00:00.000Z' }]),
    ],
  };
}
