import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  firstMeetingInvitation,
  InvitationInputError,
  type FirstMeetingInvitation,
  type InvitationInputProblem,
} from './first-meeting-invitation.ts';

const anInvitation = (over: Partial<FirstMeetingInvitation> = {}): FirstMeetingInvitation => ({
  pairId: 'pair-7f3k9q-a1b2c3',
  start: '2026-12-10T18:30',
  durationMinutes: 60,
  timeZone: 'Europe/Paris',
  structureName: 'Espace Jeunes Anne Frank',
  address: '12 rue de l’Abbé-Grégoire, 92130 Issy-les-Moulineaux',
  stamp: new Date('2026-11-20T09:15:42.123Z'),
  ...over,
});

/** What an independent reader (ical.js) finds in the file; the UTC instant from its VTIMEZONE. */
function readBack(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vevent || !vtimezone) throw new Error('no VEVENT or no VTIMEZONE');
  const event = new ICAL.Event(vevent);
  const zone = new ICAL.Timezone(vtimezone);
  const inFileZone = (time: ICAL.Time) => {
    const t = time.clone();
    t.zone = zone;
    return new Date(t.toUnixTime() * 1000).toISOString();
  };
  return {
    method: calendar.getFirstPropertyValue('method'),
    prodId: calendar.getFirstPropertyValue('prodid'),
    tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    vtimezoneTzid: zone.tzid,
    localStart: event.startDate.toString(),
    start: inFileZone(event.startDate),
    end: inFileZone(event.endDate),
    // ical.js's own resolution of the TZID (it finds the file's VTIMEZONE by itself).
    startByIcalJs: event.startDate.toJSDate().toISOString(),
    durationSeconds: event.duration.toSeconds(),
    stamp: vevent.getFirstPropertyValue('dtstamp')?.toString(),
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    location: event.location,
    description: event.description,
  };
}

function problemOf(over: Partial<FirstMeetingInvitation>): InvitationInputProblem | undefined {
  try {
    firstMeetingInvitation(anInvitation(over));
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toBeInstanceOf(InvitationInputError);
    return (error as InvitationInputError).problem;
  }
}

/** Winter (UTC+1), summer (UTC+2), and each side of both clock changes of 2027. */
const instants = [
  { start: '2026-12-10T18:30', utc: '2026-12-10T17:30:00.000Z' },
  { start: '2027-06-17T18:00', utc: '2027-06-17T16:00:00.000Z' },
  { start: '2027-03-28T01:59', utc: '2027-03-28T00:59:00.000Z' },
  { start: '2027-03-28T03:00', utc: '2027-03-28T01:00:00.000Z' },
  { start: '2027-10-31T00:59', utc: '2027-10-30T22:59:00.000Z' },
  { start: '2027-10-31T03:00', utc: '2027-10-31T02:00:00.000Z' },
];

describe('firstMeetingInvitation', () => {
  it('writes the start as a Paris wall time with its VTIMEZONE, read back right by ical.js', () => {
    for (const { start, utc } of instants) {
      const read = readBack(firstMeetingInvitation(anInvitation({ start })));
      expect(read.tzid).toBe('Europe/Paris');
      expect(read.vtimezoneTzid).toBe('Europe/Paris');
      expect(read.localStart).toBe(`${start}:00`);
      expect(read.start).toBe(utc);
      expect(read.startByIcalJs).toBe(utc);
      expect(read.durationSeconds).toBe(3600);
    }
  });

  it('says what the meeting is, where, with accents and « » intact, and nobody’s name', () => {
    const ics = firstMeetingInvitation(
      anInvitation({ structureName: 'Espace Jeunes « Anne Frank »; étage 2, salle B' }),
    );
    const read = readBack(ics);
    expect(read).toMatchObject({
      method: 'PUBLISH',
      prodId: '-//Binôme//Première rencontre//FR',
      summary: 'Première rencontre de mentorat — Espace Jeunes « Anne Frank »; étage 2, salle B',
      location:
        'Espace Jeunes « Anne Frank »; étage 2, salle B, 12 rue de l’Abbé-Grégoire, 92130 Issy-les-Moulineaux',
      stamp: '2026-11-20T09:15:42Z',
    });
    expect(read.description).toBe(
      'Première rencontre du binôme de mentorat, dans les locaux de la structure\u00a0: ' +
        'Espace Jeunes « Anne Frank »; étage 2, salle B, 12 rue de l’Abbé-Grégoire, 92130 Issy-les-Moulineaux.\n' +
        'Si la convention de mentorat n’est pas encore signée, pensez à l’apporter.',
    );
    // No attendee, organiser or e-mail address: the only @ is the UID's.
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER|mailto/i);
    expect(ics.match(/@/g)).toHaveLength(1);
  });

  it('writes lines of at most 75 octets, ended by CRLF, with DTSTAMP in UTC', () => {
    const ics = firstMeetingInvitation(anInvitation({ address: 'é'.repeat(200) }));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    const lines = ics.split('\r\n');
    expect(lines.some((line) => line.includes('\n'))).toBe(false);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('\r\nDTSTAMP:20261120T091542Z\r\n');
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/Paris:20261210T183000\r\n');
    expect(readBack(ics).location).toBe(`Espace Jeunes Anne Frank, ${'é'.repeat(200)}`);
  });

  it('keeps one UID per pair, and the SEQUENCE it is given (0 by default)', () => {
    const first = readBack(firstMeetingInvitation(anInvitation()));
    const moved = readBack(
      firstMeetingInvitation(anInvitation({ start: '2027-01-14T17:00', sequence: 2 })),
    );
    const other = readBack(firstMeetingInvitation(anInvitation({ pairId: 'pair-aaaaaa-bbbbbb' })));
    expect(first.uid).toBe('pair-7f3k9q-a1b2c3-first-meeting@binome');
    expect(moved.uid).toBe(first.uid);
    expect(other.uid).toBe('pair-aaaaaa-bbbbbb-first-meeting@binome');
    expect([first.sequence, moved.sequence]).toEqual([0, 2]);
  });

  it('gives the meeting its duration, also across a clock change', () => {
    const read = readBack(firstMeetingInvitation(anInvitation({ durationMinutes: 90 })));
    expect([read.start, read.end, read.durationSeconds]).toEqual([
      '2026-12-10T17:30:00.000Z',
      '2026-12-10T19:00:00.000Z',
      5400,
    ]);
    // 01:30 CEST + 150 min ends at 03:00 CET: an hour and a half on the clock, 2 h 30 min in fact.
    const autumn = readBack(
      firstMeetingInvitation(anInvitation({ start: '2027-10-31T01:30', durationMinutes: 150 })),
    );
    expect([autumn.start, autumn.end]).toEqual([
      '2027-10-30T23:30:00.000Z',
      '2027-10-31T02:00:00.000Z',
    ]);
    // 01:30 CET + 60 min ends at 03:30 CEST.
    const spring = readBack(firstMeetingInvitation(anInvitation({ start: '2027-03-28T01:30' })));
    expect([spring.start, spring.end]).toEqual([
      '2027-03-28T00:30:00.000Z',
      '2027-03-28T01:30:00.000Z',
    ]);
  });

  it('agrees with the runtime’s zone data around every Paris clock change to 2040', () => {
    for (let year = 2026; year <= 2040; year += 1)
      for (const month of [3, 10]) {
        // The last Sunday of the month, at times that exist once on that day.
        const lastDay = Temporal.PlainDate.from({ year, month, day: 31 });
        const sunday = lastDay.subtract({ days: lastDay.dayOfWeek % 7 });
        for (const time of ['00:59', '03:00', '12:00']) {
          const start = `${sunday.toString()}T${time}`;
          const expected = Temporal.PlainDateTime.from(start)
            .toZonedDateTime('Europe/Paris')
            .toInstant()
            .toString({ smallestUnit: 'millisecond' });
          expect([start, readBack(firstMeetingInvitation(anInvitation({ start }))).start]).toEqual([
            start,
            expected,
          ]);
        }
      }
  });

  it('names the VTIMEZONE the event points to, for zone aliases too', () => {
    for (const [timeZone, tzid] of [
      ['UTC', 'Etc/UTC'],
      ['Asia/Calcutta', 'Asia/Kolkata'],
      ['America/New_York', 'America/New_York'],
    ] as const) {
      const read = readBack(firstMeetingInvitation(anInvitation({ timeZone })));
      expect([read.tzid, read.vtimezoneTzid]).toEqual([tzid, tzid]);
      const expected = Temporal.PlainDateTime.from('2026-12-10T18:30')
        .toZonedDateTime(timeZone)
        .toInstant()
        .toString({ smallestUnit: 'millisecond' });
      expect(read.start).toBe(expected);
    }
  });

  it('refuses a wall time the clocks skip or show twice, rather than moving it', () => {
    expect(problemOf({ start: '2027-03-28T02:30' })).toBe('nonexistent-time');
    expect(problemOf({ start: '2027-03-28T02:00' })).toBe('nonexistent-time');
    expect(problemOf({ start: '2027-10-31T02:30' })).toBe('ambiguous-time');
    expect(problemOf({ start: '2027-10-31T02:00' })).toBe('ambiguous-time');
    // An end in the repeated hour: RFC 5545 reads the first 02:30, ical.js the second.
    expect(problemOf({ start: '2027-10-31T01:30', durationMinutes: 60 })).toBe('ambiguous-time');
    expect(problemOf({ start: '2027-10-31T01:30', durationMinutes: 120 })).toBe('ambiguous-time');
    expect(() => firstMeetingInvitation(anInvitation({ start: '2027-03-28T02:30' }))).toThrow(
      '2027-03-28T02:30 does not exist in Europe/Paris (the clocks go forward): choose another time.',
    );
    expect(() => firstMeetingInvitation(anInvitation({ start: '2027-10-31T02:30' }))).toThrow(
      '2027-10-31T02:30 happens twice in Europe/Paris (the clocks go back): choose another time.',
    );
  });

  it('refuses impossible dates and times, unknown zones and other bad input', () => {
    for (const start of [
      '2026-02-30T10:00',
      '2026-12-10T24:00',
      '2026-12-10T18:60',
      '2026-12-10 18:30',
      '2026-12-10T18:30:00',
      '2026-12-10T18:30Z',
      '2026-12-10T18:30+01:00',
      '10/12/2026 18h30',
      '',
    ])
      expect([start, problemOf({ start })]).toEqual([start, 'start']);
    for (const timeZone of ['Europe/Pariss', 'europe/paris', '+01:00', 'CEST', ''])
      expect([timeZone, problemOf({ timeZone })]).toEqual([timeZone, 'time-zone']);
    for (const durationMinutes of [0, -30, 1.5, 1441, Number.NaN])
      expect(problemOf({ durationMinutes })).toBe('duration');
    expect(problemOf({ stamp: new Date('not a date') })).toBe('stamp');
    expect(problemOf({ stamp: '2026-11-20T09:15:42Z' as unknown as Date })).toBe('stamp');
    for (const sequence of [-1, 0.5]) expect(problemOf({ sequence })).toBe('sequence');
    for (const pairId of ['', 'pair-7f3k9q', 'pair-7f3k9q-a1b2c3\r\nATTENDEE:x'])
      expect(problemOf({ pairId })).toBe('pair-id');
    expect(problemOf({ structureName: '  ' })).toBe('text');
    expect(problemOf({ address: '' })).toBe('text');
  });
});

// The machine's own zone must change nothing: the same file, read back the same, under zones far
// from Paris. Node reads TZ at start-up, so each zone gets its own process.
describe('firstMeetingInvitation under other machine time zones', () => {
  const moduleUrl = new URL('./first-meeting-invitation.ts', import.meta.url).href;
  const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
  // Makes the files in the child, and reads them back there with ical.js too.
  const childScript = `
    import ICAL from 'ical.js';
    import { firstMeetingInvitation } from ${JSON.stringify(moduleUrl)};
    const inputs = JSON.parse(process.argv[1]);
    const files = inputs.map((input) => firstMeetingInvitation({ ...input, stamp: new Date(input.stamp) }));
    const read = files.map((ics) => {
      const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
      const event = new ICAL.Event(vevent);
      return {
        tzid: vevent.getFirstProperty('dtstart').getParameter('tzid'),
        localStart: event.startDate.toString(),
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
      };
    });
    const offsets = [new Date(2026, 0, 15, 12).getTimezoneOffset(), new Date(2026, 6, 15, 12).getTimezoneOffset()];
    console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offsets, files, read }));
  `;
  const inputs = instants.map(({ start }) => anInvitation({ start, durationMinutes: 45 }));

  for (const [tz, zone, offsets] of [
    ['America/New_York', 'America/New_York', [300, 240]],
    ['UTC', 'UTC', [0, 0]],
    ['Pacific/Auckland', 'Pacific/Auckland', [-780, -720]],
    ['Europe/Paris', 'Europe/Paris', [-60, -120]],
  ] as const)
    it(`writes and reads the same file with TZ=${tz}`, () => {
      const child = spawnSync(
        process.execPath,
        ['--input-type=module', '--eval', childScript, JSON.stringify(inputs)],
        { cwd: projectRoot, env: { ...process.env, TZ: tz }, encoding: 'utf8' },
      );
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      const out = JSON.parse(child.stdout) as {
        zone: string;
        offsets: number[];
        files: string[];
        read: { tzid: string; localStart: string; start: string; end: string }[];
      };
      // Proof that the child really ran in that zone.
      expect([out.zone, out.offsets]).toEqual([zone, offsets]);
      expect(out.read).toEqual(
        instants.map(({ start, utc }) => ({
          tzid: 'Europe/Paris',
          localStart: `${start}:00`,
          start: utc,
          end: new Date(Date.parse(utc) + 45 * 60_000).toISOString(),
        })),
      );
      // Byte for byte what this process writes, and read back the same here.
      expect(out.files).toEqual(inputs.map(firstMeetingInvitation));
      expect(out.files.map((ics) => readBack(ics).start)).toEqual(instants.map((i) => i.utc));
    });
});
