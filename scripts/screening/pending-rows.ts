import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import type { MenteeApplication } from '../../schemas/mentee-application.schema.ts';
import type { MentorApplication } from '../../schemas/mentor-application.schema.ts';
import { levelLabel, meetingModeLabel, objectiveLabel, sectorLabel } from '../matching/labels.ts';

/** One line of the screening list: ids and non-identifying attributes only, never identity. */
export interface PendingRow {
  id: string;
  status: string;
  submittedOn: string;
  cohort: string;
  needsReview: boolean;
  summary: string;
}

/**
 * The applications still to screen (no decision yet, or `new`/`interviewed`), oldest first,
 * described by their profile only: what a coordinator needs to plan interviews, nothing that
 * identifies anyone if the list is pasted in a chat or an issue.
 */
export function pendingRows(
  applications: readonly (MentorApplication | MenteeApplication)[],
  decisions: ReadonlyMap<string, ScreeningDecision>,
  options: { all?: boolean } = {},
): PendingRow[] {
  return applications
    .map((application) => {
      const status = decisions.get(application.id)?.status ?? 'new';
      const profile = application.profile;
      // In the words of the forms (the schemas' labels), not their codes: a coordinator reads it.
      const summary =
        'sector' in profile
          ? `mentor, ${sectorLabel(profile.sector)}, ${profile.yearsOfExperience} ans d’expérience, ${profile.capacity} ${profile.capacity > 1 ? 'places' : 'place'}, ${meetingModeLabel(profile.meetingMode)}`
          : `mentoré, ${levelLabel(profile.studies.level)}, ${profile.objectives.map(objectiveLabel).join(' ; ')}, ${meetingModeLabel(profile.meetingMode)}`;
      return {
        id: application.id,
        status,
        submittedOn: application.submittedAt.slice(0, 10),
        cohort: application.cohort,
        needsReview: application.intake.needsReview,
        summary,
      };
    })
    .filter((row) => options.all || row.status === 'new' || row.status === 'interviewed')
    .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.id.localeCompare(b.id));
}
