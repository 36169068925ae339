import { sha256Hex } from '../convention/sha256-hex.ts';

// Crockford's base 32: no I, L, O or U, so that a code read aloud or copied from paper is typed
// right; a letter mistaken for a digit (O for 0, I or L for 1) is read as the digit.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 12;

/**
 * A new personal follow-up code from 8 random bytes (60 bits used: guessing one among a few
 * hundred pairs' codes, at the intake's rate limit, would take longer than the universe's age),
 * written `K7QM-3XRT-9BDA`. The caller gives the randomness (crypto.getRandomValues).
 */
export function newFollowUpCode(random: Uint8Array): string {
  if (random.length < 8) throw new RangeError('A follow-up code needs 8 random bytes.');
  let bits = 0n;
  for (const byte of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < codeLength; i += 1) {
    code += alphabet[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** The code as typed (any case, dashes, spaces, O for 0), or undefined when it cannot be one. */
export function normalizeFollowUpCode(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== codeLength) return undefined;
  for (const char of plain) if (!alphabet.includes(char)) return undefined;
  return plain;
}

/** What is stored instead of a code: its SHA-256, under this project's own label. */
export function followUpCodeHash(normalized: string): string {
  return sha256Hex(`binome:follow-up-code:${normalized}`);
}
