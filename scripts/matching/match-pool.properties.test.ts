import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { pairIdOf } from '../../schemas/data-layout.ts';
import { generateCohort, seededRandom } from '../dev/matching-people.ts';
import { buildPool, type MatchingPool } from './build-pool.ts';
import { compileScoring } from './compile-scoring.ts';
import { matchPool } from './match-pool.ts';
import { pairBlockers } from './pair-blockers.ts';
import type { MatchingMode } from './proposal.ts';
import { renderReview } from './render-review.ts';
import { scorePair } from './score-pair.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const today = '2026-11-30';
const at = '2026-11-25T10:00:00.000Z';

/** A small random cohort, with some pairs forbidden by coordinators. */
function smallPool(
  seed: number,
  mentees: number,
  mentors: number,
  forbid: number,
  force = false,
): MatchingPool {
  const { applications, decisions } = generateCohort(mentees, mentors, seed);
  const menteeIds = applications.filter((a) => a.id.startsWith('mentee')).map((a) => a.id);
  const mentorIds = applications.filter((a) => a.id.startsWith('mentor')).map((a) => a.id);
  const forbidden = menteeIds.flatMap((mentee, i) =>
    mentorIds
      .filter((_, j) => (forbid >> ((i * 3 + j) % 30)) & 1)
      .map((mentor) => ({ mentor, mentee, at })),
  );
  return buildPool({
    cohort: '2026-2027',
    capacityMax: 3,
    applications,
    decisions,
    pairs: [],
    // A coordinator's forced pair (kept unless a rule forbids it): the solver matches the rest.
    forced: force
      ? [
          {
            schemaVersion: 1,
            id: pairIdOf(mentorIds[0]!, menteeIds[0]!),
            cohort: '2026-2027',
            mentor: mentorIds[0]!,
            mentee: menteeIds[0]!,
            status: 'proposed',
            proposedBy: 'coordinator',
            meetingMode: 'visio',
            objectives: [],
            score: { total: 0, rules: [] },
            events: [{ type: 'proposed', at }],
          },
        ]
      : [],
    edits: [{ schemaVersion: 1, cohort: '2026-2027', mode: 'best', forbidden, withdrawn: [] }],
  });
}

/** Every way to pair this pool, the best by the mode's order: [pairs, total] or [total, pairs]. */
function bruteForce(pool: MatchingPool, mode: MatchingMode): [number, number] {
  const scoring = compileScoring(pool, settings.matching, today);
  const places = pool.mentors.map((m) => pool.places.get(m.id) ?? 0);
  let best: [number, number] = [-1, -1];
  const visit = (i: number, pairs: number, total: number) => {
    if (i === pool.mentees.length) {
      const key: [number, number] = mode === 'best' ? [total, pairs] : [pairs, total];
      if (key[0] > best[0] || (key[0] === best[0] && key[1] > best[1])) best = key;
      return;
    }
    visit(i + 1, pairs, total);
    pool.mentors.forEach((_, j) => {
      const score = scoring.score(i, j);
      if (score < 0 || places[j]! === 0) return;
      places[j]! -= 1;
      visit(i + 1, pairs + 1, total + score);
      places[j]! += 1;
    });
  };
  visit(0, 0, 0);
  return best;
}

describe('the matching engine, on random cohorts', () => {
  it('scores every pair as the rules do, and forbids exactly what the hard rules forbid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 2 ** 30 - 1 }),
        (seed, forbid) => {
          const pool = smallPool(seed, 6, 5, forbid);
          const scoring = compileScoring(pool, settings.matching, today);
          pool.mentees.forEach((mentee, i) =>
            pool.mentors.forEach((mentor, j) => {
              const blocked = pairBlockers(mentee, mentor, pool.ruledOut).length > 0;
              expect(scoring.score(i, j)).toBe(
                blocked ? -1 : scorePair(mentee, mentor, settings.matching, today).total,
              );
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(['best', 'most'] as const)(
    'finds the optimum of mode %s (brute force), never a forbidden pair, within every capacity',
    (mode) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1e9 }),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 0, max: 2 ** 30 - 1 }),
          fc.integer({ min: 1, max: 3 }),
          (seed, mentees, mentors, forbid, candidatesPerRow) => {
            const pool = smallPool(seed, mentees, mentors, forbid);
            const proposal = matchPool(pool, mode, settings.matching, today, { candidatesPerRow });
            const total = proposal.pairs.reduce((sum, p) => sum + p.score.total, 0);
            const pairs = proposal.pairs.length;
            expect(mode === 'best' ? [total, pairs] : [pairs, total]).toEqual(
              bruteForce(pool, mode),
            );
            const used = new Map<string, number>();
            for (const pair of proposal.pairs) {
              const mentee = pool.profiles.mentees.get(pair.mentee)!;
              const mentor = pool.profiles.mentors.get(pair.mentor)!;
              expect(pairBlockers(mentee, mentor, pool.ruledOut)).toEqual([]);
              used.set(pair.mentor, (used.get(pair.mentor) ?? 0) + 1);
            }
            for (const [mentor, count] of used)
              expect(count).toBeLessThanOrEqual(pool.places.get(mentor)!);
            expect(new Set(proposal.pairs.map((p) => p.mentee)).size).toBe(pairs);
            expect(pairs + proposal.unmatched.length).toBe(pool.mentees.length);
          },
        ),
        { numRuns: 1500 },
      );
    },
  );

  it('gives the same pairs and the same review, byte for byte, whatever the order of the files', () => {
    const { applications, decisions } = generateCohort(60, 40, 7);
    const run = (order: typeof applications) => {
      const pool = buildPool({
        cohort: '2026-2027',
        capacityMax: 3,
        applications: order,
        decisions,
        pairs: [],
        forced: [],
        edits: [],
      });
      const proposal = matchPool(pool, 'best', settings.matching, today);
      return (
        JSON.stringify(proposal) +
        renderReview(proposal, pool, { forced: 0, withdrawn: 0, forbidden: 0 }, today)
      );
    };
    const first = run(applications);
    expect(run([...applications].reverse())).toBe(first);
    const random = seededRandom(3);
    const shuffled = applications
      .map((a) => ({ a, key: random() }))
      .sort((x, y) => x.key - y.key)
      .map((x) => x.a);
    expect(run(shuffled)).toBe(first);
    expect(first).toMatch(/\| \[pair-[0-9a-z]{6}-[0-9a-z]{6}\]/);
  });
});
