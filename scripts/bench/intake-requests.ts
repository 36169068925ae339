// The requests the hosts' benchmark sends (bench-hosts.ts, measure-worker-bundle.ts), and what each
// must be answered.
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { aMenteeForm } from '../dev/application-forms.ts';

/** A mentoré's form sent to `url`'s intake: the answers, or a body as it is. */
export const post = (url: string, entries: [string, string][] | string) =>
  fetch(`${url}/api/candidatures/mentee`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      origin: url,
    },
    body: typeof entries === 'string' ? entries : new URLSearchParams(entries).toString(),
  });

export type Fetcher = (request: Request) => Promise<Response>;

/** An application with a solved proof of work (solved here: the client's CPU, not the host's). */
export async function application(
  url: string,
  n: number,
  fetcher: Fetcher = (request) => fetch(request),
): Promise<[string, string][]> {
  const challenge = (await (
    await fetcher(new Request(`${url}/api/altcha/challenge`))
  ).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return [
    ...aMenteeForm({ 'identity.lastName': `Banc ${n}` }),
    ['altcha', Buffer.from(JSON.stringify({ challenge, solution })).toString('base64')],
    ['idempotencyKey', crypto.randomUUID()],
  ];
}

/** What one request of each kind costs the host, as `rounds` medians of per-request CPU. */
export const kinds = {
  'accepted application (sealed, proof of work verified, one commit)': {
    perRound: 4,
    prepare: (url: string, n: number, fetcher?: Fetcher) => application(url, n, fetcher),
    send: (url: string, entries: [string, string][]) => post(url, entries),
    status: 201,
  },
  'refusal: invalid application (422, every field checked)': {
    perRound: 100,
    prepare: async () => aMenteeForm({ 'identity.email': 'pas-une-adresse' }),
    send: (url: string, entries: [string, string][]) => post(url, entries),
    status: 422,
  },
  'refusal: malformed request (400, invalid UTF-8)': {
    perRound: 100,
    prepare: async (): Promise<[string, string][]> => [],
    send: (url: string) => post(url, 'identity.lastName=%FF%FE'),
    status: 400,
  },
  'challenge (GET, signed)': {
    perRound: 100,
    prepare: async (): Promise<[string, string][]> => [],
    send: (url: string) => fetch(`${url}/api/altcha/challenge`),
    status: 200,
  },
} as const;

/**
 * The Worker's own JavaScript per request: the same bundle, imported here and called one request
 * at a time, its CPU read around each call (V8 here as in workerd; outbound requests are made by
 * Node's fetch instead of workerd's). The figure to hold against Cloudflare's CPU limit, which
 * counts the isolate's work, not the waits.
 */
