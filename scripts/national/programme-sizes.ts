import { seededRandom } from '../dev/matching-people.ts';

/** The smallest structure the country holds: below it, a programme is a handful of people. */
export const smallestProgramme = 50;

/**
 * How many mentorés each of `programmes` structures takes in a year, summing to exactly `total`:
 * heavy-tailed like real networks (log-normal shares above a floor of `smallestProgramme`, so
 * many structures of 50 to 200 and a few of several thousand). Pure and seeded.
 */
export function programmeSizes(total: number, programmes: number, seed: number): number[] {
  if (!Number.isInteger(programmes) || programmes < 1)
    throw new RangeError('At least one programme.');
  if (!Number.isInteger(total) || total < smallestProgramme * programmes)
    throw new RangeError(`At least ${smallestProgramme} mentorés a programme.`);
  const random = seededRandom(seed);
  // Box–Muller: normal draws from the seeded uniform ones (never 0, so the logarithm is finite).
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // σ = 1.3: the median structure is about a quarter of the mean share, the largest of 300
  // about twenty times the mean.
  const weights = Array.from({ length: programmes }, () => Math.exp(1.3 * normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - smallestProgramme * programmes;
  const exact = weights.map((w) => (spare * w) / sum);
  const sizes = exact.map((x) => smallestProgramme + Math.floor(x));
  // Largest remainders take the people rounding left over, ties to the lower index: the sum is
  // exact and the same seed gives the same country.
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    sizes[i]! += 1;
    left -= 1;
  }
  return sizes;
}
