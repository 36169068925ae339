import { dateIn } from '../../schemas/rules-context.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { FollowUpFact } from './pair-flags.ts';

/** The day an instant falls on in the programme's time zone. */
const dayIn = (at: string, timeZone: string) => dateIn(timeZone, new Date(at));

/**
 * What a pair's follow-up records say, as the facts its flags are computed from: each meeting a
 * participant reported (once, though both may report it), each check-in and bilan on the day it
 * was sent, each coordinator's contact and mid-point review on the day it took place. Pure.
 */
export function followUpFacts(records: readonly FollowUp[], timeZone: string): FollowUpFact[] {
  const facts: FollowUpFact[] = [];
  const meetings = new Set<string>();
  for (const record of records) {
    const sent = dayIn(record.submittedAt, timeZone);
    if (record.type === 'check-in' && record.role !== 'coordinator') {
      for (const meeting of record.meetings ?? []) meetings.add(meeting.on);
      facts.push({
        kind: 'check-in',
        on: sent,
        role: record.role,
        wantsContact: record.wantsContact === true,
      });
    } else if (record.type === 'bilan' && record.role !== 'coordinator') {
      facts.push({ kind: 'bilan', on: sent, role: record.role });
    } else if (record.type === 'contact' && record.on) {
      facts.push({ kind: 'contact', on: record.on });
    } else if (record.type === 'mid-point-review' && record.on) {
      facts.push({ kind: 'mid-point-review', on: record.on });
    }
  }
  for (const on of [...meetings].sort()) facts.push({ kind: 'meeting', on });
  return facts;
}
