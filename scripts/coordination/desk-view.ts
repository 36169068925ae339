import { ageOn } from '../../schemas/application-rules.ts';
import { tokensFrom } from '../../schemas/fill-tokens.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import { holdingStatuses, pairSchema, type Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { screeningDecisionSchema } from '../../schemas/screening-decision.schema.ts';
import { formSchemas, type Application } from '../../schemas/validators.ts';
import { followedPairs, followUpWording } from '../followup/follow-up-report.ts';
import { buildPool } from '../matching/build-pool.ts';
import { editedProposal } from '../matching/edited-proposal.ts';
import { frenchList, meetingModeLabel, objectiveLabel } from '../matching/labels.ts';
import { pairingPoolInput, proposedOnBranch } from '../matching/pairing-pool-input.ts';
import { ruleLabels } from '../matching/render-review.ts';
import type { RecordSet } from '../records/sort-records.ts';
import { choiceTitle } from '../text/choice-title.ts';
import { describeRecord, type DescribedLine } from '../text/describe-record.ts';
import { frenchDate } from '../../schemas/next-cohort.ts';
import { dateIn } from '../../schemas/rules-context.ts';

/** A person as the desk shows them: the identity when it could be opened, else why not. */
export interface DeskPerson {
  id: string;
  kind: 'mentor' | 'mentee';
  /** « Prénom Nom », when the identity was opened. */
  name?: string;
  phone?: string;
  email?: string;
  age?: number;
  commune?: string;
  /** Why the identity could not be read (French), when it could not. */
  unopened?: string;
}

/** An application waiting for a decision (no decision yet, new or interviewed). */
export interface DeskApplication extends DeskPerson {
  submittedAt: string;
  /** « 28 novembre 2026 », in the programme's time zone. */
  submittedOn: string;
  cohort: string;
  status: string;
  statusLabel: string;
  /** The intake flagged it (proof of work, fill time): worth a look before anything else. */
  needsReview: boolean;
  /** The profile and commitments, in the form's own words. */
  profile: DescribedLine[];
  /** The decisions so far, oldest first, one French line each. */
  history: string[];
  /** The legal representative of a minor, when the identity holds one. */
  representative?: { name?: string; phone?: string; email?: string };
}

export interface DeskProposedPair {
  id: string;
  mentor: DeskPerson;
  mentee: DeskPerson;
  /** Forced by a coordinator (/associer). */
  forced: boolean;
  score: number;
  /** « Objectifs 30/40 : … », one line per scoring rule, as the review says them. */
  reasons: string[];
  meetingMode: string;
  objectives: string;
}

/** A cohort's pairing proposal, as its branch holds it. */
export interface DeskProposal {
  cohort: string;
  cohortLabel: string;
  pairs: DeskProposedPair[];
  unmatched: { person: DeskPerson; reason: string }[];
  spare: { person: DeskPerson; places: number; reason: string }[];
}

/** A pair the follow-up watches: its flags and what is due, with both contacts. */
export interface DeskPair {
  id: string;
  cohort: string;
  status: Pair['status'];
  statusLabel: string;
  mentor: DeskPerson;
  mentee: DeskPerson;
  /** The weekly report's words for each flag. */
  flags: string[];
  /** The weekly report's words for what falls due soon. */
  due: string[];
  /** Both identities are open: the convention can be filled here. */
  conventionReady: boolean;
}

export interface DeskView {
  today: string;
  applications: DeskApplication[];
  proposals: DeskProposal[];
  pairs: DeskPair[];
  /** Files that could not be read, and why (never what they hold). */
  unreadable: { path: string; reason: string }[];
  /** Identities that could not be opened, and why. */
  unopened: { id: string; reason: string }[];
}

/** What a cohort's pairing branch holds (its pairs and matching file), read by the caller. */
export interface BranchRecords {
  cohort: string;
  pairs: readonly Pair[];
  edits?: MatchingEdits;
}

export interface DeskInput {
  /** Main's records, identities opened where the key allowed (the one reader). */
  records: RecordSet;
  /** Each cohort's pairing branch that exists. */
  branches: readonly BranchRecords[];
  settings: ProgrammeSettings;
  /** YYYY-MM-DD in the programme's time zone. */
  today: string;
}

const statusLabel = (status: string) =>
  choiceTitle(screeningDecisionSchema.properties.status.oneOf, status) ?? status;

const pairStatusLabel = (status: string) =>
  choiceTitle(pairSchema.properties.status.oneOf, status) ?? status;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** The person behind an id, from an application whose identity may or may not be open. */
function personOf(
  id: string,
  application: Application<'mentor' | 'mentee'> | undefined,
  unopened: ReadonlyMap<string, string>,
  today: string,
): DeskPerson {
  const kind = id.startsWith('mentor-') ? 'mentor' : 'mentee';
  if (!application) return { id, kind, unopened: 'candidature absente (effacée, ou illisible)' };
  const identity = application.identity as unknown as Record<string, unknown>;
  if (isSealed(identity))
    return { id, kind, unopened: unopened.get(id) ?? 'identité chiffrée, non ouverte' };
  const first = text(identity['firstName']);
  const last = text(identity['lastName']);
  const birthDate = text(identity['birthDate']);
  const person: DeskPerson = { id, kind };
  const name = [first, last].filter(Boolean).join(' ');
  if (name) person.name = name;
  const phone = text(identity['phone']);
  if (phone) person.phone = phone;
  const email = text(identity['email']);
  if (email) person.email = email;
  const commune = text(identity['commune']);
  if (commune) person.commune = commune;
  if (birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) person.age = ageOn(birthDate, today);
  return person;
}

function representativeOf(application: Application<'mentor' | 'mentee'>) {
  const identity = application.identity as unknown as Record<string, unknown>;
  if (isSealed(identity)) return undefined;
  const representative = identity['legalRepresentative'] as Record<string, unknown> | undefined;
  if (!representative || typeof representative !== 'object') return undefined;
  const found = {
    ...(text(representative['name']) ? { name: text(representative['name'])! } : {}),
    ...(text(representative['phone']) ? { phone: text(representative['phone'])! } : {}),
    ...(text(representative['email']) ? { email: text(representative['email'])! } : {}),
  };
  return Object.keys(found).length ? found : undefined;
}

/**
 * What the coordinators' desk shows (issue 15): the applications to screen, newest first, with
 * the people behind the ids; each cohort's pairing proposal with its scores, reasons and the
 * people left over and why (the same explanations as the review); and the pairs the follow-up
 * watches, with the weekly report's flags and dues. Only what the records say; the identities
 * are those the caller could open. Pure.
 */
export function deskView(input: DeskInput): DeskView {
  const { records, settings, today } = input;
  const unopened = new Map(records.unopened.map((u) => [u.id, u.reason]));
  const byId = new Map(records.applications.map((a) => [a.id, a]));
  const person = (id: string) => personOf(id, byId.get(id), unopened, today);
  const tokens = tokensFrom(settings);

  const applications: DeskApplication[] = records.applications
    .map((application) => {
      const decision = records.decisions.get(application.id);
      const status = decision?.status ?? 'new';
      const kind = application.id.startsWith('mentor-') ? 'mentor' : 'mentee';
      const { profile, commitments } = application as unknown as Record<
        string,
        Record<string, unknown>
      >;
      const representative = representativeOf(application);
      return {
        ...person(application.id),
        submittedAt: application.submittedAt,
        submittedOn: frenchDate(
          dateIn(settings.structure.timeZone, new Date(application.submittedAt)),
        ),
        cohort: application.cohort,
        status,
        statusLabel: statusLabel(status),
        needsReview: application.intake.needsReview,
        profile: describeRecord(
          formSchemas[kind] as SchemaNode,
          { profile: profile!, commitments: commitments! },
          tokens,
        ),
        history: (decision?.history ?? []).map(
          (h) =>
            `${frenchDate(dateIn(settings.structure.timeZone, new Date(h.at)))} : ${statusLabel(h.status).toLowerCase()}${h.reason ? ` (« ${h.reason} »)` : ''}`,
        ),
        ...(representative ? { representative } : {}),
      };
    })
    .filter((a) => a.status === 'new' || a.status === 'interviewed')
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));

  const proposals = input.branches.flatMap((branch): DeskProposal[] => {
    const cohort = settings.cohorts.find((c) => c.id === branch.cohort);
    if (!cohort) return [];
    const proposed = proposedOnBranch(branch.cohort, branch.pairs, records.pairs);
    const elsewhere = input.branches
      .filter((other) => other.cohort !== branch.cohort)
      .flatMap((other) => proposedOnBranch(other.cohort, other.pairs, records.pairs));
    const edits = branch.edits ??
      records.matchingEdits.get(branch.cohort) ?? {
        schemaVersion: 1 as const,
        cohort: branch.cohort,
        mode: 'best' as const,
        forbidden: [],
        withdrawn: [],
      };
    // A proposal is open while its branch holds pairs or edits main has not: every pair withdrawn
    // still leaves a proposal to complete; an accepted one leaves the branch equal to main.
    const pending =
      proposed.length > 0 ||
      (branch.edits !== undefined &&
        JSON.stringify(branch.edits) !== JSON.stringify(records.matchingEdits.get(branch.cohort)));
    if (!pending) return [];
    const pool = buildPool(
      pairingPoolInput({
        cohort: branch.cohort,
        capacityMax: settings.mentoring.mentorCapacityMax,
        main: records,
        proposed,
        elsewhere,
        edits,
      }),
    );
    const proposal = editedProposal(pool, proposed, edits.mode, settings.matching, today);
    const pairs = proposed.map((pair) => ({
      id: pair.id,
      mentor: person(pair.mentor),
      mentee: person(pair.mentee),
      forced: pair.proposedBy === 'coordinator',
      score: pair.score.total,
      reasons: pair.score.rules.map(
        (r) => `${ruleLabels[r.rule] ?? r.rule} ${r.points}/${r.max} : ${r.reason}`,
      ),
      meetingMode: meetingModeLabel(pair.meetingMode),
      objectives: pair.objectives.length ? frenchList(pair.objectives.map(objectiveLabel)) : '',
    }));
    return [
      {
        cohort: branch.cohort,
        cohortLabel: cohort.label,
        pairs: pairs.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)),
        unmatched: proposal.unmatched.map((u) => ({ person: person(u.id), reason: u.reason })),
        spare: proposal.spare.map((s) => ({
          person: person(s.id),
          places: s.places,
          reason: s.reason,
        })),
      },
    ];
  });

  const followed = followedPairs({
    pairs: records.pairs,
    followUps: records.followUps,
    settings,
    today,
  });
  const situations = new Map(followed.map((f) => [f.pair.id, f]));
  const { openText, dueText } = followUpWording(today, situations);
  // The pairs accepted and not yet under way (their convention to print and sign), and those the
  // follow-up watches.
  const watched = records.pairs.filter(
    (p) => holdingStatuses.includes(p.status) || situations.has(p.id),
  );
  const pairs: DeskPair[] = watched.map((pair) => {
    const mentor = person(pair.mentor);
    const mentee = person(pair.mentee);
    const situation = situations.get(pair.id);
    return {
      id: pair.id,
      cohort: pair.cohort,
      status: pair.status,
      statusLabel: pairStatusLabel(pair.status),
      mentor,
      mentee,
      flags: (situation?.flags ?? []).map((f) =>
        openText({ pairId: pair.id, code: f.code, since: f.since }),
      ),
      due: (situation?.due ?? []).map(dueText),
      conventionReady: mentor.name !== undefined && mentee.name !== undefined,
    };
  });

  return {
    today,
    applications,
    proposals,
    pairs,
    unreadable: records.unreadable.map((u) => ({ path: u.path, reason: u.reason })),
    unopened: records.unopened,
  };
}
