import type { MatchingPool } from './build-pool.ts';
import { compileScoring, type CompiledScoring } from './compile-scoring.ts';
import { explainLeftOver } from './explain-left-over.ts';
import { MatchingInvariantError } from './matching-invariant-error.ts';
import type { MatchingMode, Proposal, ProposedPair } from './proposal.ts';
import type { ScoringSettings } from './rule-score.ts';
import { maxScore, scorePair } from './score-pair.ts';
import { agreedMode } from './score-meeting-mode.ts';
import { sharedObjectives } from './score-objectives.ts';
import { solveAssignment, type AssignmentProblem } from './solve-assignment.ts';
import type { Pair } from '../../schemas/pair.schema.ts';

/**
 * The solver's integer weight of a pair scoring `score`, so that maximising the sum of weights
 * is the mode's order exactly (issue 9): **best** maximises the total score, then the number of
 * pairs (+1 each, worth less than one point since a point is worth `pairs + 1`); **most**
 * maximises the number of pairs first (each worth more than every score together), then the
 * total score. Integers only: no huge offset that loses precision (checked below 2^53).
 */
export function weightOf(mode: MatchingMode, score: number, top: number, pairs: number): number {
  return mode === 'best' ? score * (pairs + 1) + 1 : score + top * pairs + 1;
}

/** The explained pair the solver chose, checked against the compiled score. */
export function proposedPair(
  pool: MatchingPool,
  settings: ScoringSettings,
  today: string,
  mentee: number,
  mentor: number,
  compiledScore: number,
): ProposedPair {
  const e = pool.mentees[mentee]!;
  const m = pool.mentors[mentor]!;
  const score = scorePair(e, m, settings, today);
  if (score.total !== compiledScore)
    throw new MatchingInvariantError(
      `Compiled score ${compiledScore} differs from the rules' ${score.total} for ${m.id}/${e.id}.`,
    );
  return {
    mentor: m.id,
    mentee: e.id,
    proposedBy: 'matching',
    score,
    meetingMode: agreedMode(e.meetingMode, m.meetingMode),
    objectives: sharedObjectives(e, m),
  };
}

/** A forced pair as it stands in its file. */
export function forcedPair(pair: Pair): ProposedPair {
  return {
    mentor: pair.mentor,
    mentee: pair.mentee,
    proposedBy: pair.proposedBy,
    score: { total: pair.score.total, rules: pair.score.rules.map((r) => ({ ...r })) },
    meetingMode: pair.meetingMode,
    objectives: [...pair.objectives],
  };
}

/**
 * The assignment problem of a pool for a mode: one row per mentoré, one column per mentor with
 * places, the pairs no hard rule forbids weighted so that the mode's order is the sum's order.
 * `columns[c]` is the mentor of column c.
 */
export function assignmentProblem(
  pool: MatchingPool,
  scoring: CompiledScoring,
  mode: MatchingMode,
  settings: ScoringSettings,
): { problem: AssignmentProblem; columns: Int32Array } {
  const columns = Int32Array.from(
    pool.mentors.flatMap((m, j) => ((pool.places.get(m.id) ?? 0) > 0 ? [j] : [])),
  );
  const capacity = Int32Array.from(columns, (j) => pool.places.get(pool.mentors[j]!.id)!);
  const slots = capacity.reduce((sum, c) => sum + c, 0);
  const pairs = Math.min(pool.mentees.length, slots);
  const top = maxScore(settings);
  if ((weightOf(mode, top, top, pairs) + 1) * Math.max(pairs, 1) > Number.MAX_SAFE_INTEGER)
    throw new MatchingInvariantError('The weights of this matching would not be exact integers.');
  // The weight of a pair scoring s is s × scale + offset (weightOf, an affine map).
  const offset = weightOf(mode, 0, top, pairs);
  const scale = weightOf(mode, 1, top, pairs) - offset;
  const buffer = new Float64Array(columns.length);
  // Mentors grouped by meeting mode and sector: the solver skips the groups that cannot compete.
  const groupCount = 128;
  const members: number[][] = Array.from({ length: groupCount }, () => []);
  columns.forEach((j, c) => members[scoring.groupOf(j)]!.push(c));
  const groupColumns = members.map((list) => Int32Array.from(list));
  const groupMentors = members.map((list) => Int32Array.from(list, (c) => columns[c]!));
  const problem: AssignmentProblem = {
    rows: pool.mentees.length,
    columns: columns.length,
    capacity,
    forEachAllowed(row, visit) {
      scoring.scoreRow(row, columns, buffer, scale, offset);
      for (let c = 0; c < buffer.length; c += 1) if (buffer[c]! >= 1) visit(c, buffer[c]!);
    },
    weighRow(row, out) {
      scoring.scoreRow(row, columns, out, scale, offset);
    },
    groups: {
      count: groupCount,
      columns: groupColumns,
      bound: (row, out) => scoring.groupBounds(row, out, scale, offset),
      weigh: (row, group, out) => scoring.scoreRow(row, groupMentors[group]!, out, scale, offset),
    },
  };
  return { problem, columns };
}

/**
 * Matches a cohort's pool (issue 9): the coordinators' forced pairs are kept, then the solver
 * finds the assignment that is optimal for the mode among every pair no hard rule forbids,
 * within each mentor's places; everyone left over is explained. Pure and deterministic: the
 * pool is sorted by id, and the solver breaks ties by index.
 */
export function matchPool(
  pool: MatchingPool,
  mode: MatchingMode,
  settings: ScoringSettings,
  today: string,
  options: { candidatesPerRow?: number } = {},
): Proposal {
  const scoring: CompiledScoring = compileScoring(pool, settings, today);
  const { problem, columns } = assignmentProblem(pool, scoring, mode, settings);
  const result = solveAssignment(
    problem,
    options.candidatesPerRow ? { candidatesPerRow: options.candidatesPerRow } : {},
  );
  const solved: ProposedPair[] = [];
  result.columnOfRow.forEach((column, row) => {
    if (column < 0) return;
    const mentor = columns[column]!;
    solved.push(proposedPair(pool, settings, today, row, mentor, scoring.score(row, mentor)));
  });
  const forced = pool.forced.map(forcedPair).sort((a, b) => (a.mentee < b.mentee ? -1 : 1));
  const { unmatched, spare } = explainLeftOver(pool, scoring, solved);
  return {
    cohort: pool.cohort,
    mode,
    pairs: [...forced, ...solved],
    unmatched,
    spare,
    proof: result.proof,
  };
}
