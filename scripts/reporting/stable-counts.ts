import type { Sum } from './count-system.ts';
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

/** The cells of one CSV line, `;` between them, `"` around those that need it. */
export function csvCells(line: string): string[] | undefined {
  const cells: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let cell = '';
      at += 1;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (quote === -1) return undefined;
        cell += line.slice(at, quote);
        if (line[quote + 1] === '"') {
          cell += '"';
          at = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      cells.push(cell);
      if (at < line.length && line[at] !== ';') return undefined;
      at += 1;
    } else {
      const end = line.indexOf(';', at);
      cells.push(line.slice(at, end === -1 ? line.length : end));
      at = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
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
    const tables = new Map<string, Map<string, Map<string, string>>>();
    // Saved again by a spreadsheet, or through Git's line-ending conversion, lines end in LF.
    for (const line of csv.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      const cells = csvCells(line);
      if (!cells || cells.length !== 6 || cells[1] === 'Indicateurs' || cells[5] === 'Clé')
        continue;
      const [section, table, row, column, text, raw] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      if (!/^[a-z0-9-]+(\/[a-z0-9-]+)+$/.test(raw)) continue;
      const count: PublishedCount | undefined = /^[0-9]+$/.test(text)
        ? { value: Number(text) }
        : text === `moins de ${threshold}`
          ? { hidden: 'small' }
          : text === 'masqué'
            ? { hidden: 'secondary' }
            : undefined;
      if (!count) continue;
      const key = isStableKey(raw) ? raw : `rapport${n}:${raw}`;
      const known = shown.get(key);
      // Hidden anywhere wins: publishing it here would undo that report's protection.
      if (!known || 'hidden' in count) shown.set(key, count);
      const name = `${section}\u0000${table}`;
      let grid = tables.get(name);
      if (!grid) tables.set(name, (grid = new Map()));
      let cellsOfRow = grid.get(row);
      if (!cellsOfRow) grid.set(row, (cellsOfRow = new Map()));
      cellsOfRow.set(column, key);
    }
    for (const grid of tables.values()) {
      const rows = [...grid.keys()];
      const columns = [...new Set([...grid.values()].flatMap((r) => [...r.keys()]))];
      const inner = {
        rows: rows.filter((r) => r !== 'Total'),
        columns: columns.filter((c) => c !== 'Total'),
      };
      const at = (r: string, c: string) => grid.get(r)?.get(c);
      const add = (total: string | undefined, parts: (string | undefined)[]) => {
        if (total !== undefined && parts.every((p) => p !== undefined))
          sums.push({ total, parts: parts as string[] });
      };
      if (columns.includes('Total'))
        for (const r of rows)
          add(
            at(r, 'Total'),
            inner.columns.map((c) => at(r, c)),
          );
      if (rows.includes('Total'))
        for (const c of columns)
          add(
            at('Total', c),
            inner.rows.map((r) => at(r, c)),
          );
    }
  });
  return { shown, sums };
}
