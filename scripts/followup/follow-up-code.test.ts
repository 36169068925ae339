import { describe, expect, it } from 'vitest';
import { followUpCodeHash, newFollowUpCode, normalizeFollowUpCode } from './follow-up-code.ts';

describe('a follow-up code', () => {
  it('is 16 characters of Crockford’s base 32 in four groups, every random bit used', () => {
    const code = newFollowUpCode(new Uint8Array(10).fill(0xa5));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // Flipping any single bit of the 80 gives another code: none is thrown away.
    const seen = new Set([code]);
    for (let bit = 0; bit < 80; bit += 1) {
      const bytes = new Uint8Array(10).fill(0xa5);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      seen.add(newFollowUpCode(bytes));
    }
    expect(seen.size).toBe(81);
    expect(() => newFollowUpCode(new Uint8Array(8))).toThrow(RangeError);
  });

  it('is read as typed: any case, dashes or spaces, O for 0, I and L for 1', () => {
    const code = newFollowUpCode(new Uint8Array(10).fill(7));
    const plain = code.replace(/-/g, '');
    expect(normalizeFollowUpCode(code)).toBe(plain);
    expect(normalizeFollowUpCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(plain);
    expect(normalizeFollowUpCode('OOOO-IIII-LLLL-0000')).toBe('0000111111110000');
    expect(normalizeFollowUpCode('UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
    expect(normalizeFollowUpCode('K7QM-3XRT-9BDA')).toBeUndefined();
    expect(normalizeFollowUpCode('K7QM-3XRT-9BDA-6HPW-X')).toBeUndefined();
  });

  it('is stored as a SHA-256 that differs from one code to the next and holds none of it', () => {
    const a = normalizeFollowUpCode(newFollowUpCode(new Uint8Array(10).fill(1)))!;
    const b = normalizeFollowUpCode(newFollowUpCode(new Uint8Array(10).fill(2)))!;
    expect(followUpCodeHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(followUpCodeHash(a)).not.toBe(followUpCodeHash(b));
    expect(followUpCodeHash(a)).toBe(followUpCodeHash(a));
    expect(followUpCodeHash(a)).not.toContain(a.toLowerCase());
  });
});
