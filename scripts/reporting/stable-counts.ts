import type { Sum } from './count-system.ts';
import { publishedText, readPublishedCsv, tableSums, type PublishedCell } from './published-csv.ts';
import type { PublishedCount } from './suppress-counts.ts';

/**
 * Whether a count is the same in every report that holds it, whenever compiled: a month's
 * applications by role (erasures keep them). A reader putting a month's report beside its school
 * year's reads it in both: the reports are protected together (`OtherReports`).
 */
export const isStableKey = (key: string): boolean =>
  /^candidatures\/[0-9]{4}-(0[1-9]|1[0-2])\/(mentor|mentee|total)$/.test(key);

/**
 * The reports already published, as a reader has them: each count as shown, and the sums their
 * tables show (a « Total » row or column). Their counts are named `rapport<n>:<key>`, except the
 * stable ones, which are one count across reports.
 */
export interface OtherReports {
  shown: Map<string, PublishedCount>;
  sums: Sum[];
}

/**
 * The other reports' CSVs (as this project writes them: rubric, table, row, column, value, key),
 * read as a reader would combine them. A line this does not recognise (a file edited by hand) is
 * skipped: it can make the protection weaker across reports, never fail a report. Pure.
 */
export function otherReports(csvs: readonly string[], threshold: number): OtherReports {
  const shown = new Map<string, PublishedCount>();
  const sums: Sum[] = [];
  csvs.forEach((csv, n) => {
    const cells: PublishedCell[] = [];
    for (const cell of readPublishedCsv(csv)) {
      const said = publishedText(cell.text);
      const count: PublishedCount | undefined = !said
        ? undefined
        : 'value' in said
          ? said
          : 'masked' in said
            ? { hidden: 'secondary' }
            : said.below === threshold
              ? { hidden: 'small' }
              : undefined;
      if (!count) continue;
      const key = isStableKey(cell.key) ? cell.key : `rapport${n}:${cell.key}`;
      const known = shown.get(key);
      // Hidden anywhere wins: publishing it here would undo that report's protection.
      if (!known || 'hidden' in count) shown.set(key, count);
      cells.push({ ...cell, key });
    }
    sums.push(...tableSums(cells));
  });
  return { shown, sums };
}
