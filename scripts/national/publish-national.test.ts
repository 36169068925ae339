import { describe, expect, it } from 'vitest';
import { feasibleRange } from '../reporting/feasible-range.ts';
import { nationalBounds, type NationalShown } from './aggregate-national.ts';
import { nationalCsv, nationalLines, nationalText } from './national-text.ts';
import { nationalTable } from './national-table.ts';
import { programmeBounds } from './programme-bounds.ts';
import { publishNational } from './publish-national.ts';
import { readPublishedCsv, tableSums } from '../reporting/published-csv.ts';

/** A 2 × 2 table with its totals, as a structure's CSV publishes it (`t/<row>/<column>`). */
function structureCsv(cells: Record<string, string>): string {
  const rows = ['a', 'b', 'total'];
  const columns = ['x', 'y', 'total'];
  const label = (k: string) => (k === 'total' ? 'Total' : k.toUpperCase());
  return [
    'Rubrique;Tableau;Ligne;Colonne;Valeur;Clé',
    ...rows.flatMap((r) =>
      columns.map((c) => `R;T;${label(r)};${label(c)};${cells[`${r}/${c}`]};t/${r}/${c}`),
    ),
  ].join('\r\n');
}
const table = (counts: number[][], text = (n: number) => String(n)) => {
  const [[ax, ay], [bx, by]] = counts as [[number, number], [number, number]];
  return structureCsv({
    'a/x': text(ax),
    'a/y': text(ay),
    'a/total': text(ax + ay),
    'b/x': text(bx),
    'b/y': text(by),
    'b/total': text(bx + by),
    'total/x': text(ax + bx),
    'total/y': text(ay + by),
    'total/total': text(ax + ay + bx + by),
  });
};
const withBounds = (csv: string) => ({ csv, bounds: programmeBounds(csv) });

/** What a reader of the national table alone can learn of `key` (its exact counts, ranges, wording). */
function attackNational(national: ReturnType<typeof nationalTable>, key: string) {
  const known = new Map<string, number>();
  const atMost = new Map<string, number>();
  const atLeast = new Map<string, number>();
  for (const cell of national.cells) {
    const s: NationalShown = cell.shown;
    if ('value' in s) known.set(cell.key, s.value);
    else if ('below' in s) atMost.set(cell.key, s.below - 1);
    else if ('masked' in s) atLeast.set(cell.key, national.threshold);
    else {
      if (s.min !== null) atLeast.set(cell.key, s.min);
      if (s.max !== null) atMost.set(cell.key, s.max);
    }
  }
  return feasibleRange(key, tableSums(national.cells), known, { bounds: { atMost, atLeast } });
}

describe('the national table', () => {
  it('adds up what the structures published: exact where all published, a range where some hid', () => {
    const national = nationalTable(
      [
        withBounds(
          table([
            [12, 30],
            [20, 9],
          ]),
        ),
        withBounds(
          structureCsv({
            'a/x': 'moins de 5',
            'a/y': 'masqué',
            'a/total': '20',
            'b/x': 'masqué',
            'b/y': 'masqué',
            'b/total': '30',
            'total/x': '12',
            'total/y': '38',
            'total/total': '50',
          }),
        ),
      ],
      5,
    );
    const shown = (key: string) => national.cells.find((c) => c.key === key)!.shown;
    expect(shown('t/total/total')).toEqual({ value: 121 });
    expect(shown('t/a/total')).toEqual({ value: 62 });
    // 12 + [0, 4]; 30 + [16, 20]; 20 + [8, 12].
    expect(nationalText(shown('t/a/x'))).toBe('entre 12 et 16');
    expect(nationalText(shown('t/a/y'))).toBe('entre 46 et 50');
    expect(nationalText(shown('t/b/x'))).toBe('entre 28 et 32');
    expect(nationalLines(national).join('\n')).toContain(
      'A\u00a0: X entre 12 et 16\u202f; Y entre 46 et 50',
    );
    expect(nationalCsv(national)).toContain('R;T;A;X;entre 12 et 16;12;16;t/a/x\r\n');
  });

  it('shows no small national count, nor a small lower end', () => {
    const cells = (min: number, max: number | null) => [
      { section: 'R', table: 'T', row: 'A', column: 'X', key: 'k', bounds: { min, max } },
    ];
    const shown = (min: number, max: number | null) =>
      nationalText(publishNational(cells(min, max), 5, 2).cells[0]!.shown);
    expect(shown(3, 3)).toBe('moins de 5');
    expect(shown(0, 4)).toBe('moins de 5');
    expect(shown(2, 40)).toBe('au plus 40');
    expect(shown(7, 40)).toBe('entre 7 et 40');
    expect(shown(7, null)).toBe('au moins 7');
    expect(shown(0, null)).toBe('non estimable');
    expect(shown(1234, 1234)).toBe('1\u202f234');
  });

  it('masks more national counts when a structure’s lower threshold would let a small one be worked out', () => {
    // A structure publishing with a threshold of 3 shows a 3: nationally (threshold 5) it is
    // « moins de 5 », and its row's total minus its neighbour would give it back.
    const structures = [
      withBounds(
        table([
          [3, 10],
          [6, 8],
        ]),
      ),
    ];
    const unprotected = publishNational(
      nationalBounds(structures.map((p) => ({ cells: readPublishedCsv(p.csv), bounds: p.bounds })))
        .cells,
      5,
      1,
    );
    expect(unprotected.cells.find((c) => c.key === 't/a/x')!.shown).toEqual({ below: 5 });
    const national = nationalTable(structures, 5);
    const range = attackNational(national, 't/a/x');
    expect(range.max - range.min).toBeGreaterThanOrEqual(2);
    expect(national.cells.some((c) => 'masked' in c.shown)).toBe(true);
    // Without the masking, the reader gets it exactly.
    const naive = {
      ...national,
      cells: national.cells.map((c) =>
        c.key === 't/a/x' ? c : { ...c, shown: { value: c.bounds.min } satisfies NationalShown },
      ),
    };
    expect(attackNational(naive, 't/a/x')).toEqual({ min: 3, max: 3 });
  });
});
