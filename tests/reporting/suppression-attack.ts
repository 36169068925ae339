import loadHighs from 'highs';
import Papa from 'papaparse';

// The attack on a report's suppression (issue 13), as a reader would make it: from the published
// CSV alone, each table's totals (its « Total » row and column) and the counts two tables share
// (listed below by hand, from what the tables say), a linear program solved with HiGHS, another
// solver than the report's own, minimises and maximises every hidden count, counts never below
// zero. Nothing of the report's code is used but its CSV.

/** A cell of the CSV: its table (section, caption), row and column. */
type Cell = readonly [section: string, table: string, row: string, column: string];

/**
 * Counts that two tables publish for the same people: the reader knows they are equal. Written
 * here from the tables' wording, not taken from the report's code, so that the attack is the
 * reader's own; `sharedCountsAreListed` checks that none is missing.
 */
export const sameCounts: [Cell, Cell][] = [
  ...['Mentors', 'Mentorés', 'Total'].map((column): [Cell, Cell] => [
    ['Candidatures', 'Candidatures reçues par mois', 'Total', column],
    ['Candidatures', 'Où en sont ces candidatures', 'Total', column],
  ]),
  // The pairs formed, when none is left out of the time to pair (no mentoré erased) or of the
  // six months (all started long enough ago): a reader would take them for the same count.
  ...[
    'Temps entre la candidature du mentoré et la formation du binôme',
    'Binômes arrivés à 6 mois de mentorat',
  ].map((table): [Cell, Cell] => [
    ['Binômes', 'Binômes formés, selon où ils en sont', 'Total', 'Nombre'],
    ['Binômes', table, 'Total', 'Nombre'],
  ]),
  [
    ['Binômes', 'Binômes formés, selon où ils en sont', 'Terminés avant la date prévue', 'Nombre'],
    ['Binômes', 'Binômes terminés avant la date prévue, par motif', 'Total', 'Nombre'],
  ],
  ...['Objectifs atteints, selon les bilans', 'Recommanderaient le mentorat'].flatMap((table) =>
    ['Mentors', 'Mentorés', 'Total'].map((column): [Cell, Cell] => [
      [
        'Bilans de fin de mentorat',
        'Satisfaction exprimée dans les bilans de fin de mentorat',
        'Total',
        column,
      ],
      ['Bilans de fin de mentorat', table, 'Total', column],
    ]),
  ),
];

export interface HiddenRange {
  cell: Cell;
  shown: string;
  min: number;
  max: number;
}

/**
 * The range of every hidden count of a published CSV. A table with a « Total » column (its last
 * column) adds up across; one with a « Total » row (its last row) adds up down.
 */
export async function attackCsv(
  csv: string,
  shared: [Cell, Cell][] = sameCounts,
): Promise<HiddenRange[]> {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' });
  const rows = parsed.data.slice(1).filter((r) => r.length === 5) as [
    string,
    string,
    string,
    string,
    string,
  ][];
  const tables = new Map<
    string,
    { rows: string[]; columns: string[]; values: Map<string, string> }
  >();
  for (const [section, table, row, column, value] of rows) {
    if (table === 'Indicateurs') continue;
    const name = `${section}\u0000${table}`;
    let t = tables.get(name);
    if (!t) tables.set(name, (t = { rows: [], columns: [], values: new Map() }));
    if (!t.rows.includes(row)) t.rows.push(row);
    if (!t.columns.includes(column)) t.columns.push(column);
    t.values.set(`${row}\u0000${column}`, value);
  }
  // One variable per distinct count: shared counts are one.
  const id = (cell: Cell) => cell.join('\u0000');
  const parent = new Map<string, string>();
  const find = (k: string): string =>
    parent.has(k) && parent.get(k) !== k ? find(parent.get(k)!) : k;
  const published = new Map<string, string>();
  for (const [name, t] of tables)
    for (const [rc, text] of t.values) published.set(`${name}\u0000${rc}`, text);
  for (const [a, b] of shared) {
    const [shownA, shownB] = [published.get(id(a)), published.get(id(b))];
    if (shownA === undefined || shownB === undefined) continue;
    // Two different numbers are not the same count, whatever their wording says.
    if (/^[0-9]+$/.test(shownA) && /^[0-9]+$/.test(shownB) && shownA !== shownB) continue;
    parent.set(find(id(a)), find(id(b)));
  }
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
  const highs = await loadHighs();
  const solve = (sense: 'Minimize' | 'Maximize', variable: string) => {
    const problem = `${sense}\n obj: ${variable}\nSubject To\n${constraints.join('\n') || ' c: 0 x0 = 0'}\nBounds\n${[...names.values()].map((n) => ` ${n} >= 0`).join('\n')}\nEnd\n`;
    const result = highs.solve(problem, { output_flag: false });
    if (result.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return hidden.map((k) => {
    const [section, table, row, column] = k.split('\u0000') as [string, string, string, string];
    return {
      cell: [section, table, row, column],
      shown: shownAs.get(k)!,
      min: solve('Minimize', names.get(k)!),
      max: solve('Maximize', names.get(k)!),
    };
  });
}
