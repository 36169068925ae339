import { linkedGroups } from '../reporting/count-system.ts';
import { feasibleRange } from '../reporting/feasible-range.ts';
import { protection } from '../reporting/suppress-counts.ts';
import type { NationalCell, NationalShown, NationalTable } from './aggregate-national.ts';
import { tableSums } from '../reporting/published-csv.ts';

/**
 * How a national count is first shown, from its bounds: exact when every structure published it;
 * « moins de 5 » when it cannot reach the threshold; otherwise its range, without a small lower
 * end (« au plus 40 » rather than « entre 2 et 40 »: how few there are is a small count too).
 */
function firstShown(bounds: NationalCell['bounds'], threshold: number): NationalShown {
  if (bounds.max !== null && bounds.max < threshold) return { below: threshold };
  if (bounds.max === bounds.min) return { value: bounds.min };
  return { min: bounds.min >= threshold ? bounds.min : null, max: bounds.max };
}

/**
 * The national table as it may be published, with the structures' own threshold. Drawn from the
 * published figures only, it can tell nothing a reader of every structure's report could not
 * work out already (the tests attack both together). Read alone, it must not give a small
 * national count away either: a structure that publishes with a lower threshold (3, say) makes
 * national counts of 3 or 4 exact, and a national total minus its published parts would pin
 * them. So every « moins de N » is attacked here with the reports' own linear programs, knowing
 * everything the national table says (exact counts, ranges, the totals of each table, the
 * wording), and must keep at least the uncertainty a structure's small count keeps
 * (`protection(threshold).needed.labelled`); while one does not, the exact count beside it
 * hiding the fewest people is masked (complementary suppression). Pure.
 */
export function publishNational(
  cells: readonly Omit<NationalCell, 'shown'>[],
  threshold: number,
  programmes: number,
): NationalTable {
  const shown = new Map<string, NationalShown>();
  for (const cell of cells)
    if (!shown.has(cell.key)) shown.set(cell.key, firstShown(cell.bounds, threshold));
  const sums = tableSums(cells);
  const groups = linkedGroups({
    counts: new Map([...shown.keys()].map((k) => [k, 0])),
    sums,
    inequalities: [],
    grids: [],
  });
  const needed = protection(threshold).needed.labelled;
  const exactValue = (key: string) => {
    const s = shown.get(key)!;
    return 'value' in s ? s.value : undefined;
  };
  for (const group of groups) {
    const neighbours = new Map<string, Set<string>>();
    for (const sum of group.sums)
      for (const key of [sum.total, ...sum.parts]) {
        let set = neighbours.get(key);
        if (!set) neighbours.set(key, (set = new Set()));
        for (const other of [sum.total, ...sum.parts]) if (other !== key) set.add(other);
      }
    const settled = new Set<string>();
    for (;;) {
      const known = new Map<string, number>();
      const atMost = new Map<string, number>();
      const atLeast = new Map<string, number>();
      for (const key of group.keys) {
        const s = shown.get(key)!;
        if ('value' in s) known.set(key, s.value);
        else if ('below' in s) atMost.set(key, s.below - 1);
        else if ('masked' in s) atLeast.set(key, threshold);
        else {
          if (s.min !== null) atLeast.set(key, s.min);
          if (s.max !== null) atMost.set(key, s.max);
        }
      }
      const exposed = group.keys.find((key) => {
        const s = shown.get(key)!;
        if (!('below' in s) || settled.has(key)) return false;
        const range = feasibleRange(key, group.sums, known, {
          bounds: { atMost, atLeast },
        });
        if (range.max - range.min >= needed) {
          // Masking more never narrows a range: what is protected stays protected.
          settled.add(key);
          return false;
        }
        return true;
      });
      if (exposed === undefined) break;
      const byFewest = (keys: Iterable<string>) =>
        [...keys]
          .filter((k) => exactValue(k) !== undefined)
          .sort((a, b) => exactValue(a)! - exactValue(b)! || (a < b ? -1 : 1));
      const candidate = byFewest(neighbours.get(exposed) ?? [])[0] ?? byFewest(group.keys)[0];
      // Nothing exact is left in its group: what pins it is nobody's exact count.
      if (candidate === undefined) settled.add(exposed);
      else shown.set(candidate, { masked: true });
    }
  }
  return {
    threshold,
    programmes,
    cells: cells.map((cell) => ({ ...cell, shown: shown.get(cell.key)! })),
  };
}
