import { daysBetween, type FollowUpRules } from './follow-up-rules.ts';
import { afterActiveDays, type Pause } from './paused-days.ts';

/** What is due in a pair's life, and when (issue 12). */
export type DueKind = 'first-meeting' | 'contact' | 'check-in' | 'mid-point-review' | 'bilan';

export interface Due {
  kind: DueKind;
  /** YYYY-MM-DD */
  on: string;
}

/**
 * A pair's schedule from its start to its planned end: the first meeting at the Espace Jeunes,
 * the coordinator's contacts (several in the first month, then regularly), the participants'
 * monthly check-ins, the mid-point review and the end-of-mentoring bilan. Delays count days of
 * mentoring: a pause moves what falls after it. Nothing but the bilan falls after the planned
 * end. Sorted by day.
 */
export function followUpSchedule(
  start: string,
  end: string,
  rules: FollowUpRules,
  pauses: readonly Pause[] = [],
): Due[] {
  const after = (days: number) => afterActiveDays(start, days, pauses);
  const due: Due[] = [{ kind: 'first-meeting', on: after(rules.firstMeetingWithinDays) }];
  const firstMonth = 30;
  for (let i = 1; i <= rules.contactsInFirstMonth; i += 1)
    due.push({
      kind: 'contact',
      on: after(Math.round((firstMonth * i) / rules.contactsInFirstMonth)),
    });
  for (
    let day = firstMonth + rules.contactEveryDays;
    after(day) < end;
    day += rules.contactEveryDays
  )
    due.push({ kind: 'contact', on: after(day) });
  for (let day = rules.checkInEveryDays; after(day) < end; day += rules.checkInEveryDays)
    due.push({ kind: 'check-in', on: after(day) });
  due.push({
    kind: 'mid-point-review',
    on: after(Math.floor(Math.max(0, daysBetween(start, end)) / 2)),
  });
  const order: DueKind[] = ['first-meeting', 'contact', 'check-in', 'mid-point-review', 'bilan'];
  return [...due.filter((d) => d.on <= end), { kind: 'bilan' as const, on: end }].sort((a, b) =>
    a.on === b.on ? order.indexOf(a.kind) - order.indexOf(b.kind) : a.on < b.on ? -1 : 1,
  );
}
