import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Readable } from 'node:stream';

export type Handler = (request: Request, client: { address?: string }) => Promise<Response>;

function toRequest(message: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = message.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(message.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(message) as ReadableStream, duplex: 'half' } : {}),
  });
}

/**
 * Serves a `Request -> Response` handler with Node's HTTP server on `host:port` (port 0 picks a
 * free one). Resolves once listening, with the server and its base URL.
 */
export async function listen(
  handler: Handler,
  port = 0,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string }> {
  const server = createServer((message, reply) => {
    const origin = `http://${message.headers.host ?? `${host}:${port}`}`;
    const address = message.socket.remoteAddress;
    handler(toRequest(message, origin), address ? { address } : {})
      .then(async (response) => {
        reply.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body) {
          for await (const chunk of response.body) reply.write(chunk);
        }
        reply.end();
      })
      .catch((error: unknown) => {
        console.error('Request failed:', error instanceof Error ? error.message : error);
        if (!reply.headersSent)
          reply.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        reply.end('Erreur interne du serveur.');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actual}/` };
}
