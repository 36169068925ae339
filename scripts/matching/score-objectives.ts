import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { frenchList, objectiveLabel } from './labels.ts';
import { share, type RuleScore } from './rule-score.ts';

/** Points for `shared` of the mentoré's `wanted` objectives: the weight when all are covered. */
export function objectivesPoints(weight: number, shared: number, wanted: number): number {
  return share(weight, shared, wanted);
}

/** The mentoré's objectives the mentor said they can help with (issue 9). */
export function sharedObjectives(mentee: MenteeProfile, mentor: MentorProfile): string[] {
  return mentee.objectives.filter((o) => mentor.objectives.includes(o));
}

/** Objectives: how many of the mentoré's objectives the mentor can help with. */
export function scoreObjectives(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  weight: number,
): RuleScore {
  const shared = sharedObjectives(mentee, mentor);
  const points = objectivesPoints(weight, shared.length, mentee.objectives.length);
  const labels = shared.map(objectiveLabel);
  const reason =
    shared.length === 0
      ? 'le mentor ne couvre aucun des objectifs du mentoré'
      : shared.length === mentee.objectives.length
        ? `le mentor couvre ${shared.length === 1 ? 'l’objectif du mentoré' : `les ${shared.length} objectifs du mentoré`} : ${frenchList(labels)}`
        : `le mentor couvre ${shared.length} des ${mentee.objectives.length} objectifs du mentoré : ${frenchList(labels)}`;
  return { rule: 'objectives', points, max: weight, reason };
}
