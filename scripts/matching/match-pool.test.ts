import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairIdOf } from '../../schemas/data-layout.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { aMentee, aMentor, accepted } from '../dev/matching-people.ts';
import { buildPool } from './build-pool.ts';
import { matchPool } from './match-pool.ts';
import type { MatchingMode } from './proposal.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const today = '2026-11-30';
const folder = 'scripts/matching/__fixtures__';

interface Person {
  id: string;
  profile?: Record<string, unknown>;
  cohort?: string;
  submittedAt?: string;
}
interface Input {
  description: string;
  mode: MatchingMode;
  mentees: Person[];
  mentors: Person[];
  pairs?: {
    mentor: string;
    mentee: string;
    status: Pair['status'];
    cohort?: string;
    /** For a closed pair: how it ended (issue 12). */
    outcome?: 'as-planned' | 'early';
  }[];
  forced?: { mentor: string; mentee: string }[];
  edits?: {
    forbidden?: { mentor: string; mentee: string }[];
    withdrawn?: { mentor: string; mentee: string }[];
  };
}

const at = '2026-11-25T10:00:00.000Z';
const aPair = (
  p: {
    mentor: string;
    mentee: string;
    status?: Pair['status'];
    cohort?: string;
    outcome?: 'as-planned' | 'early';
  },
  proposedBy: Pair['proposedBy'],
): Pair => ({
  schemaVersion: 1,
  id: pairIdOf(p.mentor, p.mentee),
  cohort: p.cohort ?? '2026-2027',
  mentor: p.mentor,
  mentee: p.mentee,
  status: p.status ?? 'proposed',
  proposedBy,
  meetingMode: 'presentiel',
  objectives: [],
  score: { total: 12, rules: [] },
  events: [
    { type: 'proposed', at },
    ...(p.outcome === 'as-planned'
      ? [{ type: 'closed' as const, at, outcome: 'as-planned' as const }]
      : p.outcome === 'early'
        ? [{ type: 'closed' as const, at, outcome: 'early' as const, reasonCode: 'other' as const }]
        : []),
  ],
});

/** Runs a fixture: its people (all accepted), main's pairs, forced pairs and edits. */
export function runFixture(input: Input) {
  const envelope = (p: Person) => ({
    ...(p.cohort ? { cohort: p.cohort } : {}),
    ...(p.submittedAt ? { submittedAt: p.submittedAt } : {}),
  });
  const applications = [
    ...input.mentees.map((p) => aMentee(p.id, p.profile as never, envelope(p))),
    ...input.mentors.map((p) => aMentor(p.id, p.profile as never, envelope(p))),
  ];
  const edits: MatchingEdits = {
    schemaVersion: 1,
    cohort: '2026-2027',
    mode: input.mode,
    forbidden: (input.edits?.forbidden ?? []).map((p) => ({ ...p, at })),
    withdrawn: (input.edits?.withdrawn ?? []).map((p) => ({ ...p, at })),
  };
  const pool = buildPool({
    cohort: '2026-2027',
    capacityMax: settings.mentoring.mentorCapacityMax,
    applications,
    decisions: accepted(applications.map((a) => a.id)),
    pairs: (input.pairs ?? []).map((p) => aPair(p, 'matching')),
    forced: (input.forced ?? []).map((p) => aPair(p, 'coordinator')),
    edits: [edits],
  });
  return matchPool(pool, input.mode, settings.matching, today);
}

const summary = (proposal: ReturnType<typeof runFixture>) => ({
  pairs: proposal.pairs.map((p) => ({
    pair: pairIdOf(p.mentor, p.mentee),
    proposedBy: p.proposedBy,
    total: p.score.total,
    reasons: p.score.rules.map((r) => `${r.rule} ${r.points}/${r.max} : ${r.reason}`),
  })),
  unmatched: proposal.unmatched,
  spare: proposal.spare,
});

describe('matching scenarios (scripts/matching/__fixtures__)', () => {
  for (const scenario of readdirSync(folder).sort()) {
    const input = JSON.parse(readFileSync(join(folder, scenario, 'input.json'), 'utf8')) as Input;
    it(`${scenario}: ${input.description}`, () => {
      const actual = summary(runFixture(input));
      const expectedFile = join(folder, scenario, 'expected.json');
      // UPDATE_FIXTURES=1 writes a missing expectation, to be read and checked by a person.
      if (!existsSync(expectedFile) && process.env['UPDATE_FIXTURES'])
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
