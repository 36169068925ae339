import {
  followUpCodePath,
  followUpPath,
  pairPath,
  matchingEditsPath,
} from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import type { RecordSet } from './sort-records.ts';
import { frenchDate as french } from '../text/french-date.ts';

/** One thing past its retention period: a person to erase, or a file to delete. */
export type RetentionItem =
  | { type: 'person'; id: string; rule: string; reason: string }
  | { type: 'file'; path: string; rule: string; reason: string };

type Retention = ProgrammeSettings['dataProtection']['retention'];

/**
 * A retention rule: which records it covers, and what of them is past its period on `today`.
 * Each record type registers its own; the « Données
 * personnelles » page and the README state the same periods from the same settings.
 */
export interface RetentionRule {
  /** The record type, as in the layout (`applications`, `pairs`…). */
  records: string;
  due: (set: RecordSet, retention: Retention, today: string) => RetentionItem[];
}

/** What the rules know of the programme: its time zone, and when each cohort ends. */
interface Calendar {
  /** The day an instant falls on in the programme's time zone. */
  dayOf: (instant: string) => string;
  cohortEnds: ReadonlyMap<string, string>;
}

/** `YYYY-MM-DD` plus `months` months, clamped to the month's last day (31 Jan + 1 = 28 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * When a pair's mentoring ended: its last `closed` event; for a pair never closed, its cohort's
 * end (a pair left « en cours » long after its cohort is a record nobody keeps up).
 */
function endOf(pair: RecordSet['pairs'][number], calendar: Calendar): string | undefined {
  const closed = pair.events.filter((e) => e.type === 'closed').at(-1);
  if (pair.status === 'closed' && closed) return calendar.dayOf(closed.at);
  return calendar.cohortEnds.get(pair.cohort);
}

const endedHow = (pair: RecordSet['pairs'][number]) =>
  pair.status === 'closed' ? 'binôme terminé' : 'binôme jamais clôturé, cohorte terminée';

/** Pairs whose mentoring ended more than the period ago: deleted. */
function pairs(calendar: Calendar): RetentionRule {
  return {
    records: 'pairs',
    due: (set, retention, today) =>
      set.pairs.flatMap((pair) => {
        const ended = endOf(pair, calendar);
        return ended && addMonths(ended, retention.afterMentoringEndsMonths) <= today
          ? [
              {
                type: 'file' as const,
                path: pairPath(pair.id),
                rule: 'afterMentoringEndsMonths',
                reason: `${endedHow(pair)} le ${french(ended)} ; durée de conservation (${retention.afterMentoringEndsMonths} mois) dépassée`,
              },
            ]
          : [];
      }),
  };
}

/**
 * People (application, screening decision, data key): someone never in a pair, once the period
 * has passed since the last thing that happened to their application (arrival or decision);
 * someone whose every pair ended, once the period after the last end has passed.
 */
function people(calendar: Calendar): RetentionRule {
  return {
    records: 'applications',
    due: (set, retention, today) =>
      set.applications.flatMap((application) => {
        const theirs = set.pairs.filter(
          (p) => p.mentor === application.id || p.mentee === application.id,
        );
        const decided = set.decisions.get(application.id)?.updatedAt;
        const lastActivity = calendar.dayOf(
          [application.submittedAt, decided ?? ''].sort().at(-1)!,
        );
        if (theirs.length === 0) {
          const until = addMonths(lastActivity, retention.applicationWithoutPairMonths);
          return until <= today
            ? [
                {
                  type: 'person' as const,
                  id: application.id,
                  rule: 'applicationWithoutPairMonths',
                  reason: `sans binôme, dernière décision ou candidature le ${french(lastActivity)} ; durée de conservation (${retention.applicationWithoutPairMonths} mois) dépassée`,
                },
              ]
            : [];
        }
        const ends = theirs.map((p) => endOf(p, calendar));
        if (ends.some((end) => end === undefined)) return [];
        const lastEnd = (ends as string[]).sort().at(-1)!;
        return addMonths(lastEnd, retention.afterMentoringEndsMonths) <= today
          ? [
              {
                type: 'person' as const,
                id: application.id,
                rule: 'afterMentoringEndsMonths',
                reason: `mentorat terminé le ${french(lastEnd)} ; durée de conservation (${retention.afterMentoringEndsMonths} mois) dépassée`,
              },
            ]
          : [];
      }),
  };
}

/** A cohort's matching edits, once its last pair could have ended and the period has passed. */
function matchingEdits(cohortEnds: ReadonlyMap<string, string>): RetentionRule {
  return {
    records: 'matching',
    due: (set, retention, today) =>
      [...set.matchingEdits.keys()].flatMap((cohort) => {
        const end = cohortEnds.get(cohort);
        return end && addMonths(end, retention.afterMentoringEndsMonths) <= today
          ? [
              {
                type: 'file' as const,
                path: matchingEditsPath(cohort),
                rule: 'afterMentoringEndsMonths',
                reason: `cohorte terminée le ${french(end)} ; durée de conservation (${retention.afterMentoringEndsMonths} mois) dépassée`,
              },
            ]
          : [];
      }),
  };
}

/**
 * A pair's follow-up records and codes (issue 12) live as long as the pair: the retention job
 * deletes them with it (run-retention.ts, which also takes any unreadable one). Here, those whose
 * pair is already gone (deleted by hand, or by an earlier proposal that missed one) are deleted.
 */
function followUps(): RetentionRule {
  return {
    records: 'followups',
    due: (set) => {
      const pairs = new Set(set.pairs.map((p) => p.id));
      const reason = 'binôme supprimé : son suivi part avec lui';
      return [
        ...[...set.followUps].flatMap(([pairId, records]) =>
          pairs.has(pairId)
            ? []
            : records.map((r) => ({
                type: 'file' as const,
                path: followUpPath(pairId, r.submittedAt, r.role),
                rule: 'afterMentoringEndsMonths',
                reason,
              })),
        ),
        ...[...set.followUpCodes].flatMap(([hash, owner]) =>
          pairs.has(owner.pairId)
            ? []
            : [
                {
                  type: 'file' as const,
                  path: followUpCodePath(hash),
                  rule: 'afterMentoringEndsMonths',
                  reason,
                },
              ],
        ),
      ];
    },
  };
}

/** The rules of every record type that holds something about people. */
export function retentionRules(
  settings: Pick<ProgrammeSettings, 'cohorts' | 'structure'>,
): RetentionRule[] {
  const calendar: Calendar = {
    dayOf: (instant) => dateIn(settings.structure.timeZone, new Date(instant)),
    cohortEnds: new Map(settings.cohorts.map((c) => [c.id, c.end])),
  };
  return [people(calendar), pairs(calendar), matchingEdits(calendar.cohortEnds), followUps()];
}

/**
 * Everything past its retention period on `today` (`YYYY-MM-DD`, the programme's day), people
 * first, sorted: what the retention pull request deletes. Pure.
 */
export function retentionPlan(
  set: RecordSet,
  settings: Pick<ProgrammeSettings, 'dataProtection' | 'cohorts' | 'structure'>,
  today: string,
): RetentionItem[] {
  const key = (item: RetentionItem) => (item.type === 'person' ? `0${item.id}` : `1${item.path}`);
  return retentionRules(settings)
    .flatMap((rule) => rule.due(set, settings.dataProtection.retention, today))
    .sort((a, b) => key(a).localeCompare(key(b)));
}
