import { isCalendarDate } from './string-formats.ts';
import type { FieldProblem } from './format-errors.ts';
import { meetingSlots } from './meeting-slots.ts';

type LooseMeeting = { date?: unknown } | undefined;
interface LooseCheckIn {
  meetings?: Partial<Record<(typeof meetingSlots)[number], LooseMeeting>>;
}

/** A meeting older than this is a typing mistake (a wrong year), not a month's news. */
const oldestMeetingDays = 400;

const daysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Rules of the « point d'étape » a schema cannot say, shared by the browser and the intake: a
 * meeting cannot be in the future, nor more than about a year ago. Every field may be missing or
 * of the wrong type (the rules also run on a form that fails its schema).
 */
export function checkInRules(form: unknown, context: { today: string }): FieldProblem[] {
  const meetings = (form as LooseCheckIn | null)?.meetings ?? {};
  const problems: FieldProblem[] = [];
  for (const slot of meetingSlots) {
    const date = meetings[slot]?.date;
    if (typeof date !== 'string' || !isCalendarDate(date)) continue;
    if (date > context.today)
      problems.push({
        field: `meetings.${slot}.date`,
        message: 'Cette date est dans le futur : indiquez une rencontre qui a déjà eu lieu.',
      });
    else if (date < daysBefore(context.today, oldestMeetingDays))
      problems.push({
        field: `meetings.${slot}.date`,
        message: 'Cette date a plus d’un an : vérifiez l’année.',
      });
  }
  return problems;
}
