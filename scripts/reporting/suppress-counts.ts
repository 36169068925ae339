import { linkedGroups, type CountSystem } from './count-system.ts';
import { feasibleRange } from './feasible-range.ts';
import type { OtherReports } from './stable-counts.ts';

/** A count as published: its value, or hidden because it is small or to protect a small one. */
export type PublishedCount = { value: number } | { hidden: 'small' | 'secondary' };

/**
 * Whether what a reader can learn of a hidden count still protects it. From the published counts
 * and the sums alone (counts never negative), its range must be wider than the threshold; and
 * for a small count, also knowing what the wording says (« moins de 5 » is 0 to 4, « masqué » 5
 * or more), the reader must be left with at least half the label's own uncertainty: never the
 * count itself, nor two values only.
 */
export function protection(threshold: number): {
  needed: { plain: number; labelled: number };
  wideEnough: (plain: Range, labelled: Range | undefined) => boolean;
} {
  const labelled = Math.ceil((threshold - 1) / 2);
  return {
    needed: { plain: threshold, labelled },
    wideEnough: (plain, worded) =>
      plain.max - plain.min > threshold &&
      (worded === undefined || worded.max - worded.min >= labelled),
  };
}

interface Range {
  min: number;
  max: number;
}

/**
 * Statistical confidentiality of a report's counts. Every count below `threshold` is hidden
 * (primary suppression); then, while some hidden count is not protected (see `protection`:
 * combining the published counts, totals and orders pins it too closely), more counts are hidden
 * beside it (secondary suppression): a count it is summed with, or the three other corners of a
 * rectangle through it in its table, whichever protects it while hiding the fewest people, else
 * the one that helps most. Hiding more never narrows a range, so it ends; at worst a whole group
 * is hidden. Pure.
 */
export function suppressCounts(
  system: CountSystem,
  threshold: number,
  others: OtherReports = { shown: new Map(), sums: [] },
): Map<string, PublishedCount> {
  // The reports already published join this one: their counts as shown, their sums. A stable
  // count they give another value (records changed since) is theirs alone.
  const rename = (key: string) => {
    const there = others.shown.get(key);
    const here = system.counts.get(key);
    return here !== undefined && there && 'value' in there && there.value !== here
      ? `ailleurs:${key}`
      : key;
  };
  const theirs = new Map([...others.shown].map(([key, count]) => [rename(key), count]));
  const extended: CountSystem = {
    counts: new Map([
      ...system.counts,
      ...[...theirs.keys()].filter((k) => !system.counts.has(k)).map((k) => [k, 0] as const),
    ]),
    sums: [
      ...system.sums,
      ...others.sums.map((sum) => ({ total: rename(sum.total), parts: sum.parts.map(rename) })),
    ],
    inequalities: system.inequalities,
    grids: system.grids,
  };
  const published = new Map<string, PublishedCount>();
  // A count other reports published as it is here stays published (a reader has it anyway, so
  // it cannot be hidden to protect another); one they hid stays hidden.
  const fixed = new Set<string>();
  for (const [key, value] of system.counts) {
    const there = theirs.get(key);
    if (value < threshold) published.set(key, { hidden: 'small' });
    else if (there && 'hidden' in there) published.set(key, { hidden: 'secondary' });
    else {
      published.set(key, { value });
      if (there) fixed.add(key);
    }
  }
  for (const [key, count] of theirs) if (!system.counts.has(key)) published.set(key, count);
  for (const group of linkedGroups(extended)) {
    // A group of the other reports' counts alone is theirs: this report changes nothing there.
    if (!group.keys.some((key) => system.counts.has(key))) continue;
    protectGroup(group, extended, threshold, published, {
      fixed,
      own: (key) => system.counts.has(key),
      // What a reader knows a hidden count's wording to be: this report's, or the other one's.
      small: (key) =>
        system.counts.has(key)
          ? (system.counts.get(key) ?? 0) < threshold
          : (() => {
              const count = theirs.get(key);
              return count !== undefined && 'hidden' in count && count.hidden === 'small';
            })(),
    });
  }
  return new Map([...published].filter(([key]) => system.counts.has(key)));
}

function protectGroup(
  group: ReturnType<typeof linkedGroups>[number],
  system: CountSystem,
  threshold: number,
  published: Map<string, PublishedCount>,
  scope: {
    fixed: ReadonlySet<string>;
    own: (key: string) => boolean;
    small: (key: string) => boolean;
  },
): void {
  const { wideEnough } = protection(threshold);
  const values = () => {
    const known = new Map<string, number>();
    for (const key of group.keys) {
      const count = published.get(key);
      if (count && 'value' in count) known.set(key, count.value);
    }
    return known;
  };
  const small = scope.small;
  /** What the wording of each hidden count tells. */
  const bounds = (known: ReadonlyMap<string, number>) => {
    const atMost = new Map<string, number>();
    const atLeast = new Map<string, number>();
    for (const key of group.keys)
      if (!known.has(key))
        (small(key) ? atMost : atLeast).set(key, small(key) ? threshold - 1 : threshold);
    return { atMost, atLeast };
  };
  const ranges = (key: string, known: ReadonlyMap<string, number>) => {
    const plain = feasibleRange(key, group.sums, known, { inequalities: group.inequalities });
    const labelled = small(key)
      ? feasibleRange(key, group.sums, known, {
          inequalities: group.inequalities,
          bounds: bounds(known),
        })
      : undefined;
    return { plain, labelled };
  };
  const score = ({ plain, labelled }: ReturnType<typeof ranges>) =>
    Math.min(
      (plain.max - plain.min) / (threshold + 1),
      labelled
        ? (labelled.max - labelled.min) / Math.max(1, protection(threshold).needed.labelled)
        : Infinity,
    );
  const neighbours = new Map<string, Set<string>>();
  const link = (keys: readonly string[]) => {
    for (const key of keys) {
      let set = neighbours.get(key);
      if (!set) neighbours.set(key, (set = new Set()));
      for (const other of keys) if (other !== key) set.add(other);
    }
  };
  for (const sum of group.sums) link([sum.total, ...sum.parts]);
  for (const inequality of group.inequalities) link([inequality.smaller, ...inequality.larger]);
  const safe = new Set<string>();
  for (;;) {
    const known = values();
    let exposed: string | undefined;
    for (const key of group.keys.filter((k) => !known.has(k))) {
      if (safe.has(key)) continue;
      const r = ranges(key, known);
      if (wideEnough(r.plain, r.labelled)) safe.add(key);
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
    // Only this report's counts can still be hidden; those the other reports published cannot.
    const offer = (keys: string[]) => {
      if (keys.some((k) => scope.fixed.has(k) || !scope.own(k))) return;
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
    if (moves.size === 0) {
      // Everything this report could hide is hidden: what still pins it is what other reports
      // published already, which no choice here can take back.
      safe.add(exposed);
      continue;
    }
    const scored = [...moves.values()].map((keys) => {
      const trial = new Map(known);
      for (const key of keys) trial.delete(key);
      const r = ranges(exposed, trial);
      const cost = keys.reduce((sum, key) => sum + (system.counts.get(key) ?? 0), 0);
      return { keys, enough: wideEnough(r.plain, r.labelled), score: score(r), cost };
    });
    // Enough protection at the least cost (the fewest people hidden), else the most protection.
    scored.sort((a, b) => {
      if (a.enough !== b.enough) return a.enough ? -1 : 1;
      if (!a.enough && a.score !== b.score) return b.score - a.score;
      return (
        a.cost - b.cost || a.keys.length - b.keys.length || (a.keys.join() < b.keys.join() ? -1 : 1)
      );
    });
    for (const key of scored[0]!.keys) published.set(key, { hidden: 'secondary' });
  }
}
