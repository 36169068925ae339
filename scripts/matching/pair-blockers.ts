import { pairIdOf } from '../../schemas/data-layout.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { modesCompatible } from './score-meeting-mode.ts';

/** Why a pair may not be proposed: a hard rule (issue 9). Capacity is the pool's to judge. */
export type BlockerCode = 'mode' | 'conflict' | 'closed' | 'forbidden' | 'withdrawn';

export interface Blocker {
  code: BlockerCode;
  /** One French sentence for coordinators: rules and ids, never what a person wrote. */
  message: string;
}

/** The pairs coordinators ruled out, and those that existed and ended, by pair id. */
export interface RuledOut {
  /** /interdire: never proposed again, in any cohort. */
  forbidden: ReadonlySet<string>;
  /** /retirer: not proposed again in this cohort's matching. */
  withdrawn: ReadonlySet<string>;
  /** Pairs that were closed: the same two people are never paired again. */
  closed: ReadonlySet<string>;
}

const modeWords = { presentiel: 'en personne seulement', visio: 'en visioconférence seulement' };

/** The mentor's organisation conflicts with the mentoré's, either way (issue 9), or undefined. */
export function conflictOfInterest(
  mentee: MenteeProfile,
  mentor: MentorProfile,
): string | undefined {
  if (mentor.organisation && mentee.avoid.includes(mentor.organisation))
    return 'conflit d’intérêts : l’organisation du mentor est l’une de celles que le mentoré a demandé d’éviter';
  if (mentor.organisation && mentor.organisation === mentee.school)
    return 'conflit d’intérêts : le mentor travaille dans l’établissement du mentoré';
  if (mentee.school && mentor.avoid.includes(mentee.school))
    return 'conflit d’intérêts : l’établissement du mentoré est l’une des organisations que le mentor a demandé d’éviter';
  return undefined;
}

/** Every hard rule this pair breaks, in a fixed order; empty when it may be proposed. */
export function pairBlockers(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  ruledOut: RuledOut,
): Blocker[] {
  const blockers: Blocker[] = [];
  if (!modesCompatible(mentee.meetingMode, mentor.meetingMode)) {
    const menteeWants = modeWords[mentee.meetingMode as keyof typeof modeWords];
    const mentorWants = modeWords[mentor.meetingMode as keyof typeof modeWords];
    blockers.push({
      code: 'mode',
      message: `modes de rencontre incompatibles : le mentoré souhaite des rencontres ${menteeWants}, le mentor ${mentorWants}`,
    });
  }
  const conflict = conflictOfInterest(mentee, mentor);
  if (conflict) blockers.push({ code: 'conflict', message: conflict });
  const id = pairIdOf(mentor.id, mentee.id);
  if (ruledOut.closed.has(id))
    blockers.push({
      code: 'closed',
      message:
        'ces deux personnes ont déjà formé un binôme, terminé : on ne les associe pas de nouveau',
    });
  if (ruledOut.forbidden.has(id))
    blockers.push({
      code: 'forbidden',
      message:
        'cette association a été interdite par une coordinatrice ou un coordinateur (/interdire)',
    });
  if (ruledOut.withdrawn.has(id))
    blockers.push({
      code: 'withdrawn',
      message: 'ce binôme a été retiré de la proposition pour cette cohorte (/retirer)',
    });
  return blockers;
}
