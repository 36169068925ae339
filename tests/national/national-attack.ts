import loadHighs from 'highs';
import Papa from 'papaparse';

// The attack on the national publication, as a reader holding every structure's published
// `chiffres.csv` and the national CSV would make it: one unknown per hidden cell of every
// structure, each structure's tables adding up (its « Total » rows and columns, one count per
// key), and each national figure tying the structures' counts of its key together (Σ = the
// national count, or within its published range; « moins de 5 » at most 4; « masqué » 5 or more).
// HiGHS minimises and maximises each hidden structure count. Nothing of the simulation's code is
// used: CSVs in, ranges out.

export interface CountryRange {
  programme: number;
  key: string;
  shown: string;
  /** Counts never negative, sums, orders (and the national figures, if given). */
  plain: { min: number; max: number };
  /** The same, knowing also what each hidden cell's wording says. */
  labelled: { min: number; max: number };
}

type Row = [string, string, string, string, string, ...string[]];
const rowsOf = (csv: string) =>
  (Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data as Row[])
    .slice(1)
    .filter((r) => r.length >= 6 && r[1] !== 'Indicateurs' && r.at(-1));

export async function attackCountry(
  programmeCsvs: readonly string[],
  nationalCsv: string | undefined,
  {
    threshold = 5,
    only = () => true,
  }: { threshold?: number; only?: (programme: number, key: string) => boolean } = {},
): Promise<CountryRange[]> {
  const value = new Map<string, number>();
  const shown = new Map<string, string>();
  const equations: Map<string, number>[] = [];
  const inequalities: { terms: Map<string, number>; max: number }[] = [];
  const id = (p: number, key: string) => `${p}\u0000${key}`;
  programmeCsvs.forEach((csv, p) => {
    const tables = new Map<string, Map<string, Map<string, string>>>();
    for (const [section, table, row, column, text, key] of rowsOf(csv) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ][]) {
      shown.set(id(p, key), text);
      if (/^[0-9]+$/.test(text)) value.set(id(p, key), Number(text));
      const name = `${section}\u0000${table}`;
      const grid = tables.get(name) ?? new Map<string, Map<string, string>>();
      tables.set(name, grid);
      const cells = grid.get(row) ?? new Map<string, string>();
      grid.set(row, cells);
      cells.set(column, id(p, key));
    }
    for (const grid of tables.values()) {
      const rows = [...grid.keys()];
      const columns = [...new Set([...grid.values()].flatMap((r) => [...r.keys()]))];
      const add = (total: string | undefined, parts: (string | undefined)[]) => {
        if (total === undefined || parts.some((x) => x === undefined)) return;
        const terms = new Map<string, number>([[total, -1]]);
        for (const part of parts as string[]) terms.set(part, (terms.get(part) ?? 0) + 1);
        equations.push(terms);
      };
      if (columns.includes('Total'))
        for (const r of rows)
          add(
            grid.get(r)!.get('Total'),
            columns.filter((c) => c !== 'Total').map((c) => grid.get(r)!.get(c)),
          );
      if (rows.includes('Total'))
        for (const c of columns)
          add(
            grid.get('Total')!.get(c),
            rows.filter((r) => r !== 'Total').map((r) => grid.get(r)!.get(c)),
          );
    }
    // Mentors who can take a mentoré offer a place each: at most the places free.
    const smaller = id(p, 'mentors-disponibles/total/mentors');
    const larger = id(p, 'effectifs/free-places/count');
    if (shown.has(smaller) && shown.has(larger))
      inequalities.push({
        terms: new Map([
          [smaller, 1],
          [larger, -1],
        ]),
        max: 0,
      });
  });
  if (nationalCsv !== undefined) {
    const seen = new Set<string>();
    for (const [, , , , text, min, max, key] of rowsOf(nationalCsv) as string[][]) {
      if (seen.has(key!)) continue;
      seen.add(key!);
      const terms = new Map(programmeCsvs.map((_, p) => [id(p, key!), 1] as const));
      const nationalMin =
        text === 'masqué' ? threshold : min !== '' && min !== undefined ? Number(min) : 0;
      const nationalMax = /^moins de/.test(text!)
        ? threshold - 1
        : max !== '' && max !== undefined
          ? Number(max)
          : Infinity;
      inequalities.push({ terms: new Map([...terms].map(([k, c]) => [k, -c])), max: -nationalMin });
      if (nationalMax !== Infinity) inequalities.push({ terms, max: nationalMax });
    }
  }
  const hidden = [...shown.keys()].filter((k) => !value.has(k));
  const names = new Map(hidden.map((k, i) => [k, `x${i}`]));
  const linear = (terms: Map<string, number>) => {
    let constant = 0;
    const lhs: string[] = [];
    for (const [k, c] of terms) {
      if (c === 0) continue;
      const v = value.get(k);
      if (v !== undefined) constant += c * v;
      else lhs.push(`${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${names.get(k)!}`);
    }
    return { lhs, constant };
  };
  const constraints: string[] = [];
  equations.forEach((terms, i) => {
    const { lhs, constant } = linear(terms);
    if (lhs.length === 0) {
      if (constant !== 0) throw new Error('The published counts do not add up.');
    } else constraints.push(` e${i}: ${lhs.join(' ')} = ${-constant}`);
  });
  inequalities.forEach(({ terms, max }, i) => {
    const { lhs, constant } = linear(terms);
    if (lhs.length === 0) {
      if (constant > max) throw new Error('The published counts contradict each other.');
    } else constraints.push(` o${i}: ${lhs.join(' ')} <= ${max - constant}`);
  });
  const wording = hidden.map((k) =>
    /^moins de/.test(shown.get(k)!)
      ? ` w${names.get(k)!}: ${names.get(k)!} <= ${threshold - 1}`
      : ` w${names.get(k)!}: ${names.get(k)!} >= ${threshold}`,
  );
  const highs = await loadHighs();
  const bounds = [...names.values()].map((n) => ` ${n} >= 0`).join('\n');
  const solve = (sense: 'Minimize' | 'Maximize', variable: string, extra: string[]) => {
    const rows = [...constraints, ...extra];
    const problem = `${sense}\n obj: ${variable}\nSubject To\n${rows.join('\n') || ' c: 0 x0 = 0'}\nBounds\n${bounds}\nEnd\n`;
    const result = highs.solve(problem, { output_flag: false });
    if (result.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
    return Math.round(result.ObjectiveValue * 1e6) / 1e6;
  };
  return hidden.flatMap((k) => {
    const [p, key] = k.split('\u0000') as [string, string];
    if (!only(Number(p), key)) return [];
    const x = names.get(k)!;
    return {
      programme: Number(p),
      key,
      shown: shown.get(k)!,
      plain: { min: solve('Minimize', x, []), max: solve('Maximize', x, []) },
      labelled: { min: solve('Minimize', x, wording), max: solve('Maximize', x, wording) },
    };
  });
}
