import { randomInt } from 'node:crypto';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh pseudonymous id, e.g. `mentor-7f3k9q`: random, never derived from what a person typed. */
export function newId(
  kind: 'mentor' | 'mentee',
  pick: (max: number) => number = randomInt,
): string {
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += alphabet[pick(alphabet.length)];
  return `${kind}-${suffix}`;
}
