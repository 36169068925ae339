import loadHighs from 'highs';
import Papa from 'papaparse';

// The attack on a report's suppression (issue 13), as a reader would make it: from the published
// CSVs alone (each table's « Total » row and column, each figure's name in the last column, which
// ties a count laid out twice, or a month's count across reports), a linear program solved with
// HiGHS, another solver than the report's own, minimises and maximises every hidden count,
// counts never below zero, with and without what the wording says. Nothing of the report's code
// is used but its CSV.

/** A cell of the CSV: its table (section, caption), row and column. */
type Cell = readonly [section: string, table: string, row: string, column: string];

export interface HiddenRange {
  cell: Cell;
  shown: string;
  /** From the published counts, totals and orders, counts never negative. */
  min: number;
  max: number;
  /** The same, knowing also what each hidden count's wording says (« moins de 5 »: 0 to 4; « masqué »: 5 or more). */
  labelled: { min: number; max: number };
}

/**
 * Counts a reader knows to be at most the sum of others, from what they say: the mentors who can
 * take a mentoré offer at least one place each.
 */
export const orders: [Cell, Cell[]][] = [
  [
    [
      'Mentors et mentorés en attente',
      'Mentors acceptés qui peuvent encore accompagner un mentoré, par secteur',
      'Total',
      'Mentors disponibles',
    ],
    [
      [
        'Mentors et mentorés en attente',
        'Le jour du rapport',
        'Places libres chez les mentors',
        'Nombre',
      ],
    ],
  ],
];

/**
 * The range of every hidden count of a published CSV. A table with a « Total » column (its last
 * column) adds up across; one with a « Total » row (its last row) adds up down.
 */
export async function attackCsv(
  csv: string | readonly string[],
  {
    order = orders,
    threshold = 5,
    only = () => true,
  }: {
    /** What a reader can order (`orders` by default). */
    order?: [Cell, Cell[]][];
    threshold?: number;
    /** Which hidden cells to solve for (all by default): each costs four programs. */
    only?: (cell: Cell) => boolean;
  } = {},
): Promise<HiddenRange[]> {
  // Several reports read side by side: each one's sections are named `<n>: <section>`.
  const csvs = typeof csv === 'string' ? [csv] : csv;
  const prefix = (n: number, section: string) => (csvs.length > 1 ? `${n}: ${section}` : section);
  const tables = new Map<
    string,
    { rows: string[]; columns: string[]; values: Map<string, string> }
  >();
  /** The cells each figure's name (the CSV's last column) stands in, across the reports. */
  const named = new Map<string, string[]>();
  csvs.forEach((text, n) => {
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';' });
    for (const [section, table, row, column, value, key] of parsed.data.slice(1)) {
      if (table === undefined || table === 'Indicateurs' || key === undefined) continue;
      const name = `${prefix(n, section!)}\u0000${table}`;
      let t = tables.get(name);
      if (!t) tables.set(name, (t = { rows: [], columns: [], values: new Map() }));
      if (!t.rows.includes(row!)) t.rows.push(row!);
      if (!t.columns.includes(column!)) t.columns.push(column!);
      t.values.set(`${row}\u0000${column}`, value!);
      const cells = named.get(key) ?? [];
      cells.push(`${name}\u0000${row}\u0000${column}`);
      named.set(key, cells);
    }
  });
  // One variable per distinct count: shared counts are one.
  const id = (cell: Cell) => cell.join('\u0000');
  const parent = new Map<string, string>();
  const find = (k: string): string =>
    parent.has(k) && parent.get(k) !== k ? find(parent.get(k)!) : k;
  const published = new Map<string, string>();
  for (const [name, t] of tables)
    for (const [rc, text] of t.values) published.set(`${name}\u0000${rc}`, text);
  const same = (a: string, b: string) => {
    const [shownA, shownB] = [published.get(a), published.get(b)];
    if (shownA === undefined || shownB === undefined) return;
    // Two different numbers are not the same count, whatever their wording says.
    if (/^[0-9]+$/.test(shownA) && /^[0-9]+$/.test(shownB) && shownA !== shownB) return;
    parent.set(find(a), find(b));
  };
  // Within one report, two cells under one name (the CSV's last column) are one count.
  for (const cells of named.values())
    for (const cell of cells.slice(1))
      if (cell.split(': ')[0] === cells[0]!.split(': ')[0] || csvs.length === 1)
        same(cells[0]!, cell);
  // Across reports, a month's applications by role are one count, wherever they stand.
  for (const [key, cells] of named)
    if (/^candidatures\/[0-9]{4}-[0-9]{2}\//.test(key))
      for (const cell of cells.slice(1)) same(cells[0]!, cell);
  const value = new Map<string, number>();
  const shownAs = new Map<string, string>();
  for (const [name, t] of tables)
    for (const [rc, text] of t.values) {
      const key = find(`${name}\u0000${rc}`);
      shownAs.set(key, text);
      if (/^[0-9]+$/.test(text)) value.set(key, Number(text));
    }
  const equations: Map<string, number>[] = [];
  const equation = (total: string, parts: string[]) => {
    const terms = new Map<string, number>();
    for (const p of parts) terms.set(find(p), (terms.get(find(p)) ?? 0) + 1);
    terms.set(find(total), (terms.get(find(total)) ?? 0) - 1);
    equations.push(terms);
  };
  for (const [name, t] of tables) {
    const cell = (r: string, c: string) => `${name}\u0000${r}\u0000${c}`;
    const inner = {
      rows: t.rows.filter((r) => r !== 'Total'),
      columns: t.columns.filter((c) => c !== 'Total'),
    };
    if (t.columns.includes('Total'))
      for (const r of t.rows)
        equation(
          cell(r, 'Total'),
          inner.columns.map((c) => cell(r, c)),
        );
    if (t.rows.includes('Total'))
      for (const c of t.columns)
        equation(
          cell('Total', c),
          inner.rows.map((r) => cell(r, c)),
        );
  }
  const hidden = [...shownAs.keys()].filter((k) => !value.has(k));
  const names = new Map(hidden.map((k, i) => [k, `x${i}`]));
  const constraints: string[] = [];
  equations.forEach((terms, i) => {
    let constant = 0;
    const lhs: string[] = [];
    for (const [k, coefficient] of terms) {
      if (coefficient === 0) continue;
      if (value.has(k)) constant += coefficient * value.get(k)!;
      else lhs.push(`${coefficient >= 0 ? '+' : '-'} ${Math.abs(coefficient)} ${names.get(k)!}`);
    }
    if (lhs.length === 0) {
      if (constant !== 0) throw new Error('The published counts do not add up.');
      return;
    }
    constraints.push(` c${i}: ${lhs.join(' ')} = ${-constant}`);
  });
  csvs.forEach((_, n) =>
    order.forEach(([smaller, larger], i) => {
      const keys = [smaller, ...larger].map((cell) =>
        find(id([prefix(n, cell[0]), cell[1], cell[2], cell[3]])),
      );
      if (keys.some((k) => !shownAs.has(k))) return;
      let constant = 0;
      const lhs: string[] = [];
      keys.forEach((k, j) => {
        const coefficient = j === 0 ? 1 : -1;
        if (value.has(k)) constant += coefficient * value.get(k)!;
        else lhs.push(`${coefficient >= 0 ? '+' : '-'} 1 ${names.get(k)!}`);
      });
      if (lhs.length > 0) constraints.push(` o${n}_${i}: ${lhs.join(' ')} <= ${-constant}`);
    }),
  );
  // What the wording says of each hidden count.
  const wording = hidden.map((k) =>
    shownAs.get(k) === `moins de ${threshold}`
      ? ` w${names.get(k)!}: ${names.get(k)!} <= ${threshold - 1}`
      : ` w${names.get(k)!}: ${names.get(k)!} >= ${threshold}`,
  );
  const highs = await loadHighs();
  const solve = (sense: 'Minimize' | 'Maximize', variable: string, extra: string[]) => {
    const rows = [...constraints, ...extra];
    const problem = `${sense}\n obj: ${variable}\nSubject To\n${rows.join('\n') || ' c: 0 x0 = 0'}\nBounds\n${[...names.values()].map((n) => ` ${n} >= 0`).join('\n')}\nEnd\n`;
    const result = highs.solve(problem, { output_flag: false });
    if (result.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
    return Math.round(result.ObjectiveValue * 1e6) / 1e6;
  };
  return hidden.flatMap((k) => {
    const [section, table, row, column] = k.split('\u0000') as [string, string, string, string];
    if (!only([section, table, row, column])) return [];
    const x = names.get(k)!;
    return {
      cell: [section, table, row, column],
      shown: shownAs.get(k)!,
      min: solve('Minimize', x, []),
      max: solve('Maximize', x, []),
      labelled: { min: solve('Minimize', x, wording), max: solve('Maximize', x, wording) },
    } satisfies HiddenRange;
  });
}
