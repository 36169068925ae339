import type { MenteeProfile, MentorProfile } from './profiles.ts';
import type { RuleScore, ScoringSettings } from './rule-score.ts';
import { scoreAvailability } from './score-availability.ts';
import { scoreLanguages } from './score-languages.ts';
import { scoreMeetingMode } from './score-meeting-mode.ts';
import { scoreObjectives } from './score-objectives.ts';
import { scoreSector } from './score-sector.ts';
import { scoreWaiting } from './score-waiting.ts';

/** A pair's score: the sum of its rules' points, with each rule's reason. */
export interface PairScore {
  total: number;
  rules: RuleScore[];
}

/** Scores a pair with every rule (the slow, explained path; the solver uses compiled tables). */
export function scorePair(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  settings: ScoringSettings,
  today: string,
): PairScore {
  const w = settings.weights;
  const rules = [
    scoreObjectives(mentee, mentor, w.objectives),
    scoreSector(mentee, mentor, w.sector),
    scoreAvailability(mentee, mentor, w.availability),
    scoreLanguages(mentee, mentor, w.languages),
    scoreMeetingMode(mentee, mentor, w.meetingMode),
    scoreWaiting(mentee, w.waiting, settings.waitingFullBonusMonths, today),
  ];
  return { total: rules.reduce((sum, r) => sum + r.points, 0), rules };
}

/** The most points a pair can get under these weights. */
export function maxScore(settings: ScoringSettings): number {
  return Object.values(settings.weights).reduce((sum, w) => sum + w, 0);
}
