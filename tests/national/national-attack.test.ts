import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { countryPlan } from '../../scripts/national/country-plan.ts';
import { nationalCsv } from '../../scripts/national/national-text.ts';
import { nationalTable } from '../../scripts/national/national-table.ts';
import { programmeBounds } from '../../scripts/national/programme-bounds.ts';
import { programmeFigures, runProgramme } from '../../scripts/national/run-programme.ts';
import { attackCountry, type CountryRange } from './national-attack.ts';

// The national figures attacked (issue: the national scale). A reader holding every structure's
// published CSV and the national table tries to work out a count a structure hid: the national
// table must teach them nothing more than the structures' own reports do, so every hidden count
// stays protected; and a national table of true totals, as structures sending their unsuppressed
// figures would allow, gives counts away, which shows the attack can find them.

const threshold = 5;
const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
// Small structures: many hidden counts, and keys hidden in one structure only.
const plan = countryPlan({ total: 320, programmes: 4, seed: 11 });
const runs = plan.map((spec) => runProgramme(spec, settings));
const csvs = runs.map((r) => r.csv);
const national = nationalTable(
  csvs.map((csv) => ({ csv, bounds: programmeBounds(csv) })),
  threshold,
);
const truth = plan.map((spec) => programmeFigures(spec, settings).figures.system.counts);
const width = (r: { min: number; max: number }) => r.max - r.min;
const where = (r: CountryRange) => `${r.programme}: ${r.key}`;

describe('the national table, attacked with every structure’s report', () => {
  it('holds the true national count of every figure within what it publishes', () => {
    for (const cell of national.cells) {
      const sum = truth.reduce((s, counts) => s + counts.get(cell.key)!, 0);
      const s = cell.shown;
      if ('value' in s) expect(sum, cell.key).toBe(s.value);
      else if ('below' in s) expect(sum, cell.key).toBeLessThan(s.below);
      else if ('masked' in s) expect(sum, cell.key).toBeGreaterThanOrEqual(threshold);
      else {
        if (s.min !== null) expect(sum, cell.key).toBeGreaterThanOrEqual(s.min);
        if (s.max !== null) expect(sum, cell.key).toBeLessThanOrEqual(s.max);
      }
    }
  });

  it('lets no one work out a count a structure hid, nor narrow it', async () => {
    // Each structure's report alone (smaller programs: the same ranges as all of them side by side).
    const alone = (await Promise.all(csvs.map((csv) => attackCountry([csv], undefined)))).flatMap(
      (ranges, p) => ranges.map((r) => ({ ...r, programme: p })),
    );
    const together = await attackCountry(csvs, nationalCsv(national));
    expect(together.length).toBeGreaterThan(120);
    expect(together.some((r) => r.shown === 'masqué')).toBe(true);
    const before = new Map(alone.map((r) => [where(r), r]));
    for (const range of together) {
      const earlier = before.get(where(range))!;
      // The national ranges were drawn with the wording (« moins de 5 » is 0 to 4), so even a
      // reader who ignores it learns no more than the reports read with it. Whole counts: the
      // national figures' integer ends may trim a fraction, never a person.
      expect(range.labelled.min - earlier.labelled.min, where(range)).toBeLessThan(1);
      expect(earlier.labelled.max - range.labelled.max, where(range)).toBeLessThan(1);
      expect(range.plain.min - earlier.labelled.min, where(range)).toBeLessThan(1);
      expect(earlier.labelled.max - range.plain.max, where(range)).toBeLessThan(1);
      // And so the structures' protection holds with the national table beside their reports.
      if (range.shown === `moins de ${threshold}`)
        expect(width(range.labelled), where(range)).toBeGreaterThanOrEqual(2);
    }
  });

  it('would give counts away if it published true national totals (the attack finds them)', async () => {
    const exact = nationalCsv({
      ...national,
      cells: national.cells.map((cell) => ({
        ...cell,
        shown: { value: truth.reduce((s, counts) => s + counts.get(cell.key)!, 0) },
      })),
    });
    // The keys one structure alone hid: the national total minus the others' published counts.
    const hiddenBy = new Map<string, number>();
    runs.forEach((run) => {
      for (const line of run.csv.split('\r\n')) {
        const key = line.split(';').at(-1)!;
        if (/;(moins de 5|masqué);[^;]+$/.test(line))
          hiddenBy.set(key, (hiddenBy.get(key) ?? 0) + 1);
      }
    });
    const lonely = new Set([...hiddenBy].filter(([, n]) => n === 1).map(([key]) => key));
    expect(lonely.size).toBeGreaterThan(0);
    const ranges = await attackCountry(csvs, exact, { only: (_, key) => lonely.has(key) });
    const pinned = ranges.filter((r) => width(r.labelled) < 1e-6);
    expect(pinned.length).toBeGreaterThan(0);
    for (const r of pinned) expect(r.labelled.min, where(r)).toBe(truth[r.programme]!.get(r.key));
  });
});
