import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

describe('the client address behind a reverse proxy', () => {
  const proxy = ['10.0.0.2'];

  it('is the socket’s when no proxy is trusted: the header is never read', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', [])).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, [])).toBe('203.0.113.9');
  });

  it('is the nearest forwarded address that is not a trusted proxy', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.1', proxy)).toBe('198.51.100.1');
    // The left entries are the client's own words: it cannot pick its key.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.1', proxy)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', '198.51.100.1, 10.0.0.2', proxy)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', '2001:db8::1', proxy)).toBe('2001:db8::1');
  });

  it('falls back on the socket for a header from an untrusted client or one that is not an address', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxy)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', 'unknown, <script>', proxy)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '10.0.0.2', proxy)).toBe('10.0.0.2');
    expect(clientAddress(undefined, '198.51.100.1', proxy)).toBeUndefined();
  });
});
