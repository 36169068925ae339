import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import type { DataStore } from '../store/data-store.ts';
import { createDeskApi } from './desk-api.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const origin = 'http://127.0.0.1:4321';
const here = { address: '127.0.0.1' };

function deskApi() {
  const codes: string[] = [];
  const reads: string[] = [];
  const ran: string[] = [];
  const store = {
    listFiles: async (folder: string, options?: { branch?: string }) => {
      reads.push(`list ${folder} ${options?.branch}`);
      return [`${folder}/mentee-aaaaa1.json`];
    },
    readFiles: async (paths: readonly string[]) => paths.map(() => '{}'),
    keys: { read: async () => 'wrapped' },
  } as unknown as DataStore;
  const handle = createDeskApi({
    store,
    settings,
    origins: [origin],
    recipients: ['age1…'],
    announce: (code) => codes.push(code),
    run: async (line) => (ran.push(line), { text: `✅ ${line}`, failed: false }),
    accept: async (cohort) => ({ text: cohort, failed: false }),
  });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    handle(
      new Request(`${origin}/api/coordination/${path}`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
      here,
    );
  const session = async () => {
    const response = await post('session', { code: codes.at(-1) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { session: string }).session;
  };
  return { handle, post, session, codes, reads, ran };
}

describe('the local server’s side of the coordinators’ desk', () => {
  it('opens once per code, printing a new code after each use', async () => {
    const api = deskApi();
    expect(api.codes).toHaveLength(1);
    expect(api.codes[0]).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const first = api.codes[0]!;
    // Typed without its dash, in lower case: the same code.
    const opened = await api.post('session', { code: first.replace('-', '').toLowerCase() });
    expect(opened.status).toBe(201);
    expect(api.codes).toHaveLength(2);
    const again = await api.post('session', { code: first });
    expect(again.status).toBe(403);
  });

  it('replaces the code after five wrong ones: guessing gets nowhere', async () => {
    const api = deskApi();
    const code = api.codes[0]!;
    for (let i = 0; i < 5; i += 1)
      expect((await api.post('session', { code: 'ZZZZ-ZZZZ' })).status).toBe(403);
    expect(api.codes).toHaveLength(2);
    expect((await api.post('session', { code })).status).toBe(403);
    expect((await api.post('session', { code: api.codes[1] })).status).toBe(201);
  });

  it('answers only this machine, the page’s origin, with a session', async () => {
    const api = deskApi();
    const session = await api.session();
    const read = { op: 'list', folder: 'applications/mentees' };
    const auth = { authorization: `Bearer ${session}` };
    expect((await api.post('lire', read, auth)).status).toBe(200);
    expect((await api.post('lire', read)).status).toBe(401);
    expect((await api.post('lire', read, { ...auth, origin: 'http://evil.example' })).status).toBe(
      403,
    );
    const elsewhere = await api.handle(
      new Request(`${origin}/api/coordination/lire`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', ...auth },
        body: JSON.stringify(read),
      }),
      { address: '192.168.1.20' },
    );
    expect(elsewhere.status).toBe(403);
    // A form of another site cannot send JSON without a preflight: text is refused.
    expect((await api.post('lire', read, { ...auth, 'content-type': 'text/plain' })).status).toBe(
      415,
    );
  });

  it('reads only the records’ folders and branches, and runs one command line at a time', async () => {
    const api = deskApi();
    const auth = { authorization: `Bearer ${await api.session()}` };
    const status = async (path: string, body: unknown) => (await api.post(path, body, auth)).status;
    expect(await status('lire', { op: 'list', folder: '.git' })).toBe(400);
    expect(await status('lire', { op: 'list', folder: 'applications/mentees', branch: 'x' })).toBe(
      400,
    );
    expect(
      await status('lire', {
        op: 'list',
        folder: 'applications/mentees',
        branch: 'binomes/2026-2027',
      }),
    ).toBe(200);
    expect(await status('lire', { op: 'read', paths: ['../data-coordination-key.txt'] })).toBe(400);
    expect(
      await status('lire', { op: 'read', paths: ['applications/mentees/mentee-aaaaa1.json'] }),
    ).toBe(200);
    expect(await status('lire', { op: 'key', id: '../../etc' })).toBe(400);
    expect(await status('commande', { line: '/decision a b\n/relancer' })).toBe(400);
    expect(await status('commande', { line: 'bonjour' })).toBe(400);
    expect(await status('commande', { line: '/relancer', cohort: '2026-2027' })).toBe(200);
    expect(api.ran).toEqual(['/relancer']);
    expect(api.reads).toEqual(['list applications/mentees binomes/2026-2027']);
  });
});
