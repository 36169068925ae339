import type { CountBounds } from './programme-bounds.ts';
import type { PublishedCell } from '../reporting/published-csv.ts';

/** How the national table publishes a count (what a reader of the national table alone knows). */
export type NationalShown =
  | { value: number }
  /** The national count lies in this range (max null: unbounded), its small end not shown. */
  | { min: number | null; max: number | null }
  /** Below the threshold: « moins de 5 ». */
  | { below: number }
  /** Hidden to protect a small national count beside it: « masqué ». */
  | { masked: true };

export interface NationalCell extends Omit<PublishedCell, 'text'> {
  /** What the structures' published figures allow, summed: never published as such. */
  bounds: CountBounds;
  shown: NationalShown;
}

export interface NationalTable {
  threshold: number;
  programmes: number;
  cells: NationalCell[];
}

/**
 * The national count of each figure, from each structure's published figures only: a published
 * count adds itself, a hidden one the range its own report allows (`programmeBounds`), so the
 * national count is known to lie between the sums of the least and of the most. Structures share
 * no one, so these sums are the tightest bounds anyone can draw from what was published. The
 * layout (sections, tables, rows, columns) is the structures' own. Pure.
 */
export function nationalBounds(
  programmes: readonly {
    cells: readonly PublishedCell[];
    bounds: ReadonlyMap<string, CountBounds>;
  }[],
): { cells: Omit<NationalCell, 'shown'>[] } {
  const layout: Omit<PublishedCell, 'text'>[] = [];
  const seen = new Set<string>();
  for (const programme of programmes)
    for (const { section, table, row, column, key } of programme.cells) {
      const cell = { section, table, row, column, key };
      const where = [cell.section, cell.table, cell.row, cell.column].join('\u0000');
      if (seen.has(where)) continue;
      seen.add(where);
      layout.push(cell);
    }
  const totals = new Map<string, CountBounds>();
  for (const { key } of layout) {
    if (totals.has(key)) continue;
    let min = 0;
    let max: number | null = 0;
    for (const programme of programmes) {
      // A figure a structure does not publish at all is a count of nobody there.
      const b = programme.bounds.get(key) ?? { min: 0, max: 0 };
      min += b.min;
      max = max === null || b.max === null ? null : max + b.max;
    }
    totals.set(key, { min, max });
  }
  return { cells: layout.map((cell) => ({ ...cell, bounds: totals.get(cell.key)! })) };
}
