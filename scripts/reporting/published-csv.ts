import type { Sum } from './count-system.ts';

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

/** What a published cell says of its count. */
export type PublishedText = { value: number } | { below: number } | { masked: true };

/** One cell of a published table, as a reader of `chiffres.csv` has it. */
export interface PublishedCell {
  section: string;
  table: string;
  row: string;
  column: string;
  /** The figure's key (the CSV's last column): the same count in every structure's report. */
  key: string;
  text: string;
}

/**
 * The table cells of a structure's published `chiffres.csv` (rubric, table, row, column, value,
 * key), statistics left out: medians and rates of different structures do not add up. Pure.
 */
export function readPublishedCsv(csv: string): PublishedCell[] {
  const cells: PublishedCell[] = [];
  for (const line of csv.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const parts = csvCells(line);
    if (!parts || parts.length !== 6) continue;
    const [section, table, row, column, text, key] = parts as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (table === 'Indicateurs' || key === 'Clé' || !/^[a-z0-9-]+(\/[a-z0-9-]+)+$/.test(key))
      continue;
    cells.push({ section, table, row, column, key, text });
  }
  return cells;
}

/** A cell's wording read back: a number, « moins de N », or « masqué »; undefined otherwise. */
export function publishedText(text: string): PublishedText | undefined {
  if (/^[0-9]+$/.test(text)) return { value: Number(text) };
  const below = /^moins de ([0-9]+)$/.exec(text);
  if (below) return { below: Number(below[1]) };
  return text === 'masqué' ? { masked: true } : undefined;
}

/**
 * The sums a reader sees in laid-out tables: a « Total » column adds its row up, a « Total » row
 * its column (as `otherReports` and the suppression attack read them). Pure.
 */
export function tableSums(cells: readonly Omit<PublishedCell, 'text'>[]): Sum[] {
  const tables = new Map<string, Map<string, Map<string, string>>>();
  for (const cell of cells) {
    const name = `${cell.section}\u0000${cell.table}`;
    let grid = tables.get(name);
    if (!grid) tables.set(name, (grid = new Map()));
    let row = grid.get(cell.row);
    if (!row) grid.set(cell.row, (row = new Map()));
    row.set(cell.column, cell.key);
  }
  const sums: Sum[] = [];
  for (const grid of tables.values()) {
    const rows = [...grid.keys()];
    const columns = [...new Set([...grid.values()].flatMap((r) => [...r.keys()]))];
    const at = (r: string, c: string) => grid.get(r)?.get(c);
    const add = (total: string | undefined, parts: (string | undefined)[]) => {
      if (total !== undefined && parts.every((p) => p !== undefined))
        sums.push({ total, parts: parts as string[] });
    };
    const innerRows = rows.filter((r) => r !== 'Total');
    const innerColumns = columns.filter((c) => c !== 'Total');
    if (columns.includes('Total'))
      for (const r of rows)
        add(
          at(r, 'Total'),
          innerColumns.map((c) => at(r, c)),
        );
    if (rows.includes('Total'))
      for (const c of columns)
        add(
          at('Total', c),
          innerRows.map((r) => at(r, c)),
        );
  }
  return sums;
}
