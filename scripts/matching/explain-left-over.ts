import type { MatchingPool } from './build-pool.ts';
import type { CompiledScoring } from './compile-scoring.ts';
import { MatchingInvariantError } from './matching-invariant-error.ts';
import { pairBlockers, type BlockerCode } from './pair-blockers.ts';
import type { ProposedPair, SpareMentor, UnmatchedMentee } from './proposal.ts';

type Count = Record<BlockerCode | 'capacity', number>;

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

function noCompatibleMentor(count: Count): string {
  const parts = [
    count.mode && `${count.mode} ${plural(count.mode, 'exclu', 'exclus')} par le mode de rencontre`,
    count.conflict &&
      `${count.conflict} ${plural(count.conflict, 'exclu', 'exclus')} pour conflit d’intérêts`,
    count.capacity && `${count.capacity} sans place libre`,
    count.closed &&
      `${count.closed} ${plural(count.closed, 'a', 'ont')} déjà formé avec lui un binôme terminé`,
    count.forbidden + count.withdrawn &&
      `${count.forbidden + count.withdrawn} ${plural(count.forbidden + count.withdrawn, 'exclu', 'exclus')} par les coordinateurs`,
  ].filter(Boolean);
  return `aucun mentor possible : ${parts.join(', ')}`;
}

/**
 * Why each mentoré is left without a pair, and why each mentor keeps places (issue 9): no
 * compatible mentor (and which rule rules each out, or their lack of places), or outscored (the
 * best mentor they could have had, and who has that mentor's places). Pure.
 */
export function explainLeftOver(
  pool: MatchingPool,
  scoring: CompiledScoring,
  solved: readonly ProposedPair[],
  options: { optimal: boolean } = { optimal: true },
): { unmatched: UnmatchedMentee[]; spare: SpareMentor[] } {
  const matched = new Set(solved.map((p) => p.mentee));
  const takers = new Map<string, ProposedPair[]>();
  for (const pair of solved) takers.set(pair.mentor, [...(takers.get(pair.mentor) ?? []), pair]);
  const unmatched: UnmatchedMentee[] = [];
  const unmatchedRows: number[] = [];
  // For each mentor with a place left, the first unmatched mentoré compatible with them, noted
  // while each unmatched row is read: the mentors with places need no second pass.
  const firstCompatible = new Int32Array(pool.mentors.length).fill(-1);
  pool.mentees.forEach((mentee, i) => {
    if (matched.has(mentee.id)) return;
    unmatchedRows.push(i);
    if (pool.mentors.length === 0) {
      unmatched.push({ id: mentee.id, reason: 'aucun mentor accepté pour cette cohorte' });
      return;
    }
    const count: Count = {
      mode: 0,
      conflict: 0,
      closed: 0,
      forbidden: 0,
      withdrawn: 0,
      capacity: 0,
    };
    let best = -1;
    let bestScore = -1;
    // The best compatible mentor who still has a place after this proposal (only after a
    // coordinator's edit: a solved proposal leaves none).
    let open = -1;
    let openScore = -1;
    pool.mentors.forEach((mentor, j) => {
      const score = scoring.score(i, j);
      if (score < 0) {
        const first = pairBlockers(mentee, mentor, pool.ruledOut)[0];
        if (first) count[first.code] += 1;
        return;
      }
      const places = pool.places.get(mentor.id) ?? 0;
      if (places === 0) count.capacity += 1;
      else {
        if (score > bestScore) {
          best = j;
          bestScore = score;
        }
        if (places > (takers.get(mentor.id)?.length ?? 0)) {
          if (firstCompatible[j] === -1) firstCompatible[j] = i;
          if (score > openScore) {
            open = j;
            openScore = score;
          }
        }
      }
    });
    if (open >= 0) {
      unmatched.push({
        id: mentee.id,
        reason: `${pool.mentors[open]!.id} (${openScore} points avec lui) a encore une place : commentez /relancer (ou /associer) pour compléter`,
      });
      return;
    }
    if (best < 0) {
      unmatched.push({ id: mentee.id, reason: noCompatibleMentor(count) });
      return;
    }
    const mentor = pool.mentors[best]!;
    const holders = (takers.get(mentor.id) ?? [])
      .map((p) => `${p.mentee} (${p.score.total} points)`)
      .join(', ');
    unmatched.push({
      id: mentee.id,
      reason: `devancé : le mentor qui lui donnerait le plus de points, ${mentor.id} (${bestScore} points avec lui), a ses places prises par ${holders || 'd’autres mentorés'}, et les autres mentors compatibles avec lui n’ont plus de place`,
    });
  });
  const spare: SpareMentor[] = [];
  pool.mentors.forEach((mentor, j) => {
    const left = (pool.places.get(mentor.id) ?? 0) - (takers.get(mentor.id)?.length ?? 0);
    if (left <= 0) return;
    // With a place left, no unmatched mentoré may be compatible: that pair would improve the
    // proposal in both modes. Checked, since a solver bug would show here first; after a
    // coordinator's edit, it is what /relancer would fill.
    const compatible = firstCompatible[j] === -1 ? undefined : firstCompatible[j]!;
    if (compatible !== undefined && options.optimal)
      throw new MatchingInvariantError(
        `A mentor with places left is compatible with an unmatched mentee: ${mentor.id}.`,
      );
    spare.push({
      id: mentor.id,
      places: left,
      reason:
        compatible !== undefined
          ? `${pool.mentees[compatible]!.id}, sans binôme, lui est compatible : commentez /relancer pour compléter`
          : unmatchedRows.length === 0
            ? 'tous les mentorés de la cohorte ont un binôme'
            : 'aucun mentoré encore sans binôme ne lui est compatible',
    });
  });
  return { unmatched, spare };
}
