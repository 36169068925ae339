import { sha256Hex } from '../convention/sha256-hex.ts';

// Crockford's base 32: no I, L, O or U, so that a code read aloud or copied from paper is typed
// right; a letter mistaken for a digit (O for 0, I or L for 1) is read as the digit.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 16;

/**
 * A new personal follow-up code from 10 random bytes, written `K7QM-3XRT-9BDA-6HPW`. 80 bits,
 * because the committed hash is a plain SHA-256: from a copy of the data repository, finding any
 * one of 500 codes takes about 2^71 hashes, thousands of years of a GPU (60 bits, the first
 * design, fell to days: hostile review). Online, the intake's rate limit makes guessing hopeless
 * either way. The caller gives the randomness (crypto.getRandomValues).
 */
export function newFollowUpCode(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('A follow-up code needs 10 random bytes.');
  let bits = 0n;
  for (const byte of random.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < codeLength; i += 1) {
    code += alphabet[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`;
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
