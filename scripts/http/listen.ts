import { createServer, type IncomingMessage, type Server } from 'node:http';
import { clientAddress } from './client-address.ts';
import { Readable } from 'node:stream';
import { securityHeaders } from '../intake/security-headers.ts';

export type Handler = (request: Request, client: { address?: string }) => Promise<Response>;

/**
 * The request as the handler sees it. Its URL is built from the server's own address (its
 * configuration) and the request target's path and query only: the `Host` header and an
 * absolute-form target say nothing about who we are. Undefined when the target is not a path.
 */
function toRequest(message: IncomingMessage, base: string): Request | undefined {
  // Exactly one well-formed Host (RFC 9112 §3.2): none, two or a malformed one is a 400.
  const hosts = message.rawHeaders.filter(
    (_, i) => i % 2 === 0 && /^host$/i.test(message.rawHeaders[i]!),
  );
  if (hosts.length !== 1 || !validHost(message.headers.host)) return undefined;
  const target = message.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(base).origin) return undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    } catch {
      return undefined; // A header value `fetch` refuses: a malformed request.
    }
  }
  const method = message.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  try {
    return new Request(url, {
      method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(message) as ReadableStream, duplex: 'half' } : {}),
    });
  } catch {
    return undefined;
  }
}

/**
 * Whether a `Host` header is well formed (RFC 9112: a server answers 400 otherwise). Only its
 * syntax is judged: its value is never used.
 */
function validHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const url = new URL(`http://${host}`);
    return url.host === host.toLowerCase() || `${url.host}:80` === host.toLowerCase();
  } catch {
    return false;
  }
}

const plain = {
  'content-type': 'text/plain; charset=utf-8',
  'cache-control': 'no-store',
  ...securityHeaders,
};

/**
 * Serves a `Request -> Response` handler with Node's HTTP server on `host:port` (port 0 picks a
 * free one). Resolves once listening, with the server and its base URL. Nothing a client sends
 * can stop it: a request it cannot make sense of gets 400, a handler failure 500, a client that
 * goes away mid-answer is simply dropped.
 */
export async function listen(
  handler: Handler,
  port = 0,
  host = '127.0.0.1',
  timeouts: {
    requestMs?: number;
    headersMs?: number;
    checkEveryMs?: number;
    /** Reverse proxies whose `X-Forwarded-For` names the client (see clientAddress). */
    trustedProxies?: readonly string[];
  } = {},
): Promise<{ server: Server; url: string }> {
  let base = '';
  // Node's own answer to a missing Host has none of our headers: we check Host ourselves. A
  // whole request (a form is 32 KB at most) gets 30 s, its headers 10 s: a client that sends a
  // few bytes now and then no longer holds a connection for Node's default 5 minutes.
  const options = {
    requireHostHeader: false,
    requestTimeout: timeouts.requestMs ?? 30_000,
    headersTimeout: timeouts.headersMs ?? 10_000,
    connectionsCheckingInterval: timeouts.checkEveryMs ?? 1_000,
  };
  const server = createServer(options, (message, reply) => {
    reply.on('error', () => {});
    const request = toRequest(message, base);
    if (!request) {
      message.resume();
      reply.writeHead(400, { ...plain, connection: 'close' });
      reply.end('Requête invalide.');
      return;
    }
    const forwarded = message.headers['x-forwarded-for'];
    const address = clientAddress(
      message.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
      timeouts.trustedProxies ?? [],
    );
    Promise.resolve()
      .then(() => handler(request, address ? { address } : {}))
      .then(async (response) => {
        reply.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body) {
          for await (const chunk of response.body) reply.write(chunk);
        }
        reply.end();
      })
      .catch((error: unknown) => {
        console.error(
          'Request failed:',
          error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error',
        );
        if (!reply.headersSent) reply.writeHead(500, plain);
        reply.end('Erreur interne du serveur.');
      });
  });
  // A request line or header Node's parser refuses: answer 400 if the socket can still hear it.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable && !socket.destroyed)
      socket.end(
        `HTTP/1.1 ${status}\r\n${Object.entries(securityHeaders)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('')}Connection: close\r\nContent-Length: 0\r\n\r\n`,
      );
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const authority = host.includes(':') ? `[${host}]` : host;
  base = `http://${authority}:${actual}`;
  return { server, url: `${base}/` };
}
