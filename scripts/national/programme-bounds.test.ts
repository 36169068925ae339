import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { countryPlan } from './country-plan.ts';
import { programmeBounds } from './programme-bounds.ts';
import { publishedText, readPublishedCsv } from '../reporting/published-csv.ts';
import { programmeFigures, runProgramme } from './run-programme.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));

describe('what a structure’s published CSV tells of each count', () => {
  const plan = countryPlan({ total: 3_000, programmes: 20, seed: 2 });

  it('holds every true count, published ones exactly, hidden ones within a range', () => {
    for (const spec of [plan[0]!, { ...plan[1]!, mentees: 60, mentors: 30 }]) {
      const csv = runProgramme(spec, settings).csv;
      const bounds = programmeBounds(csv);
      const truth = programmeFigures(spec, settings).figures.system.counts;
      expect([...bounds.keys()].sort()).toEqual([...truth.keys()].sort());
      let hidden = 0;
      for (const cell of readPublishedCsv(csv)) {
        const b = bounds.get(cell.key)!;
        const value = truth.get(cell.key)!;
        expect(value, cell.key).toBeGreaterThanOrEqual(b.min);
        if (b.max !== null) expect(value, cell.key).toBeLessThanOrEqual(b.max);
        const text = publishedText(cell.text)!;
        if ('value' in text) expect(b).toEqual({ min: value, max: value });
        else {
          hidden += 1;
          expect(b.max === null || b.max > b.min, cell.key).toBe(true);
          if ('below' in text) expect(b.max).toBeLessThanOrEqual(4);
          else expect(b.min).toBeGreaterThanOrEqual(5);
        }
      }
      expect(hidden).toBeGreaterThan(20);
    }
  });

  it('uses the totals: a hidden count beside published ones is bounded by its row’s total', () => {
    // A 2 × 2 table with totals, one count small and three masked to protect it.
    const csv = [
      'Rubrique;Tableau;Ligne;Colonne;Valeur;Clé',
      'R;T;A;X;moins de 5;t/a/x',
      'R;T;A;Y;masqué;t/a/y',
      'R;T;A;Total;20;t/a/total',
      'R;T;B;X;masqué;t/b/x',
      'R;T;B;Y;masqué;t/b/y',
      'R;T;B;Total;30;t/b/total',
      'R;T;Total;X;12;t/total/x',
      'R;T;Total;Y;38;t/total/y',
      'R;T;Total;Total;50;t/total/total',
    ].join('\r\n');
    const bounds = programmeBounds(csv);
    // a/x ≤ 4 ⇒ a/y = 20 − a/x ≥ 16; b/x = 12 − a/x ∈ [8, 12].
    expect(bounds.get('t/a/x')).toEqual({ min: 0, max: 4 });
    expect(bounds.get('t/a/y')).toEqual({ min: 16, max: 20 });
    expect(bounds.get('t/b/x')).toEqual({ min: 8, max: 12 });
    expect(bounds.get('t/total/total')).toEqual({ min: 50, max: 50 });
  });
});
