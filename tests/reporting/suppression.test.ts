import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpRulesFrom } from '../../scripts/followup/follow-up-rules.ts';
import { compileReport } from '../../scripts/reporting/compile-report.ts';
import { CountSystemBuilder } from '../../scripts/reporting/count-system.ts';
import { publishReport, type PublishedReport } from '../../scripts/reporting/publish-report.ts';
import { reportCsv } from '../../scripts/reporting/report-csv.ts';
import { reportPeriod } from '../../scripts/reporting/report-period.ts';
import { otherReports } from '../../scripts/reporting/stable-counts.ts';
import { seededRandom } from '../../scripts/dev/matching-people.ts';
import { aBilanRecord } from '../helpers/follow-up-records.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { crossTable } from '../../scripts/reporting/report-table.ts';
import type { PublishedCount } from '../../scripts/reporting/suppress-counts.ts';
import { programmeSettings } from '../helpers/intake-harness.ts';
import { goldenProgramme } from '../helpers/report-programme.ts';
import { attackCsv, type HiddenRange } from './suppression-attack.ts';

// Issue 13: the suppression attacked. For every hidden count of a published report, a linear
// program (HiGHS) finds the least and the most it can be given everything published; the range
// must be wider than the threshold. The attack reads the CSV only (./suppression-attack.ts).

const threshold = 5;
const settings = programmeSettings();
const period = reportPeriod('2026-2027', settings.cohorts);

/** A one-table report of `counts` (rows × columns, with totals), published by `cells`. */
function oneTable(
  counts: number[][],
  publish: (system: ReturnType<CountSystemBuilder['build']>) => Map<string, PublishedCount>,
): PublishedReport {
  const builder = new CountSystemBuilder();
  const table = crossTable(builder, {
    id: 'essai',
    caption: 'Essai',
    corner: 'Ligne',
    rows: counts.map((_, r) => ({ key: `r${r}`, label: `Ligne ${r + 1}` })),
    columns: counts[0]!.map((_, c) => ({ key: `c${c}`, label: `Colonne ${c + 1}` })),
    count: (row, column) => counts[Number(row.key.slice(1))]![Number(column.key.slice(1))]!,
    rowTotals: true,
    columnTotals: true,
  });
  const system = builder.build();
  return {
    period,
    day: '2027-08-31',
    threshold,
    cells: publish(system),
    sections: [{ id: 'essai', heading: 'Essai', paragraphs: [], statistics: [], tables: [table] }],
    quotes: { quotes: [] },
  };
}

const primaryOnly = (system: ReturnType<CountSystemBuilder['build']>) =>
  new Map<string, PublishedCount>(
    [...system.counts].map(([k, v]) => [k, v < threshold ? { hidden: 'small' } : { value: v }]),
  );
const suppressed = (system: ReturnType<CountSystemBuilder['build']>) =>
  publishReport({ period, day: '2027-08-31', threshold, system, sections: [] }, { quotes: [] })
    .cells as Map<string, PublishedCount>;

const width = (r: { min: number; max: number }) => r.max - r.min;

/**
 * What protection means: from what is published, a hidden count ranges over more than the
 * threshold; and a small one, knowing also what the wording says, over half its label at least
 * (two values or more around it: never the count itself).
 */
function expectProtected(ranges: HiddenRange[]) {
  for (const range of ranges) {
    const where = range.cell.join(' / ');
    expect(width(range), where).toBeGreaterThan(threshold);
    if (range.shown === `moins de ${threshold}`)
      expect(width(range.labelled), `${where} (wording known)`).toBeGreaterThanOrEqual(
        Math.ceil((threshold - 1) / 2),
      );
  }
}

/** `records`' report for the period `id`, counted up to `day`, beside `otherReports` (CSVs). */
const compileIn = (
  records: ReturnType<typeof goldenProgramme>['records'],
  id: string,
  day: string,
  otherReports: string[],
) =>
  compileReport({
    period: reportPeriod(id, settings.cohorts),
    day,
    records,
    settings: { ...settings, followUp: followUpRulesFrom(settings), threshold },
    terms: undefined,
    programme: 'Essai',
    otherReports,
  });
const csvOf = (report: ReturnType<typeof compileReport>) =>
  report.files.find((f) => f.path === 'chiffres.csv')!.content;

/** The golden programme's report for its school year. */
const goldenReport = () =>
  compileReport({
    period,
    day: '2027-08-31',
    records: goldenProgramme().records,
    settings: { ...settings, followUp: followUpRulesFrom(settings), threshold },
    terms: undefined,
    programme: 'Essai',
  });

describe('the suppression of small counts, attacked', () => {
  it('gives a small count back exactly when only small counts are hidden, and protects it once suppression is done', async () => {
    // One small count (2), alone in its row and in its column: its row total minus the two
    // published counts beside it gives it back.
    const counts = [
      [2, 9, 8],
      [7, 12, 6],
      [10, 11, 14],
    ];
    const naive = await attackCsv(reportCsv(oneTable(counts, primaryOnly)));
    expect(naive.map((r) => [r.shown, r.min, r.max])).toEqual([['moins de 5', 2, 2]]);

    const protectedRanges = await attackCsv(reportCsv(oneTable(counts, suppressed)));
    expect(protectedRanges.length).toBeGreaterThan(1);
    expectProtected(protectedRanges);
  });

  it('keeps a small count from being read off its wording: three « moins de 5 » adding up to 12 are three 4s', async () => {
    const counts = [
      [4, 4, 4],
      [6, 4, 2],
    ];
    const naive = await attackCsv(reportCsv(oneTable(counts, primaryOnly)));
    // Knowing only that counts are not negative, nothing is pinned; knowing the wording, all are.
    expect(
      naive.find((r) => r.cell[2] === 'Ligne 1' && r.cell[3] === 'Colonne 1')!.labelled,
    ).toEqual({
      min: 4,
      max: 4,
    });
    expectProtected(await attackCsv(reportCsv(oneTable(counts, suppressed))));
  });

  it('protects every hidden count of random small tables', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((rows) =>
          fc.integer({ min: 2, max: 3 }).chain((columns) =>
            fc.array(
              fc.array(fc.integer({ min: 0, max: 14 }), { minLength: columns, maxLength: columns }),
              {
                minLength: rows,
                maxLength: rows,
              },
            ),
          ),
        ),
        async (counts) => {
          expectProtected(await attackCsv(reportCsv(oneTable(counts, suppressed))));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('protects every hidden count of the golden programme’s whole report, tables combined', async () => {
    const report = goldenReport();
    const csv = report.files.find((f) => f.path === 'chiffres.csv')!.content;
    const ranges = await attackCsv(csv);
    expect(ranges.length).toBeGreaterThan(20);
    expect(ranges.some((r) => r.shown === 'masqué')).toBe(true);
    expectProtected(ranges);
  });

  it('protects the counts a month’s report shares with others, read side by side', async () => {
    // One November mentor moved to December: November's and December's mentors are small.
    const { records } = goldenProgramme();
    const moved = records.applications.find((a) => a.id === 'mentor-gold11')!;
    moved.submittedAt = '2026-12-07T10:00:00.000Z';
    const compile = (id: string, day: string, otherReports: string[]) =>
      csvOf(compileIn(records, id, day, otherReports));
    const months: [string, string][] = [
      ['2026-10', '2026-10-31'],
      ['2026-11', '2026-11-30'],
      ['2026-12', '2026-12-31'],
    ];
    // Each compiled blind to the others: side by side, they give counts away.
    const blind = [
      ...months.map(([id, day]) => compile(id, day, [])),
      compile('2026-2027', '2027-08-31', []),
    ];
    const exposed = (await attackCsv(blind)).filter((r) => width(r) <= threshold);
    expect(exposed.length).toBeGreaterThan(0);
    // Each compiled knowing those published before it: protected together.
    const published: string[] = [];
    for (const [id, day] of months) published.push(compile(id, day, [...published]));
    published.push(compile('2026-2027', '2027-08-31', [...published]));
    expectProtected(await attackCsv(published));
  });

  it('leaves pairs and bilans to the school year: its months’ reports give nothing of them away', async () => {
    // Twenty more pairs, whose bilans are sent in July or August: the year's are the sum.
    const { records } = goldenProgramme();
    const pairs = records.pairs as Pair[];
    const followUps = records.followUps as Map<string, FollowUp[]>;
    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let i = 10; i < 30; i += 1) {
      const id = `pair-extr${String(i).padStart(2, '0')}-extr${String(i).padStart(2, '0')}`;
      pairs.push({ ...structuredClone(pairs[0]!), id });
      followUps.set(
        id,
        (['mentor', 'mentee'] as const).map((role) =>
          aBilanRecord(id, role, random() < 0.5 ? '2027-07-13' : '2027-08-10', {
            satisfaction: pick([5, 5, 5, 4, 4, 3]),
            objectivesReached: pick(['yes', 'yes', 'partly'] as const),
            wouldRecommend: pick(['yes', 'yes', 'yes', 'no'] as const),
          }),
        ),
      );
    }
    const compile = (id: string, day: string, otherReports: string[]) =>
      csvOf(compileIn(records, id, day, otherReports));
    const published: string[] = [];
    published.push(compile('2027-07', '2027-07-31', []));
    published.push(compile('2027-08', '2027-08-31', [...published]));
    published.push(compile('2026-2027', '2027-08-31', [...published]));
    for (const month of published.slice(0, 2))
      expect(month).not.toMatch(/;(bilans|binomes|delai|objectifs)\//);
    // The year's bilans, read beside its months' reports, stay protected.
    expectProtected(
      await attackCsv(published, { threshold, only: (cell) => /Bilans de fin/.test(cell[0]) }),
    );
  });

  it('never fails because of the reports already published: edited, re-saved or compiled in another order', () => {
    const { records } = goldenProgramme();
    const compile = (id: string, day: string, otherReports: string[]) =>
      compileIn(records, id, day, otherReports);
    const csv = csvOf;
    const october = csv(compile('2026-10', '2026-10-31', []));
    // A year compiled in the middle of the year, then the month: both compile.
    const midYear = csv(compile('2026-2027', '2026-11-12', [october]));
    expect(compile('2026-11', '2026-11-30', [october, midYear]).warning).toBeUndefined();
    // Counts edited by hand so that they no longer add up: the year is compiled, protected
    // without the others, and says so.
    const edited = october
      .replace(/;[^;]*;candidatures\/2026-10\/mentor\r\n/g, ';8;candidatures/2026-10/mentor\r\n')
      .replace(/;[^;]*;candidatures\/2026-10\/mentee\r\n/g, ';6;candidatures/2026-10/mentee\r\n')
      .replace(/;[^;]*;candidatures\/2026-10\/total\r\n/g, ';13;candidatures/2026-10/total\r\n');
    expect(edited).toContain(';8;candidatures/2026-10/mentor');
    const year = compile('2026-2027', '2027-08-31', [edited]);
    expect(year.warning).toContain('ne correspondent plus aux données');
    // Re-saved with LF line ends: read all the same.
    const lf = otherReports([october.replaceAll('\r\n', '\n')], threshold);
    expect(lf.shown.size).toBeGreaterThan(0);
    expect(lf).toEqual(otherReports([october], threshold));
  });

  it('names a count laid out twice alike, so that a reader (and the attack) knows it is one', () => {
    const report = goldenReport();
    const places = new Map<string, Set<string>>();
    for (const section of report.published.sections)
      for (const table of section.tables)
        for (const row of table.rows)
          for (const key of row.keys)
            places.set(key, new Set([...(places.get(key) ?? []), table.caption]));
    const shared = [...places].filter(([, tables]) => tables.size > 1).map(([key]) => key);
    expect(shared).toEqual(
      expect.arrayContaining([
        'candidatures/total/total',
        'binomes/total/count',
        'bilans/total/mentor',
      ]),
    );
    const csv = report.files.find((f) => f.path === 'chiffres.csv')!.content;
    for (const key of shared) {
      const shown = new Set(
        csv
          .split('\r\n')
          .filter((line) => line.endsWith(`;${key}`))
          .map((line) => line.split(';').at(-2)),
      );
      expect(shown.size, key).toBe(1);
    }
  });
});
