import { isIP } from 'node:net';

const plain = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/**
 * The client's address for rate limits: the socket's, or, when the socket is one of the
 * `trusted` reverse proxies, the nearest address its `X-Forwarded-For` names that is not a
 * trusted proxy itself (the right-most: the left ones are whatever the client chose to send).
 * Anything that is not an IP address is ignored. Without trusted proxies, the header is never
 * read: a client cannot choose its own rate-limit key.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: readonly string[],
): string | undefined {
  if (!socketAddress) return undefined;
  const socket = plain(socketAddress);
  const proxies = new Set(trusted.map(plain));
  if (!forwardedFor || !proxies.has(socket)) return socket;
  const hops = forwardedFor
    .split(',')
    .map((hop) => plain(hop.trim()))
    .reverse();
  for (const hop of hops) {
    if (isIP(hop) === 0) return socket;
    if (!proxies.has(hop)) return hop;
  }
  return socket;
}
