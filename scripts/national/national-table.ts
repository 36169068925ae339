import { nationalBounds, type NationalTable } from './aggregate-national.ts';
import type { CountBounds } from './programme-bounds.ts';
import { publishNational } from './publish-national.ts';
import { readPublishedCsv } from '../reporting/published-csv.ts';

/**
 * The national table of structures' published CSVs (in the order given, which fixes the
 * layout), each with its `programmeBounds`: summed, then published with `threshold`. Pure.
 */
export function nationalTable(
  programmes: readonly { csv: string; bounds: ReadonlyMap<string, CountBounds> }[],
  threshold: number,
): NationalTable {
  const { cells } = nationalBounds(
    programmes.map((p) => ({ cells: readPublishedCsv(p.csv), bounds: p.bounds })),
  );
  return publishNational(cells, threshold, programmes.length);
}
