/**
 * The counts a report publishes and how they add up. A count is named by a key; a key shared by
 * two tables is one number (the mentors' applications of a year in the table by month and in the
 * table by screening outcome), so that it is hidden in both or in neither. Every total is one
 * sum: `total = parts[0] + parts[1] + …`. Suppression and the attack in the tests read this, and
 * nothing else, to know what a reader can combine.
 */
export interface CountSystem {
  /** The true count of each key: never published as such (see suppressCounts). */
  counts: ReadonlyMap<string, number>;
  sums: readonly Sum[];
  inequalities: readonly Inequality[];
  /**
   * The tables as grids of keys, their totals as a last row and column: where suppression looks
   * for the rectangles of counts that protect one another (hidden together, each can move
   * without changing any total).
   */
  grids: readonly (readonly (readonly string[])[])[];
}

export interface Sum {
  total: string;
  parts: readonly string[];
}

/**
 * A count a reader knows to be at most the sum of others (mentors with a place ≤ places free;
 * mentorés waiting ≤ those accepted or waitlisted).
 */
export interface Inequality {
  smaller: string;
  larger: readonly string[];
}

/** Collects counts and sums; the same key given twice must be the same number (else our bug). */
export class CountSystemBuilder {
  readonly #counts = new Map<string, number>();
  readonly #sums: Sum[] = [];
  readonly #grids: string[][][] = [];
  readonly #inequalities: Inequality[] = [];

  count(key: string, value: number): string {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`The count ${key} is not a whole number of people.`);
    const known = this.#counts.get(key);
    if (known !== undefined && known !== value)
      throw new Error(`The count ${key} is given two values: a bug in the report's figures.`);
    this.#counts.set(key, value);
    return key;
  }

  sum(total: string, parts: readonly string[]): void {
    const value = (key: string) => {
      const count = this.#counts.get(key);
      if (count === undefined) throw new Error(`The count ${key} is summed before it is given.`);
      return count;
    };
    if (parts.reduce((s, k) => s + value(k), 0) !== value(total))
      throw new Error(`The parts of ${total} do not add up to it: a bug in the report's figures.`);
    this.#sums.push({ total, parts: [...parts] });
  }

  atMost(smaller: string, larger: readonly string[]): void {
    const value = (key: string) => {
      const count = this.#counts.get(key);
      if (count === undefined) throw new Error(`The count ${key} is compared before it is given.`);
      return count;
    };
    if (value(smaller) > larger.reduce((sum, key) => sum + value(key), 0))
      throw new Error(`${smaller} exceeds what bounds it: a bug in the report's figures.`);
    this.#inequalities.push({ smaller, larger: [...larger] });
  }

  grid(keys: readonly (readonly string[])[]): void {
    this.#grids.push(keys.map((row) => [...row]));
  }

  build(): CountSystem {
    return {
      counts: new Map(this.#counts),
      sums: [...this.#sums],
      inequalities: [...this.#inequalities],
      grids: [...this.#grids],
    };
  }
}

/**
 * The sums that tie the keys together, in groups that share no key: a reader can only combine
 * counts within one group, so each group is protected, and attacked, on its own.
 */
export function linkedGroups(
  system: CountSystem,
): { keys: string[]; sums: Sum[]; inequalities: Inequality[] }[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  for (const key of system.counts.keys()) parent.set(key, key);
  for (const sum of system.sums)
    for (const part of sum.parts) parent.set(find(part), find(sum.total));
  for (const { smaller, larger } of system.inequalities)
    for (const key of larger) parent.set(find(key), find(smaller));
  const groups = new Map<string, { keys: string[]; sums: Sum[]; inequalities: Inequality[] }>();
  const groupOf = (key: string) => {
    const root = find(key);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { keys: [], sums: [], inequalities: [] }));
    return group;
  };
  for (const key of system.counts.keys()) groupOf(key).keys.push(key);
  for (const sum of system.sums) groupOf(sum.total).sums.push(sum);
  for (const inequality of system.inequalities)
    groupOf(inequality.smaller).inequalities.push(inequality);
  return [...groups.values()];
}
