import { describe, expect, it } from 'vitest';
import { followUpPath, pairPath } from '../../schemas/data-layout.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair, PairEvent } from '../../schemas/pair.schema.ts';
import { checkFollowUp, checkPair } from '../../schemas/validators.ts';
import { sortRecords } from '../records/sort-records.ts';
import {
  aBilanRecord,
  aCheckInRecord,
  aCoordinatorRecord,
  aSignedPair,
  followUpSecret,
  pairIdOf,
} from '../../tests/helpers/follow-up-records.ts';
import { addDays } from './follow-up-rules.ts';
import {
  followUpReport,
  freshLinesComment,
  linesInReport,
  mondayOf,
  type FollowUpReportInput,
} from './follow-up-report.ts';

// Issue 12, the weekly follow-up issue: each flag's line appears on the day worked out by hand
// (the schedule of scripts/followup/follow-up-year.test.ts: signed on 5 October 2026, the first
// meeting due by 26 October, check-ins due on 4 November and 4 December, 7 days' grace, no
// meeting for 45 days flags the pair, the planned end on 30 June 2027), comes back ticked
// « réglé » once the record that answers it arrives, and drops eight weeks later.

const settings = {
  cohorts: [{ id: '2026-2027', start: '2026-10-01', end: '2027-06-30' }],
  mentoring: { minimumDurationMonths: 6, plannedEnd: 'cohort-end', schoolYearStartsBy: '10-31' },
  structure: { timeZone: 'Europe/Paris' },
  followUp: {},
} as const;

const secret = followUpSecret;
const idOf = pairIdOf;
const aPair = (n: number, later: PairEvent[] = []): Pair =>
  aSignedPair(n, later, { coordinator: 'zebulon-quatremains' });
const checkIn = aCheckInRecord;
const byCoordinator = aCoordinatorRecord;
const bilan = (pairId: string, role: 'mentor' | 'mentee', sent: string): FollowUp =>
  aBilanRecord(pairId, role, sent, {
    words: { text: `Merci à ${secret} pour tout.`, sharing: 'coordinators' },
  });

/** The records as the data repository held them on `day` (those sent that day or before). */
function followUpsOn(day: string, records: readonly FollowUp[]) {
  const map = new Map<string, FollowUp[]>();
  for (const record of records)
    if (record.submittedAt.slice(0, 10) <= day)
      map.set(record.pairId, [...(map.get(record.pairId) ?? []), record]);
  return map;
}

function reportOn(
  day: string,
  pairs: readonly Pair[],
  records: readonly FollowUp[],
  previousBody = '',
  extra: Partial<FollowUpReportInput> = {},
) {
  return followUpReport({
    pairs,
    followUps: followUpsOn(day, records),
    settings,
    today: day,
    previousBody,
    ...extra,
  });
}

/** An open line of the issue, as a coordinator sees it and with its hidden marker. */
const openLine = (n: number, text: string, code: string, since: string) =>
  `- [ ] **${idOf(n)}** — ${text} <!-- binome:${idOf(n)}:${code}:${since} -->`;

describe('the weekly follow-up report', () => {
  it('every record fed to it is valid and read by the one reader', () => {
    const records = [
      checkIn(idOf(1), 'mentee', '2026-10-21', ['2026-10-20'], true),
      byCoordinator(idOf(1), 'contact', '2026-11-05'),
      bilan(idOf(1), 'mentor', '2027-07-08'),
    ];
    for (const record of records) expect(checkFollowUp(record).ok).toBe(true);
    const closed = aPair(1, [
      { type: 'paused', at: '2027-02-01T10:00:00.000Z', reason: secret },
      { type: 'resumed', at: '2027-03-01T10:00:00.000Z' },
      { type: 'closed', at: '2027-07-02T10:00:00.000Z', outcome: 'as-planned' },
    ]);
    expect(checkPair(closed).ok).toBe(true);
    const set = sortRecords(
      new Map([
        [pairPath(closed.id), JSON.stringify(closed)],
        ...records.map(
          (r) => [followUpPath(r.pairId, r.submittedAt, r.role), JSON.stringify(r)] as const,
        ),
      ]),
    );
    expect(set.unreadable).toEqual([]);
    expect(set.followUps.get(closed.id)).toHaveLength(3);
  });

  it('names the week by its Monday', () => {
    expect(mondayOf('2026-12-02')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(reportOn('2026-12-02', [], []).title).toBe(
      'Suivi des binômes — semaine du 30 novembre 2026',
    );
    expect(reportOn('2027-01-01', [], []).title).toBe(
      'Suivi des binômes — semaine du 28 décembre 2026',
    );
  });

  it('flags a first meeting not reported the day after it was due, and ticks it once reported', () => {
    const pairs = [aPair(1)];
    const records = [checkIn(idOf(1), 'mentee', '2026-10-30', ['2026-10-29'])];
    const line = openLine(
      1,
      'Première rencontre non signalée depuis le 27 octobre',
      'first-meeting-late',
      '2026-10-27',
    );
    const before = reportOn('2026-10-26', pairs, records);
    expect(before.open).toEqual([]);
    expect(before.body).toContain('Rien à traiter.');
    const flagged = reportOn('2026-10-27', pairs, records, before.body);
    expect(flagged.body).toContain(line);
    expect(flagged.fresh).toEqual([
      { pairId: idOf(1), code: 'first-meeting-late', since: '2026-10-27' },
    ]);
    // Next week, the same line: nothing new.
    const again = reportOn('2026-10-29', pairs, records, flagged.body);
    expect(again.body).toContain(line);
    expect(again.fresh).toEqual([]);

    const settled = reportOn('2026-10-30', pairs, records, again.body);
    expect(settled.open).toEqual([]);
    expect(settled.fresh).toEqual([]);
    const ticked = `- [x] **${idOf(1)}** — Première rencontre non signalée\u00a0: réglé le 30 octobre <!-- binome:${idOf(1)}:first-meeting-late:2026-10-27:2026-10-30 -->`;
    expect(settled.body).toContain(ticked);
    expect(settled.body).toContain('### Réglé ces 8 dernières semaines');
    // It keeps the day it was first seen settled, for eight weeks, then drops.
    expect(reportOn('2026-11-02', pairs, records, settled.body).body).toContain(ticked);
    const kept = reportOn('2026-12-25', pairs, records, settled.body);
    expect(kept.body).toContain(ticked);
    const dropped = reportOn('2026-12-26', pairs, records, kept.body);
    expect(dropped.body).not.toContain('first-meeting-late');
    expect(dropped.body).not.toContain('Réglé ces');
  });

  it('flags a pair with no meeting for 46 days, saying how long, and ticks it once one is reported', () => {
    const pairs = [aPair(2)];
    const records = [
      checkIn(idOf(2), 'mentee', '2026-10-21', ['2026-10-20']),
      checkIn(idOf(2), 'mentor', '2026-12-07', ['2026-12-06']),
    ];
    const quiet = reportOn('2026-12-04', pairs, records);
    expect(quiet.open).toEqual([]);
    const flagged = reportOn('2026-12-05', pairs, records, quiet.body);
    expect(flagged.body).toContain(
      openLine(
        2,
        'Aucune rencontre signalée depuis 46 jours (la dernière le 20 octobre)',
        'inactive',
        '2026-12-05',
      ),
    );
    expect(flagged.fresh.map((l) => l.code)).toEqual(['inactive']);
    const settled = reportOn('2026-12-07', pairs, records, flagged.body);
    expect(settled.open).toEqual([]);
    expect(settled.body).toContain(
      `- [x] **${idOf(2)}** — Aucune rencontre signalée récemment\u00a0: réglé le 7 décembre`,
    );
  });

  it('flags an overdue check-in after its grace, and ticks it with the inactivity once a check-in comes', () => {
    const pairs = [aPair(3)];
    const records = [
      checkIn(idOf(3), 'mentee', '2026-10-21', ['2026-10-20']),
      checkIn(idOf(3), 'mentee', '2026-12-14', ['2026-12-13']),
    ];
    const before = reportOn('2026-12-11', pairs, records);
    expect(before.open.map((l) => l.code)).toEqual(['inactive']);
    const flagged = reportOn('2026-12-12', pairs, records, before.body);
    expect(flagged.body).toContain(
      openLine(
        3,
        'Point d’étape en retard depuis le 12 décembre',
        'check-in-overdue',
        '2026-12-12',
      ),
    );
    expect(flagged.fresh.map((l) => l.code)).toEqual(['check-in-overdue']);
    const settled = reportOn('2026-12-14', pairs, records, flagged.body);
    expect(settled.open).toEqual([]);
    expect(settled.settled.map((l) => [l.code, l.settledOn])).toEqual([
      ['inactive', '2026-12-14'],
      ['check-in-overdue', '2026-12-14'],
    ]);
    expect(settled.body).toContain(
      `- [x] **${idOf(3)}** — Point d’étape en retard\u00a0: réglé le 14 décembre`,
    );
  });

  it('flags help asked in a check-in the day it is sent, and ticks it once a contact is noted', () => {
    const pairs = [aPair(4)];
    const records = [
      checkIn(idOf(4), 'mentee', '2026-10-21', ['2026-10-20']),
      checkIn(idOf(4), 'mentee', '2026-11-02', ['2026-11-01'], true),
      byCoordinator(idOf(4), 'contact', '2026-11-05'),
    ];
    const before = reportOn('2026-11-01', pairs, records);
    expect(before.open).toEqual([]);
    const flagged = reportOn('2026-11-02', pairs, records, before.body);
    expect(flagged.body).toContain(
      openLine(
        4,
        'Un participant demande à être contacté (point d’étape du 2 novembre)',
        'help-requested',
        '2026-11-02',
      ),
    );
    const settled = reportOn('2026-11-05', pairs, records, flagged.body);
    expect(settled.open).toEqual([]);
    expect(settled.body).toContain(
      `- [x] **${idOf(4)}** — Un participant demande à être contacté\u00a0: réglé le 5 novembre`,
    );
  });

  it('follows a pair closed as planned until its bilan comes, then no more', () => {
    const closed = aPair(5, [
      { type: 'closed', at: '2027-07-02T10:00:00.000Z', outcome: 'as-planned' },
    ]);
    const records = [bilan(idOf(5), 'mentee', '2027-07-08')];
    const waiting = reportOn('2027-07-05', [closed], records);
    expect(waiting.followed).toBe(1);
    expect(waiting.body).toContain(
      '**1 binôme suivi** au 5 juillet 2027\u00a0: 1 terminé sans bilan reçu.',
    );
    expect(waiting.body).toContain(
      `- [ ] **${idOf(5)}** (terminé) — Bilan de fin non reçu (fin prévue le 30 juin) <!-- binome:${idOf(5)}:bilan-missing:2027-07-01 -->`,
    );
    // Seen from a day before the bilan came, with the data of after: still awaited.
    const all = new Map([[idOf(5), records]]);
    expect(
      followUpReport({ pairs: [closed], followUps: all, settings, today: '2027-07-05' }).followed,
    ).toBe(1);
    const received = reportOn('2027-07-08', [closed], records, waiting.body);
    expect(received.followed).toBe(0);
    expect(received.body).toContain('Aucun binôme à suivre au 8 juillet 2027.');
    expect(received.body).toContain(
      `- [x] **${idOf(5)}** — Bilan de fin non reçu\u00a0: réglé le 8 juillet`,
    );
    // A paused pair past its planned end is awaited too; one closed early is not followed.
    const paused = aPair(6, [{ type: 'paused', at: '2027-06-01T10:00:00.000Z' }]);
    const early = aPair(7, [
      {
        type: 'closed',
        at: '2027-01-10T10:00:00.000Z',
        outcome: 'early',
        reasonCode: 'other',
        reason: secret,
      },
    ]);
    const later = reportOn('2027-07-02', [paused, early], []);
    expect(later.followed).toBe(1);
    expect(later.open).toEqual([{ pairId: idOf(6), code: 'bilan-missing', since: '2027-07-01' }]);
    expect(later.body).toContain(`**${idOf(6)}** (en pause) — Bilan de fin non reçu`);
  });

  it('lists what falls due in the coming seven days, overdue contacts included', () => {
    const pairs = [aPair(1), aPair(8, [{ type: 'paused', at: '2026-10-10T10:00:00.000Z' }])];
    const report = reportOn('2026-10-20', pairs, []);
    expect(report.body).toContain(
      `- **${idOf(1)}**\u00a0: contact de l’équipe prévu le 20 octobre\u202f; première rencontre attendue au plus tard le 26 octobre`,
    );
    // Paused: nothing falls due.
    expect(report.body).not.toContain(`- **${idOf(8)}**`);
    expect(report.due).toBe(2);
    expect(report.body).toContain(
      '**2 binômes suivis** au 20 octobre 2026\u00a0: 1 en cours, 1 en pause.',
    );
    const late = reportOn('2026-10-22', pairs, []);
    expect(late.body).toContain('contact de l’équipe à faire (prévu depuis le 20 octobre)');
    const noted = reportOn('2026-10-22', pairs, [byCoordinator(idOf(1), 'contact', '2026-10-21')]);
    expect(noted.body).not.toContain('contact de l’équipe à faire');
    // Contacts not made pile up; one contact answers them all, so only the oldest is said.
    const weeks = reportOn('2026-12-07', [aPair(1)], []);
    expect(weeks.body).toContain(
      `- **${idOf(1)}**\u00a0: contact de l’équipe à faire (prévu depuis le 20 octobre)\n`,
    );
    expect(weeks.due).toBe(1);
    expect(reportOn('2026-11-30', [], []).body).toContain('Rien de prévu.');
  });

  it('gives the comment commands of the issue, and those of the terminal without markers', () => {
    const issue = reportOn('2026-10-27', [aPair(1)], []);
    for (const command of [
      '`/signee <binôme> <date>`',
      '`/pause <binôme>`',
      '`/reprise <binôme>`',
      '`/cloture <binôme> <motif>`',
      '`/contact <binôme> [date]`',
      '`/mi-parcours <binôme> [date]`',
      '`/codes <binôme>`',
    ])
      expect(issue.body).toContain(command);
    const terminal = reportOn('2026-10-27', [aPair(1)], [], '', { place: 'terminal' });
    expect(terminal.body).not.toContain('<!--');
    expect(terminal.body).not.toContain('`/');
    expect(terminal.body).toContain(
      `- [ ] **${idOf(1)}** — Première rencontre non signalée depuis le 27 octobre\n`,
    );
    expect(terminal.body).toContain('`npm run pair -- <binôme> contact [date]`');
  });

  it('links each pair id to its file when asked', () => {
    const report = reportOn('2026-10-27', [aPair(1)], [], '', {
      pairUrl: (id) => `https://github.com/o/r/blob/main/pairs/${id}.json`,
    });
    expect(report.body).toContain(
      `- [ ] [${idOf(1)}](https://github.com/o/r/blob/main/pairs/${idOf(1)}.json) — Première rencontre`,
    );
  });

  it('reads back only well-formed markers of a previous body, never its text', () => {
    const tampered = [
      `- [ ] ${secret} <!-- binome:${idOf(1)}:inactive:2026-10-30 -->`,
      `<!-- binome:${idOf(1)}:made-up:2026-10-30 -->`,
      `<!-- binome:${idOf(2)}:inactive:2026-02-30 -->`,
      `<!-- binome:pair-AAAAAA-bbbbbb:inactive:2026-10-30 -->`,
      `<!-- binome:${idOf(3)}:inactive:2026-10-30:2026-13-01 -->`,
      // Twice, once settled: still open.
      `<!-- binome:${idOf(1)}:inactive:2026-10-30:2026-11-02 -->`,
    ].join('\n');
    expect(linesInReport(tampered)).toEqual([
      { pairId: idOf(1), code: 'inactive', since: '2026-10-30' },
    ]);
    const report = reportOn('2026-11-02', [], [], tampered);
    expect(report.body).not.toContain(secret);
    expect(report.settled).toEqual([
      { pairId: idOf(1), code: 'inactive', since: '2026-10-30', settledOn: '2026-11-02' },
    ]);
  });

  it('keeps the lines of a pair whose file cannot be read, and names the pairs of unreadable files', () => {
    const pairs = [aPair(1), aPair(2)];
    const first = reportOn('2026-10-27', pairs, []);
    expect(first.open.map((l) => l.pairId)).toEqual([idOf(1), idOf(2)]);
    // Pair 2's file broken by a hand edit: the one reader leaves it out and reports it.
    // A folder named by hand is counted, never repeated: it may be a name.
    const unreadable = [
      pairPath(idOf(2)),
      followUpPath(idOf(1), '2026-10-28T10:00:00Z', 'mentor'),
      `followups/${secret}/note.json`,
    ];
    const next = reportOn('2026-10-28', [aPair(1)], [], first.body, { unreadable });
    expect(next.open.map((l) => l.pairId)).toEqual([idOf(1), idOf(2)]);
    expect(next.settled).toEqual([]);
    expect(next.fresh).toEqual([]);
    expect(next.unreadable).toBe(3);
    expect(next.uncertain).toEqual([idOf(1), idOf(2)]);
    expect(next.body).toContain('3 fichiers n’ont pas pu être lus');
    expect(next.body).not.toContain(secret);
    expect(next.body).toContain(`${idOf(1)}, ${idOf(2)}.`);
  });

  it('announces new lines in one short comment naming the pair ids', () => {
    expect(
      freshLinesComment([
        { pairId: idOf(1), code: 'first-meeting-late', since: '2026-10-27' },
        { pairId: idOf(4), code: 'help-requested', since: '2026-11-02' },
      ]),
    ).toBe(
      `2 nouveaux points à traiter dans le suivi des binômes\u00a0: ${idOf(1)} (première rencontre non signalée), ${idOf(4)} (un participant demande à être contacté).`,
    );
  });

  it('writes nothing identifying over a year of weekly reports: ids, flags and days only', () => {
    const pairs = [
      aPair(1, [
        { type: 'paused', at: '2027-02-01T10:00:00.000Z', reason: secret },
        { type: 'resumed', at: '2027-03-01T10:00:00.000Z' },
        { type: 'closed', at: '2027-07-02T10:00:00.000Z', outcome: 'as-planned' },
      ]),
      aPair(2, [{ type: 'paused', at: '2027-05-01T10:00:00.000Z', reason: secret }]),
      aPair(3),
    ];
    const records = [
      checkIn(idOf(1), 'mentee', '2026-10-30', ['2026-10-29'], true),
      byCoordinator(idOf(1), 'contact', '2026-11-02'),
      checkIn(idOf(3), 'mentor', '2026-12-02', ['2026-11-27'], true),
      bilan(idOf(1), 'mentor', '2027-07-20'),
      bilan(idOf(3), 'mentee', '2027-07-21'),
    ];
    let body = '';
    const written: string[] = [];
    const seenCodes = new Set<string>();
    for (let day = '2026-10-05'; day <= '2027-09-30'; day = addDays(day, 7)) {
      const report = reportOn(day, pairs, records, body);
      body = report.body;
      written.push(report.title, report.body, freshLinesComment(report.fresh));
      for (const line of report.open) seenCodes.add(line.code);
    }
    expect([...seenCodes].sort()).toEqual([
      'bilan-missing',
      'check-in-overdue',
      'first-meeting-late',
      'help-requested',
      'inactive',
    ]);
    const all = written.join('\n');
    expect(all).not.toContain(secret);
    expect(all).not.toContain('zebulon');
    expect(all).not.toContain('choisir-dernier-stage');
    for (const pair of pairs) {
      expect(all).not.toContain(pair.mentor);
      expect(all).not.toContain(pair.mentee);
    }
  });
});
