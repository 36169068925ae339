import type { Pair } from '../../schemas/pair.schema.ts';
import { addDays, type FollowUpRules } from './follow-up-rules.ts';
import { followUpSchedule, type Due } from './follow-up-schedule.ts';
import { endedAsPlanned } from './pair-transitions.ts';
import { activeDaysBetween, afterActiveDays, type Pause } from './paused-days.ts';

/** What is known of a pair's life, from its follow-up records (issue 12), one fact a day. */
export type FollowUpFact =
  | { kind: 'meeting'; on: string }
  | { kind: 'check-in'; on: string; role: 'mentor' | 'mentee'; wantsContact: boolean }
  | { kind: 'contact'; on: string }
  | { kind: 'mid-point-review'; on: string }
  | { kind: 'bilan'; on: string; role: 'mentor' | 'mentee' };

/** Why a pair needs the coordinators, by code; the reports and the weekly issue word them. */
export type FlagCode =
  'first-meeting-late' | 'inactive' | 'check-in-overdue' | 'help-requested' | 'bilan-missing';

export interface Flag {
  code: FlagCode;
  /** Since when (YYYY-MM-DD): the day the flag's condition started. */
  since: string;
}

export interface PairSituation {
  flags: Flag[];
  /** What falls due in the next `horizonDays` days, overdue contacts and reviews included. */
  due: Due[];
}

const last = <T extends { on: string }>(facts: readonly T[]) =>
  facts.reduce<T | undefined>((latest, f) => (!latest || f.on > latest.on ? f : latest), undefined);

/**
 * Where a pair stands on `today` (YYYY-MM-DD): its flags, and what is due. A pair under way
 * (`active`) gets every flag, its delays counted in days of mentoring (`dates.pauses` not
 * counted); a paused one only for help asked and a missing bilan; one closed as planned only
 * for a missing bilan; any other none. Facts after `today` are ignored, so that replaying a year
 * day by day gives each day's answer. Pure.
 */
export function pairSituation(
  pair: Pair,
  dates: { start: string; end: string; pauses?: readonly Pause[] },
  facts: readonly FollowUpFact[],
  today: string,
  rules: FollowUpRules,
  horizonDays = 7,
): PairSituation {
  const under = pair.status === 'active' || pair.status === 'paused';
  if (!under && !endedAsPlanned(pair)) return { flags: [], due: [] };
  const pauses = dates.pauses ?? [];
  const known = facts.filter((f) => f.on <= today);
  const of = <K extends FollowUpFact['kind']>(kind: K) =>
    known.filter((f): f is Extract<FollowUpFact, { kind: K }> => f.kind === kind);
  const schedule = followUpSchedule(dates.start, dates.end, rules, pauses);
  const flags: Flag[] = [];
  const bilanMissing = () => {
    if (today > dates.end && of('bilan').length === 0)
      flags.push({ code: 'bilan-missing', since: addDays(dates.end, 1) });
  };
  if (!under) {
    bilanMissing();
    return { flags, due: [] };
  }

  // Help asked in a check-in: until a coordinator's contact on that day or after.
  const lastContact = last(of('contact'));
  const help = of('check-in')
    .filter((c) => c.wantsContact && !(lastContact && lastContact.on >= c.on))
    .sort((a, b) => (a.on < b.on ? -1 : 1))[0];
  if (help) flags.push({ code: 'help-requested', since: help.on });

  if (pair.status === 'active') {
    const meetings = of('meeting');
    // A file edited by hand may put the start after the end: then no first meeting is due.
    const firstMeetingDue = schedule.find((d) => d.kind === 'first-meeting')?.on;
    const lastMeeting = last(meetings);
    if (!lastMeeting && firstMeetingDue && today > firstMeetingDue)
      flags.push({ code: 'first-meeting-late', since: addDays(firstMeetingDue, 1) });
    // Once the planned end has passed, only the bilan is awaited. Paused days do not count.
    if (
      lastMeeting &&
      today <= dates.end &&
      activeDaysBetween(lastMeeting.on, today, pauses) > rules.inactiveAfterDays
    )
      flags.push({
        code: 'inactive',
        since: afterActiveDays(lastMeeting.on, rules.inactiveAfterDays + 1, pauses),
      });

    // The latest check-in whose grace has passed: answered by anyone since the grace of the one
    // before it ended (a check-in within a grace answers that one, not the next)? The flag says
    // the pair's latest check-in is missing, not a ledger of months: a late check-in clears the
    // month it was late for and may count for the next one too.
    const checkIns = schedule.filter((d) => d.kind === 'check-in');
    const index = checkIns.findLastIndex((d) => addDays(d.on, rules.checkInGraceDays) < today);
    const overdue = checkIns[index];
    if (overdue) {
      const previous = checkIns[index - 1];
      const opens = previous ? addDays(previous.on, rules.checkInGraceDays + 1) : dates.start;
      if (!of('check-in').some((c) => c.on >= opens))
        flags.push({
          code: 'check-in-overdue',
          since: addDays(overdue.on, rules.checkInGraceDays + 1),
        });
    }
  }
  bilanMissing();

  // What is due: the coming days' items, and the contacts and review not yet done.
  const horizon = addDays(today, horizonDays);
  const done = (d: Due): boolean => {
    if (d.kind === 'first-meeting') return of('meeting').length > 0;
    if (d.kind === 'bilan') return of('bilan').length > 0;
    if (d.kind === 'mid-point-review') return of('mid-point-review').length > 0;
    if (d.kind === 'contact') {
      const previous = schedule.filter((s) => s.kind === 'contact' && s.on < d.on).at(-1);
      return of('contact').some((c) => c.on > (previous?.on ?? dates.start) && c.on <= horizon);
    }
    return known.some(
      (f) => f.kind === 'check-in' && f.on > addDays(d.on, -rules.checkInEveryDays),
    );
  };
  const due = schedule.filter(
    (d) =>
      d.on <= horizon &&
      !done(d) &&
      (d.on >= today || d.kind === 'contact' || d.kind === 'mid-point-review'),
  );
  return { flags, due: pair.status === 'paused' ? [] : due };
}
