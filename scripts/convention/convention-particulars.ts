import { isMinorOn } from '../../schemas/application-rules.ts';
import { objectivesFor } from '../../schemas/fields.ts';
import type { OpenedMenteeApplication } from '../../schemas/mentee-application.schema.ts';
import type { OpenedMentorApplication } from '../../schemas/mentor-application.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { choiceTitle } from '../text/choice-title.ts';
import { plannedDates } from './planned-dates.ts';

/** What a convention says of one pair, in French, ready to be laid out. */
export interface Particulars {
  pairId: string;
  cohortLabel: string;
  mentor: string;
  mentee: string;
  /** A minor mentoré's legal representative, who signs too. */
  representative?: string;
  /** The mentoré is a minor but no representative is on record: a name to write by hand. */
  representativeMissing?: boolean;
  objectives: string[];
  otherObjective?: string;
  meetings: string;
  /** YYYY-MM-DD */
  start: string;
  end: string;
  shortened: boolean;
  coordinator: string;
}

const objectiveChoices = objectivesFor('mentor').items.oneOf;

const fullName = (identity: { firstName: string; lastName: string }) =>
  `${identity.firstName.trim()} ${identity.lastName.trim()}`.normalize('NFC');

/** `2027-01-11T09:30:00Z` as a date in the structure's time zone. */
function dayIn(instant: string, timeZone: string): string {
  return new Date(instant).toLocaleDateString('sv-SE', { timeZone });
}

/** How the pair meets, from the modes both accepted (the first meeting is always at the structure). */
function meetingsText(pair: Pair, modes: [string, string], structure: string): string {
  if (pair.meetingMode === 'visio') return 'En visioconférence';
  return modes.every((m) => m === 'les-deux')
    ? `Dans une salle de l’${structure} ou en visioconférence`
    : `Dans une salle de l’${structure}`;
}

/** The cohort a pair belongs to, or its own dates when the settings no longer list it. */
function cohortOf(settings: ProgrammeSettings, id: string) {
  return settings.cohorts.find((c) => c.id === id) ?? { id, label: id, start: '', end: '' };
}

/**
 * The particulars of `pair`'s convention (issue 11): the parties' names, the mentoré's
 * objectives, how and how often the pair meets, its dates and who follows it. A minor mentoré
 * (on the day the pair was accepted) brings their legal representative as a fourth signatory.
 */
export function conventionParticulars(
  pair: Pair,
  mentor: OpenedMentorApplication,
  mentee: OpenedMenteeApplication,
  settings: ProgrammeSettings,
): Particulars {
  const timeZone = settings.structure.timeZone;
  const accepted = pair.events.find((e) => e.type === 'accepted')?.at;
  const acceptedOn = accepted ? dayIn(accepted, timeZone) : undefined;
  const cohort = cohortOf(settings, pair.cohort);
  const dates = plannedDates(
    { start: cohort.start || (acceptedOn ?? ''), end: cohort.end },
    acceptedOn,
    settings.mentoring,
  );
  const identity = mentee.identity;
  const minor = isMinorOn(identity.birthDate, acceptedOn ?? dates.start);
  const representative = minor
    ? identity.legalRepresentative?.name.trim().normalize('NFC')
    : undefined;
  const coordinators = settings.mentoring.coordinators ?? [];
  const coordinator = coordinators.find((c) => c.id === pair.coordinator) ?? coordinators[0];
  const objectives = pair.objectives.length > 0 ? pair.objectives : mentee.profile.objectives;
  const other = objectives.includes('autre')
    ? mentee.profile.objectiveOther?.trim().normalize('NFC')
    : undefined;
  return {
    pairId: pair.id,
    cohortLabel: cohort.label,
    mentor: fullName(mentor.identity),
    mentee: fullName(identity),
    ...(representative ? { representative } : {}),
    ...(minor && !representative ? { representativeMissing: true } : {}),
    objectives: objectives
      .filter((o) => o !== 'autre' || !other)
      .map((o) => choiceTitle(objectiveChoices, o) ?? o),
    ...(other ? { otherObjective: other } : {}),
    meetings: meetingsText(
      pair,
      [mentor.profile.meetingMode, mentee.profile.meetingMode],
      settings.structure.shortName,
    ),
    start: dates.start,
    end: dates.end,
    shortened: dates.shortened,
    coordinator: coordinator
      ? [coordinator.name, coordinator.email, coordinator.phone].filter(Boolean).join(', ')
      : '',
  };
}
