import { describe, expect, it } from 'vitest';
import { base64OfBytes, bytesOfBase64, textOfBase64 } from './base64.ts';

describe('base64 without Buffer', () => {
  it('reads text as Node’s Buffer does: line breaks ignored, a byte-order mark kept, bad bytes as U+FFFD', () => {
    const text = '\uFEFFClé;Valeur\r\n« été » 🎉\n';
    const encoded = Buffer.from(text, 'utf8').toString('base64');
    expect(base64OfBytes(new TextEncoder().encode(text))).toBe(encoded);
    // GitHub's contents API cuts its base64 into lines.
    const wrapped = encoded.replace(/(.{60})/g, '$1\n');
    expect(textOfBase64(wrapped)).toBe(text);
    expect(textOfBase64(wrapped)).toBe(Buffer.from(encoded, 'base64').toString('utf8'));
    const bad = Buffer.from([0x61, 0xff, 0x62]).toString('base64');
    expect(textOfBase64(bad)).toBe(Buffer.from(bad, 'base64').toString('utf8'));
  });

  it('round-trips bytes larger than one slice', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    expect(bytesOfBase64(base64OfBytes(bytes))).toEqual(bytes);
    expect(base64OfBytes(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
