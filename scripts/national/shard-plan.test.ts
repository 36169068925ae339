import { describe, expect, it } from 'vitest';
import { programmeSizes } from './programme-sizes.ts';
import { shardPlan } from './shard-plan.ts';

describe('the shards of the simulation', () => {
  it('runs every programme exactly once', () => {
    const sizes = programmeSizes(160_000, 300, 1);
    for (const jobs of [1, 2, 7, 256]) {
      const shards = shardPlan(sizes, jobs);
      expect(shards).toHaveLength(Math.min(jobs, 300));
      expect(
        shards
          .flat()
          .sort((a, b) => a - b)
          .join(),
      ).toBe(sizes.map((_, i) => i).join());
    }
  });

  it('spreads the big structures: no shard carries more than the lightest plus the biggest programme', () => {
    const sizes = programmeSizes(160_000, 300, 1);
    const loads = shardPlan(sizes, 4).map((s) => s.reduce((sum, i) => sum + sizes[i]!, 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(Math.max(...sizes));
    // A contiguous split would put them wherever the indices fall.
    expect(Math.max(...loads) / Math.min(...loads)).toBeLessThan(1.2);
  });

  it('has no empty shard when there are more jobs than programmes', () => {
    expect(shardPlan([60, 70], 5)).toEqual([[1], [0]]);
    expect(() => shardPlan([60], 0)).toThrow(RangeError);
  });
});
