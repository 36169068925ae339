import type { Application } from '../../schemas/validators.ts';
import { foldOrganisation } from './fold-organisation.ts';
import { foldText } from './fold-text.ts';

export type MeetingMode = 'presentiel' | 'visio' | 'les-deux';

/** What matching knows of a person: the profile of their application, never their identity. */
interface Profile {
  id: string;
  cohort: string;
  objectives: readonly string[];
  meetingMode: MeetingMode;
  days: readonly string[];
  periods: readonly string[];
  languages: readonly string[];
  /** Organisations to avoid, folded (empty names dropped). */
  avoid: readonly string[];
}

export interface MenteeProfile extends Profile {
  /** The day the application was sent (YYYY-MM-DD): the waiting bonus counts from it. */
  appliedOn: string;
  sectors: readonly string[];
  sectorOther: string;
  /** The field of study as written, for the review (escaped there), and folded. */
  field: string;
  fieldFolded: string;
  /** The school, folded: a mentor working there is in a conflict of interest. */
  school: string;
}

export interface MentorProfile extends Profile {
  sector: string;
  sectorOther: string;
  /** The employer, folded. */
  organisation: string;
  /** What the mentor offered, within the programme's maximum. */
  capacity: number;
}

const foldAll = (names: readonly string[] | undefined): string[] =>
  [...new Set((names ?? []).map(foldOrganisation))].filter(Boolean);

/** The matching profile of a mentoré's application. */
export function menteeProfile(application: Application<'mentee'>): MenteeProfile {
  const p = application.profile;
  return {
    id: application.id,
    cohort: application.cohort,
    appliedOn: application.submittedAt.slice(0, 10),
    objectives: p.objectives,
    sectors: p.sectors,
    sectorOther: foldText(p.sectorOther ?? ''),
    field: p.studies.field,
    fieldFolded: foldText(p.studies.field),
    school: foldOrganisation(p.eligibility.school),
    meetingMode: p.meetingMode,
    days: p.availability.days,
    periods: p.availability.periods,
    languages: p.languages,
    avoid: foldAll(p.organisationsToAvoid),
  };
}

/** The matching profile of a mentor's application; `capacityMax` is the programme's. */
export function mentorProfile(
  application: Application<'mentor'>,
  capacityMax: number,
): MentorProfile {
  const p = application.profile;
  return {
    id: application.id,
    cohort: application.cohort,
    objectives: p.objectives,
    sector: p.sector,
    sectorOther: foldText(p.sectorOther ?? ''),
    organisation: foldOrganisation(p.organisation),
    capacity: Math.max(0, Math.min(p.capacity, capacityMax)),
    meetingMode: p.meetingMode,
    days: p.availability.days,
    periods: p.availability.periods,
    languages: p.languages,
    avoid: foldAll(p.organisationsToAvoid),
  };
}
