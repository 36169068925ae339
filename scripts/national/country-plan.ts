import { seededRandom } from '../dev/matching-people.ts';
import { programmeSizes } from './programme-sizes.ts';

/** One structure of the generated country: enough to generate its year again anywhere. */
export interface ProgrammeSpec {
  index: number;
  /** `programme-007`: a placeholder name, never a real structure's. */
  id: string;
  /** Its own seed, derived from the country's: a worker generates it alone. */
  seed: number;
  mentees: number;
  mentors: number;
}

/** A seed of its own for programme `index` of a country seeded `seed` (an integer hash). */
export function programmeSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The country: `programmes` structures, `total` mentorés in all, each with fewer mentors than
 * mentorés (between one for 1.5 and one for 2.5 mentorés; mentors offer 1 to 3 places, so
 * some structures have a waiting list). Small
 * enough to send nowhere: each worker computes it again from the same three numbers. Pure.
 */
export function countryPlan(options: {
  total: number;
  programmes: number;
  seed: number;
}): ProgrammeSpec[] {
  const sizes = programmeSizes(options.total, options.programmes, options.seed);
  const width = String(options.programmes).length < 3 ? 3 : String(options.programmes).length;
  return sizes.map((mentees, index) => {
    const seed = programmeSeed(options.seed, index);
    const ratio = 0.4 + 0.25 * seededRandom(seed ^ 0x5bd1e995)();
    return {
      index,
      id: `programme-${String(index + 1).padStart(width, '0')}`,
      seed,
      mentees,
      mentors: Math.max(1, Math.round(mentees * ratio)),
    };
  });
}
