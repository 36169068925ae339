import ical, { ICalCalendarMethod } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { isPairId } from '../../schemas/data-layout.ts';

/** What the first meeting's calendar file says (issue 12). No names, no emails, no attendees. */
export interface FirstMeetingInvitation {
  /** Only in the UID (`${pairId}-first-meeting@binome`), so a rescheduled file replaces it. */
  pairId: string;
  /** The local wall time in `timeZone`, 'YYYY-MM-DDTHH:mm' (see `parseFrenchDateTime`). */
  start: string;
  /** The caller's default is 60. */
  durationMinutes: number;
  /** The structure's IANA time zone (settings.structure.timeZone). */
  timeZone: string;
  /** As people call the place, e.g. « Espace Jeunes Anne Frank » (settings.structure.shortName). */
  structureName: string;
  /** One line, from the settings. */
  address: string;
  /** DTSTAMP: when the file was made, from the caller's clock. */
  stamp: Date;
  /** 0 the first time; a rescheduled meeting gets a higher one, with the same UID. */
  sequence?: number;
}

/** Which input was refused, for the command line's French message. */
export type InvitationInputProblem =
  | 'pair-id'
  | 'start'
  | 'time-zone'
  | 'nonexistent-time'
  | 'ambiguous-time'
  | 'duration'
  | 'stamp'
  | 'sequence'
  | 'text';

/** A refused input: a RangeError whose `problem` says which (the message is for developers). */
export class InvitationInputError extends RangeError {
  override name = 'InvitationInputError';
  readonly problem: InvitationInputProblem;
  constructor(problem: InvitationInputProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

const wallTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
let knownZones: ReadonlySet<string> | undefined;

/**
 * The VTIMEZONE block and the TZID it declares, for a zone that both the block library and
 * Temporal know. Aliases resolve (`UTC` gives `Etc/UTC`): DTSTART must name the TZID the block
 * declares, or readers find no definition. The library is asked only about zones in its list:
 * it prints to the console for the others.
 */
function vtimezone(timeZone: string): { block: string; tzid: string } | undefined {
  knownZones ??= new Set(tzlib_get_timezones());
  if (!knownZones.has(timeZone)) return undefined;
  try {
    new Temporal.ZonedDateTime(0n, timeZone);
  } catch {
    return undefined;
  }
  const found = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(found)) return undefined;
  const [block, tzidLine] = found;
  const tzid = tzidLine?.replace(/^TZID=/, '');
  return block && tzid ? { block, tzid } : undefined;
}

/**
 * The start as a zoned date-time. Never a plain Date: ical-generator writes a Date in the
 * machine's own zone, hours off on a runner set to UTC. A wall time that the clocks skip
 * (spring forward) or show twice (fall back) is refused rather than moved.
 */
function zonedStart(start: string, timeZone: string): Temporal.ZonedDateTime {
  let local: Temporal.PlainDateTime;
  try {
    if (!wallTime.test(start)) throw new RangeError('not YYYY-MM-DDTHH:mm');
    local = Temporal.PlainDateTime.from(start, { overflow: 'reject' });
  } catch {
    throw new InvitationInputError(
      'start',
      `The start « ${start} » is not a date and time of the form YYYY-MM-DDTHH:mm.`,
    );
  }
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (earlier.equals(later)) return earlier;
  // In a gap both candidates land on other wall times; in an overlap both show the one asked.
  if (earlier.toPlainDateTime().equals(local))
    throw new InvitationInputError(
      'ambiguous-time',
      `${start} happens twice in ${timeZone} (the clocks go back): choose another time.`,
    );
  throw new InvitationInputError(
    'nonexistent-time',
    `${start} does not exist in ${timeZone} (the clocks go forward): choose another time.`,
  );
}

function checkText(value: string, what: string): string {
  const text = value.trim();
  if (!text) throw new InvitationInputError('text', `The ${what} is empty.`);
  return text;
}

/**
 * The first meeting's invitation as an iCalendar file (RFC 5545, CRLF lines), for both
 * participants to open in their calendar: METHOD:PUBLISH (a file, not a meeting request), the
 * start as `DTSTART;TZID=…` with its VTIMEZONE, DTSTAMP in UTC. Throws an
 * `InvitationInputError` (a RangeError) for an input it cannot write faithfully. Pure.
 */
export function firstMeetingInvitation(input: FirstMeetingInvitation): string {
  const { pairId, durationMinutes, stamp, sequence = 0 } = input;
  if (!isPairId(pairId))
    throw new InvitationInputError('pair-id', `« ${pairId} » is not a pair id.`);
  const zone = vtimezone(input.timeZone);
  if (!zone)
    throw new InvitationInputError(
      'time-zone',
      `« ${input.timeZone} » is not an IANA time zone known to the calendar library.`,
    );
  const start = zonedStart(input.start, input.timeZone);
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 24 * 60)
    throw new InvitationInputError(
      'duration',
      `The duration must be a whole number of minutes from 1 to 1440, not ${durationMinutes}.`,
    );
  if (!(stamp instanceof Date) || Number.isNaN(stamp.getTime()))
    throw new InvitationInputError('stamp', 'The stamp is not a valid Date.');
  if (!Number.isInteger(sequence) || sequence < 0)
    throw new InvitationInputError('sequence', `The sequence must be 0 or more, not ${sequence}.`);
  // Minutes are exact time in Temporal: a meeting across a clock change still lasts as long.
  const end = start.add({ minutes: durationMinutes });
  // DTEND is a wall time too. A repeated one is the first occurrence for RFC 5545 (3.3.5) but
  // the second for ical.js (measured): no reader can be trusted with it, so refuse it.
  const endWall = end.toPlainDateTime();
  const endFirst = endWall.toZonedDateTime(input.timeZone, { disambiguation: 'earlier' });
  if (!endFirst.equals(endWall.toZonedDateTime(input.timeZone, { disambiguation: 'later' })))
    throw new InvitationInputError(
      'ambiguous-time',
      `The end, ${endWall.toString()}, happens twice in ${input.timeZone} (the clocks go back): choose another time or duration.`,
    );
  const structureName = checkText(input.structureName, 'structure name');
  const address = checkText(input.address, 'address');

  const calendar = ical({
    prodId: { company: 'Binôme', product: 'Première rencontre', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-level zone name: ical-generator would then write DTSTAMP in that zone
    // without `Z` (RFC 5545 wants UTC). The generator alone adds the event's VTIMEZONE.
    timezone: { name: null, generator: (tz) => (tz === zone.tzid ? zone.block : null) },
  });
  calendar.createEvent({
    id: `${pairId}-first-meeting@binome`,
    sequence,
    stamp,
    timezone: zone.tzid,
    start,
    end,
    summary: `Première rencontre de mentorat — ${structureName}`,
    location: `${structureName}, ${address}`,
    description: [
      `Première rencontre du binôme de mentorat, dans les locaux de la structure\u00a0: ${structureName}, ${address}.`,
      'Si la convention de mentorat n’est pas encore signée, pensez à l’apporter.',
    ].join('\n'),
  });
  // RFC 5545 ends every content line with CRLF, the last one too; the library leaves it off.
  return `${calendar.toString()}\r\n`;
}
