import { pairIdOf } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ProposedPair } from './proposal.ts';

/**
 * The file of a proposed pair. `previous` is the same pair's file as the branch holds it: when
 * nothing about the pair changed, its `proposed` date is kept, so that proposing again the same
 * pairs rewrites no file (a pull request shows only what really changed).
 */
export function pairRecord(pair: ProposedPair, cohort: string, at: string, previous?: Pair): Pair {
  const record: Pair = {
    schemaVersion: 1,
    id: pairIdOf(pair.mentor, pair.mentee),
    cohort,
    mentor: pair.mentor,
    mentee: pair.mentee,
    status: 'proposed',
    proposedBy: pair.proposedBy,
    meetingMode: pair.meetingMode,
    objectives: pair.objectives as Pair['objectives'],
    score: { total: pair.score.total, rules: pair.score.rules },
    events: [{ type: 'proposed', at }],
  };
  if (previous && sameProposal(previous, record)) return { ...record, events: previous.events };
  return record;
}

function sameProposal(a: Pair, b: Pair): boolean {
  const strip = (p: Pair) => JSON.stringify({ ...p, events: [] });
  return a.status === 'proposed' && strip(a) === strip(b);
}

/** A pair's file text: two-space JSON and a final newline, as every record. */
export function pairText(pair: Pair): string {
  return `${JSON.stringify(pair, null, 2)}\n`;
}
