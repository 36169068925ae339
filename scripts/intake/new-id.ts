const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A uniform random integer from 0 to `max` − 1 (`max` ≤ 256), by rejection sampling on Web
 * Crypto's random bytes: the same on every host (Node, a Worker).
 */
export function randomBelow(max: number): number {
  const limit = 256 - (256 % max);
  const byte = new Uint8Array(1);
  for (;;) {
    crypto.getRandomValues(byte);
    if (byte[0]! < limit) return byte[0]! % max;
  }
}

/** A fresh pseudonymous id, e.g. `mentor-7f3k9q`: random, never derived from what a person typed. */
export function newId(
  kind: 'mentor' | 'mentee',
  pick: (max: number) => number = randomBelow,
): string {
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += alphabet[pick(alphabet.length)];
  return `${kind}-${suffix}`;
}
