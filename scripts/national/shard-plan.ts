/**
 * The programmes each of `jobs` shards runs, as an Actions matrix would split them: the largest
 * first, each to the shard with the least work so far (people, a fair proxy for matching and
 * report time), so that one shard does not get all the big structures. Every shard lists its
 * programmes by index. Pure.
 */
export function shardPlan(sizes: readonly number[], jobs: number): number[][] {
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError('At least one job.');
  const shards = Array.from({ length: Math.min(jobs, sizes.length) }, () => ({
    load: 0,
    programmes: [] as number[],
  }));
  const order = sizes.map((size, index) => ({ size, index }));
  order.sort((a, b) => b.size - a.size || a.index - b.index);
  for (const { size, index } of order) {
    let lightest = shards[0]!;
    for (const shard of shards) if (shard.load < lightest.load) lightest = shard;
    lightest.load += size;
    lightest.programmes.push(index);
  }
  return shards.map((s) => s.programmes.sort((a, b) => a - b));
}
