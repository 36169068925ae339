import { addDays, daysBetween, type FollowUpRules } from './follow-up-rules.ts';

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
 * monthly check-ins, the mid-point review and the end-of-mentoring bilan. Sorted by day.
 */
export function followUpSchedule(start: string, end: string, rules: FollowUpRules): Due[] {
  const due: Due[] = [{ kind: 'first-meeting', on: addDays(start, rules.firstMeetingWithinDays) }];
  const firstMonth = 30;
  for (let i = 1; i <= rules.contactsInFirstMonth; i += 1)
    due.push({
      kind: 'contact',
      on: addDays(start, Math.round((firstMonth * i) / rules.contactsInFirstMonth)),
    });
  for (
    let day = firstMonth + rules.contactEveryDays;
    addDays(start, day) < end;
    day += rules.contactEveryDays
  )
    due.push({ kind: 'contact', on: addDays(start, day) });
  for (let day = rules.checkInEveryDays; addDays(start, day) < end; day += rules.checkInEveryDays)
    due.push({ kind: 'check-in', on: addDays(start, day) });
  due.push({
    kind: 'mid-point-review',
    on: addDays(start, Math.floor(daysBetween(start, end) / 2)),
  });
  due.push({ kind: 'bilan', on: end });
  const order: DueKind[] = ['first-meeting', 'contact', 'check-in', 'mid-point-review', 'bilan'];
  return due.sort((a, b) =>
    a.on === b.on ? order.indexOf(a.kind) - order.indexOf(b.kind) : a.on < b.on ? -1 : 1,
  );
}
