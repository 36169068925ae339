import type { MeetingMode, MenteeProfile, MentorProfile } from './profiles.ts';
import type { RuleScore } from './rule-score.ts';

const canMeetInPerson = (mode: MeetingMode): boolean => mode !== 'visio';

/** Whether two meeting modes allow meeting at all (a hard rule: in person only vs video only). */
export function modesCompatible(a: MeetingMode, b: MeetingMode): boolean {
  return !((a === 'presentiel' && b === 'visio') || (a === 'visio' && b === 'presentiel'));
}

/** The mode a pair will meet in: in person at the Espace Jeunes whenever both can. */
export function agreedMode(a: MeetingMode, b: MeetingMode): 'presentiel' | 'visio' {
  return canMeetInPerson(a) && canMeetInPerson(b) ? 'presentiel' : 'visio';
}

/** Meeting mode: meeting in person at the Espace Jeunes is favoured where both can. */
export function scoreMeetingMode(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  weight: number,
): RuleScore {
  const inPerson = agreedMode(mentee.meetingMode, mentor.meetingMode) === 'presentiel';
  return {
    rule: 'meetingMode',
    points: inPerson ? weight : 0,
    max: weight,
    reason: inPerson
      ? 'tous deux peuvent se rencontrer en personne à l’Espace Jeunes'
      : 'rencontres en visioconférence seulement',
  };
}
