import { describe, expect, it } from 'vitest';
import { countryPlan, programmeSeed } from './country-plan.ts';
import { programmeSizes, smallestProgramme } from './programme-sizes.ts';

describe('the generated country', () => {
  it('sums to exactly the total asked, every structure at least the smallest size', () => {
    for (const [total, programmes, seed] of [
      [160_000, 300, 1],
      [3_000, 20, 7],
      [50 * 40, 40, 3],
      [12_345, 17, 99],
    ] as const) {
      const sizes = programmeSizes(total, programmes, seed);
      expect(sizes).toHaveLength(programmes);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(smallestProgramme);
    }
  });

  it('is uneven like a real network: many small structures, a few of several thousand', () => {
    const sizes = programmeSizes(160_000, 300, 1).sort((a, b) => a - b);
    const median = sizes[150]!;
    expect(sizes.filter((s) => s <= 200).length).toBeGreaterThan(60);
    expect(median).toBeLessThan(160_000 / 300);
    expect(sizes.at(-1)!).toBeGreaterThan(3_000);
    expect(sizes.filter((s) => s >= 2_000).length).toBeLessThan(20);
  });

  it('is the same for a seed and another for another seed', () => {
    expect(countryPlan({ total: 5_000, programmes: 30, seed: 4 })).toEqual(
      countryPlan({ total: 5_000, programmes: 30, seed: 4 }),
    );
    expect(programmeSizes(5_000, 30, 4)).not.toEqual(programmeSizes(5_000, 30, 5));
  });

  it('gives each structure fewer mentors than mentorés, a name and a seed of its own', () => {
    const plan = countryPlan({ total: 160_000, programmes: 300, seed: 1 });
    for (const p of plan) {
      expect(p.mentors).toBeLessThan(p.mentees);
      expect(p.mentors).toBeGreaterThan(p.mentees / 3);
    }
    expect(new Set(plan.map((p) => p.id)).size).toBe(300);
    expect(new Set(plan.map((p) => p.seed)).size).toBe(300);
    expect(plan[6]!.id).toBe('programme-007');
    expect(programmeSeed(1, 0)).not.toBe(programmeSeed(2, 0));
  });

  it('refuses a country too small for its structures', () => {
    expect(() => programmeSizes(100, 3, 1)).toThrow(RangeError);
    expect(() => programmeSizes(1_000, 0, 1)).toThrow(RangeError);
  });
});
