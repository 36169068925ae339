import { linkedGroups, type CountSystem, type Sum } from './count-system.ts';
import { feasibleRange } from './feasible-range.ts';

/** A count as published: its value, or hidden because it is small or to protect a small one. */
export type PublishedCount = { value: number } | { hidden: 'small' | 'secondary' };

/** Whether what a reader can learn of a hidden count still protects it. */
export const wideEnough = (range: { min: number; max: number }, threshold: number): boolean =>
  range.max - range.min > threshold;

/**
 * Statistical confidentiality of a report's counts. Every count below `threshold` is hidden
 * (primary suppression); then, while some hidden count could be pinned down by combining the
 * published counts and totals (its feasible range no wider than the threshold), one more count
 * is hidden beside it (secondary suppression): among the counts it is summed with, the one that
 * protects it at the least cost (the smallest that is enough, else the one that helps most).
 * Hiding more never narrows a range, so it ends; at worst a whole group is hidden. Pure.
 */
export function suppressCounts(
  system: CountSystem,
  threshold: number,
): Map<string, PublishedCount> {
  const published = new Map<string, PublishedCount>();
  for (const [key, value] of system.counts)
    published.set(key, value < threshold ? { hidden: 'small' } : { value });
  for (const group of linkedGroups(system)) protectGroup(group, system, threshold, published);
  return published;
}

function protectGroup(
  group: { keys: string[]; sums: Sum[] },
  system: CountSystem,
  threshold: number,
  published: Map<string, PublishedCount>,
): void {
  const values = () => {
    const known = new Map<string, number>();
    for (const key of group.keys) {
      const count = published.get(key);
      if (count && 'value' in count) known.set(key, count.value);
    }
    return known;
  };
  const hidden = () => group.keys.filter((k) => !values().has(k));
  const neighbours = new Map<string, Set<string>>();
  for (const sum of group.sums)
    for (const key of [sum.total, ...sum.parts]) {
      let set = neighbours.get(key);
      if (!set) neighbours.set(key, (set = new Set()));
      for (const other of [sum.total, ...sum.parts]) if (other !== key) set.add(other);
    }
  const safe = new Set<string>();
  for (;;) {
    const known = values();
    let exposed: string | undefined;
    for (const key of hidden()) {
      if (safe.has(key)) continue;
      if (wideEnough(feasibleRange(key, group.sums, known), threshold)) safe.add(key);
      else {
        exposed = key;
        break;
      }
    }
    // Hiding more never narrows a range: what is safe stays safe.
    if (exposed === undefined) return;
    // What may protect it: one count it is summed with, or, in a table, the three other corners
    // of a rectangle through it; if all of those are hidden already, any count of the group.
    const moves = new Map<string, string[]>();
    const offer = (keys: string[]) => {
      const fresh = [...new Set(keys.filter((k) => known.has(k)))].sort();
      if (fresh.length > 0) moves.set(fresh.join(' '), fresh);
    };
    for (const key of neighbours.get(exposed) ?? []) offer([key]);
    for (const grid of system.grids)
      grid.forEach((row, r) =>
        row.forEach((key, c) => {
          if (key !== exposed) return;
          grid.forEach((other, r2) => {
            if (r2 === r) return;
            other.forEach((corner, c2) => {
              if (c2 !== c) offer([row[c2]!, other[c]!, corner]);
            });
          });
        }),
      );
    if (moves.size === 0) for (const key of group.keys) offer([key]);
    if (moves.size === 0)
      throw new Error('A hidden count stays exposed with every count hidden: a bug in the sums.');
    const scored = [...moves.values()].map((keys) => {
      const trial = new Map(known);
      for (const key of keys) trial.delete(key);
      const range = feasibleRange(exposed, group.sums, trial);
      const cost = keys.reduce((sum, key) => sum + (system.counts.get(key) ?? 0), 0);
      return { keys, width: range.max - range.min, cost };
    });
    // Enough protection at the least cost (the fewest people hidden), else the most protection.
    scored.sort((a, b) => {
      const enoughA = a.width > threshold;
      const enoughB = b.width > threshold;
      if (enoughA !== enoughB) return enoughA ? -1 : 1;
      if (!enoughA && a.width !== b.width) return b.width - a.width;
      return (
        a.cost - b.cost || a.keys.length - b.keys.length || (a.keys.join() < b.keys.join() ? -1 : 1)
      );
    });
    for (const key of scored[0]!.keys) published.set(key, { hidden: 'secondary' });
  }
}
