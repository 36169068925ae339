import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { frenchList, languageLabel } from './labels.ts';
import type { RuleScore } from './rule-score.ts';

/** The languages both can speak. */
export function sharedLanguages(mentee: MenteeProfile, mentor: MentorProfile): string[] {
  return mentee.languages.filter((l) => mentor.languages.includes(l));
}

/** Languages: every point when the two share at least one language. */
export function scoreLanguages(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  weight: number,
): RuleScore {
  const shared = sharedLanguages(mentee, mentor);
  return {
    rule: 'languages',
    points: shared.length > 0 ? weight : 0,
    max: weight,
    reason:
      shared.length > 0
        ? `${shared.length === 1 ? 'langue commune' : 'langues communes'} : ${frenchList(shared.map(languageLabel))}`
        : 'aucune langue commune',
  };
}
