import type { CountSystemBuilder } from './count-system.ts';

/** A table of a report as it is laid out: each cell names a count of the count system. */
export interface ReportTable {
  id: string;
  /** The table's caption, and the chart's title when it has one. */
  caption: string;
  /** The header of the first column (what the rows are). */
  corner: string;
  columns: string[];
  rows: { label: string; keys: string[]; total?: boolean }[];
  /** What a reader must know to read it right (a person counted in several rows, say). */
  note?: string;
  /** Drawn as a bar chart: the rows (totals left out) by the columns (totals left out). */
  chart?: { description: string; unit: string };
}

export interface Category {
  key: string;
  label: string;
}

export interface CrossTableSpec {
  id: string;
  caption: string;
  corner: string;
  rows: readonly Category[];
  columns: readonly Category[];
  count: (row: Category, column: Category) => number;
  /** A « Total » column (each row's total). */
  rowTotals?: boolean;
  /** A « Total » row (each column's total), with keys of its own or those another table publishes. */
  columnTotals?: boolean | { keys: readonly string[]; grand?: string };
  /**
   * Whether the rows add up to the totals; false when one person may be counted in several rows
   * (then the table has no total row or column).
   */
  additive?: boolean;
  note?: string;
  chart?: ReportTable['chart'];
}

/**
 * Registers a table's counts and how they add up in the report's count system, and returns its
 * layout. Keys are `<table>/<row>/<column>`, `total` for a total: stable, never a person's id.
 */
export function crossTable(system: CountSystemBuilder, spec: CrossTableSpec): ReportTable {
  const additive = spec.additive ?? true;
  const rowTotals = additive && spec.rowTotals === true;
  const columnTotals = additive && spec.columnTotals !== undefined && spec.columnTotals !== false;
  const shared = typeof spec.columnTotals === 'object' ? spec.columnTotals : undefined;
  const key = (row: string, column: string) => `${spec.id}/${row}/${column}`;
  const grid: string[][] = spec.rows.map((row) =>
    spec.columns.map((column) => system.count(key(row.key, column.key), spec.count(row, column))),
  );
  const counted = new Map<string, number>();
  spec.rows.forEach((row, r) =>
    spec.columns.forEach((column, c) => counted.set(grid[r]![c]!, spec.count(row, column))),
  );
  const sumOf = (total: string, parts: readonly string[]) => {
    const value = parts.reduce((sum, k) => sum + (counted.get(k) ?? 0), 0);
    system.count(total, value);
    counted.set(total, value);
    system.sum(total, parts);
    return total;
  };
  if (rowTotals)
    spec.rows.forEach((row, r) => grid[r]!.push(sumOf(key(row.key, 'total'), [...grid[r]!])));
  if (columnTotals) {
    const totals = spec.columns.map((column, c) =>
      sumOf(
        shared?.keys[c] ?? key('total', column.key),
        grid.map((row) => row[c]!),
      ),
    );
    if (rowTotals) {
      const grand = sumOf(shared?.grand ?? key('total', 'total'), totals);
      // The same total, the other way round: a reader may add up either.
      system.sum(
        grand,
        grid.map((row) => row.at(-1)!),
      );
      totals.push(grand);
    }
    grid.push(totals);
  }
  system.grid(grid);
  const columns = [...spec.columns.map((c) => c.label), ...(rowTotals ? ['Total'] : [])];
  return {
    id: spec.id,
    caption: spec.caption,
    corner: spec.corner,
    columns,
    rows: [
      ...spec.rows.map((row, r) => ({ label: row.label, keys: grid[r]! })),
      ...(columnTotals ? [{ label: 'Total', keys: grid.at(-1)!, total: true }] : []),
    ],
    ...(spec.note ? { note: spec.note } : {}),
    ...(spec.chart ? { chart: spec.chart } : {}),
  };
}
