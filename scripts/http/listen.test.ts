import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMenteeForm } from '../dev/application-forms.ts';
import { programmeSettings, templates } from '../../tests/helpers/intake-harness.ts';
import { createIntakeHandler } from '../intake/create-intake-handler.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { listen } from './listen.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';

/**
 * Sends raw bytes on a new connection and returns what the server answers: everything until it
 * closes, or what came in the 300 ms after the first bytes (a kept-alive connection).
 */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      if (!answer) setTimeout(done, 300);
      answer += chunk;
    });
    socket.on('close', done);
    socket.on('error', reject);
    socket.setTimeout(10_000, done);
    socket.write(request, 'latin1');
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

let server: Server;
let port = 0;
let base = '';
let directory = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'binome-listen-'));
  const intake = createIntakeHandler({
    store: new LocalGitStore(directory),
    settings: programmeSettings(),
    secret: 'listen-test-secret',
    templates,
    log: () => {},
  });
  const started = await listen(intake);
  server = started.server;
  base = started.url;
  port = Number(new URL(base).port);
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('the Node server', () => {
  it('answers 400 to requests it cannot make sense of, and keeps serving', async () => {
    const hostile = [
      'GET /api/altcha/challenge HTTP/1.1\r\nHost: [\r\n\r\n',
      'GET /api/altcha/challenge HTTP/1.1\r\nHost: a b\r\n\r\n',
      'GET /api/altcha/challenge HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n',
      'GET //[x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'GET http://[::1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'GET http://evil.example/api/altcha/challenge HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'BREW /\u0000 HTTP/1.1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: \u0001\u0002\r\n\r\n',
      'not http at all\r\n\r\n',
      'GET /api/altcha/challenge HTTP/1.1\r\n\r\n',
      'GET /api/altcha/challenge HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n',
    ];
    const answers: [string, number][] = [];
    for (const request of hostile) {
      const answer = await raw(port, request);
      answers.push([JSON.stringify(request.split('\r\n')[0]), statusOf(answer)]);
    }
    for (const [request, status] of answers) expect([request, status]).toEqual([request, 400]);
    const refused = await raw(port, hostile.at(-1)!);
    expect(refused.toLowerCase()).toContain("content-security-policy: default-src 'self'");
    // Still alive, and still right.
    const challenge = await fetch(new URL('/api/altcha/challenge', base));
    expect(challenge.status).toBe(200);
  });

  it('never takes the Host header for its own address', async () => {
    const body = new URLSearchParams(aMenteeForm().map(([k, v]) => [k, v])).toString();
    const post = (headers: string) =>
      raw(
        port,
        `POST /api/candidatures/mentee HTTP/1.1\r\n${headers}` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Connection: close\r\n\r\n${body}`,
      );
    const forged = await post('Host: evil.example\r\nOrigin: http://evil.example\r\n');
    expect(statusOf(forged)).toBe(403);
    const genuine = await post(`Host: evil.example\r\nOrigin: ${base.replace(/\/$/, '')}\r\n`);
    expect(statusOf(genuine)).toBe(303);
    const location = /\r\nlocation: ([^\r]*)/i.exec(genuine)?.[1] ?? '';
    expect(location).toMatch(/^\/api\/candidatures\/recu\?reference=mentee-[0-9a-z]{6}$/);
    expect(genuine).not.toContain('evil.example');
  });
});

describe('a client that sends a few bytes now and then', () => {
  it('loses its connection, with a 408 and our headers, instead of holding it for minutes', async () => {
    const slow = await listen(
      async (request) => new Response(await request.text()),
      0,
      '127.0.0.1',
      {
        requestMs: 600,
        headersMs: 400,
        checkEveryMs: 100,
      },
    );
    try {
      const slowPort = Number(new URL(slow.url).port);
      const started = Date.now();
      // The headers promise 100 bytes of body; only 10 come.
      const answer = await raw(
        slowPort,
        'POST /api/candidatures/mentee HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nwebsite=ab',
      );
      expect(statusOf(answer)).toBe(408);
      expect(answer).toMatch(/x-content-type-options: nosniff/i);
      expect(Date.now() - started).toBeLessThan(5_000);
      // Headers that never end are cut too.
      const headers = await raw(slowPort, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n');
      expect(statusOf(headers)).toBe(408);
    } finally {
      slow.server.closeAllConnections();
      slow.server.close();
    }
  });
});

describe('behind a trusted reverse proxy', () => {
  it('gives the handler the client named by X-Forwarded-For, and only from a trusted proxy', async () => {
    const echo = async (_request: Request, client: { address?: string }) =>
      new Response(client.address ?? '');
    const trusted = await listen(echo, 0, '127.0.0.1', { trustedProxies: ['127.0.0.1'] });
    const untrusted = await listen(echo, 0, '127.0.0.1');
    try {
      const ask = (url: string) =>
        raw(
          Number(new URL(url).port),
          'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.5, 198.51.100.7\r\nConnection: close\r\n\r\n',
        );
      // The body comes in one chunk: its size line, then the address.
      expect(await ask(trusted.url)).toContain('\r\n198.51.100.7\r\n');
      expect(await ask(untrusted.url)).toContain('\r\n127.0.0.1\r\n');
    } finally {
      for (const { server } of [trusted, untrusted]) {
        server.closeAllConnections();
        server.close();
      }
    }
  });
});
