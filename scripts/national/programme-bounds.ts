import { linkedGroups, type Inequality } from '../reporting/count-system.ts';
import { feasibleRange } from '../reporting/feasible-range.ts';
import { publishedText, readPublishedCsv, tableSums } from '../reporting/published-csv.ts';

/** The least and the most a count can be; `max` null when nothing published bounds it. */
export interface CountBounds {
  min: number;
  max: number | null;
}

/**
 * What a reader knows from its meaning, as the report's figures register it: the mentors who can
 * take a mentoré offer one place at least each.
 */
const orders: Inequality[] = [
  { smaller: 'mentors-disponibles/total/mentors', larger: ['effectifs/free-places/count'] },
];

/**
 * Every count of a structure's published `chiffres.csv`, as bounds: a published count is itself;
 * a hidden one ranges as far as the published counts, the tables' totals, the orders above and
 * the wording (« moins de 5 »: 0 to 4; « masqué »: 5 or more) allow, found with the report's own
 * linear programs (`feasibleRange`). Read from the CSV alone, as any reader could: the national
 * aggregation never sees a structure's records. Pure.
 */
export function programmeBounds(csv: string): Map<string, CountBounds> {
  const cells = readPublishedCsv(csv);
  const texts = new Map<string, NonNullable<ReturnType<typeof publishedText>>>();
  for (const cell of cells) {
    const text = publishedText(cell.text);
    if (text) texts.set(cell.key, text);
  }
  const sums = tableSums(cells).filter((s) => [s.total, ...s.parts].every((k) => texts.has(k)));
  const inequalities = orders.filter((o) => [o.smaller, ...o.larger].every((k) => texts.has(k)));
  const bounds = new Map<string, CountBounds>();
  const groups = linkedGroups({
    counts: new Map([...texts.keys()].map((k) => [k, 0])),
    sums,
    inequalities,
    grids: [],
  });
  for (const group of groups) {
    const known = new Map<string, number>();
    const atMost = new Map<string, number>();
    const atLeast = new Map<string, number>();
    for (const key of group.keys) {
      const text = texts.get(key)!;
      if ('value' in text) known.set(key, text.value);
      else if ('below' in text) atMost.set(key, text.below - 1);
      else atLeast.set(key, minimumMasked(texts));
    }
    for (const key of group.keys) {
      const value = known.get(key);
      if (value !== undefined) {
        bounds.set(key, { min: value, max: value });
        continue;
      }
      const range = feasibleRange(key, group.sums, known, {
        inequalities: group.inequalities,
        bounds: { atMost, atLeast },
      });
      // Counts are whole: the linear program's fractional ends round inwards.
      bounds.set(key, {
        min: Math.max(0, Math.ceil(range.min - 1e-6)),
        max: range.max === Infinity ? null : Math.floor(range.max + 1e-6),
      });
    }
  }
  return bounds;
}

/** « masqué » is not small: at least the threshold the same report's « moins de N » names. */
function minimumMasked(texts: ReadonlyMap<string, ReturnType<typeof publishedText>>): number {
  for (const text of texts.values()) if (text && 'below' in text) return text.below;
  // A report with no small count at all masks nothing either; 0 is then never used.
  return 0;
}
