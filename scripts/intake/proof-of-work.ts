import {
  createChallenge,
  randomInt,
  verifySolution,
  type Challenge,
  type Solution,
} from 'altcha-lib';
// The Web Crypto variant: the same hashes, on every host (Node's imports node:crypto).
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

export interface ProofOfWorkOptions {
  secret: string;
  maxCounter: number;
  expiresMinutes: number;
}

/**
 * Issues a signed ALTCHA challenge (SHA-256, deterministic counter). The time it was issued
 * travels inside the signed data, so the intake can tell how long the form was open without
 * trusting anything the browser says.
 */
export async function issueChallenge(options: ProofOfWorkOptions, now: Date): Promise<Challenge> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(options.maxCounter),
    deriveKey,
    hmacSignatureSecret: options.secret,
    expiresAt: issuedAt + options.expiresMinutes * 60,
    data: { issuedAt },
  });
}

export type ProofOfWorkResult =
  | { status: 'absent' }
  | { status: 'invalid' }
  | { status: 'expired' }
  | { status: 'verified'; issuedAt: number; signature: string };

/** Keys sorted at every level: the text ALTCHA signs (its `canonicalJSON`). */
function canonical(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .flatMap((key) => {
        const item = (value as Record<string, unknown>)[key];
        return item === undefined ? [] : [[key, canonical(item)]];
      }),
  );
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

const signedText = (parameters: unknown) =>
  new TextEncoder().encode(JSON.stringify(canonical(parameters)));

/** Whether `signature` is our HMAC-SHA-256 of the challenge's parameters (Web Crypto: any host). */
async function signedByUs(
  parameters: unknown,
  signature: string,
  secret: string,
): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const bytes = new Uint8Array(signature.match(/../g)!.map((h) => parseInt(h, 16)));
  // `verify` compares in constant time.
  return crypto.subtle.verify('HMAC', await hmacKey(secret), bytes, signedText(parameters));
}

async function sign(parameters: unknown, secret: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), signedText(parameters));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function decodePayload(field: string): { challenge: Challenge; solution: Solution } | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(field), (c) => c.charCodeAt(0)),
    );
    const payload = JSON.parse(text) as { challenge?: Challenge; solution?: Solution };
    const challenge = payload?.challenge;
    if (
      !challenge ||
      typeof challenge !== 'object' ||
      typeof challenge.parameters !== 'object' ||
      challenge.parameters === null ||
      typeof challenge.signature !== 'string' ||
      !payload.solution
    )
      return undefined;
    return { challenge, solution: payload.solution };
  } catch {
    return undefined;
  }
}

/**
 * Checks the `altcha` field sent with a form: base64 of `{ challenge, solution }`. In this order,
 * whatever the clocks say: the signature (a forged challenge is `invalid`), then expiry against
 * `now` (an expired genuine one is `expired`, which counts as absent: accepted, marked for
 * review), then the solution. A missing field is `absent` (no JavaScript).
 */
export async function checkProofOfWork(
  field: string | undefined,
  options: ProofOfWorkOptions,
  now: Date,
): Promise<ProofOfWorkResult> {
  if (!field) return { status: 'absent' };
  const payload = decodePayload(field);
  if (!payload) return { status: 'invalid' };
  const { parameters, signature } = payload.challenge;
  if (!(await signedByUs(parameters, signature!, options.secret))) return { status: 'invalid' };
  const expiresAt = Number(parameters.expiresAt);
  const issuedAt = Number(parameters.data?.['issuedAt']);
  if (!Number.isFinite(issuedAt)) return { status: 'invalid' };
  if (!Number.isFinite(expiresAt) || expiresAt * 1000 < now.getTime()) return { status: 'expired' };
  // The library judges expiry with its own clock before anything else; expiry is already
  // judged above, against the intake's clock. So the solution is checked on the same
  // parameters without their expiry, signed again here with the same secret.
  const lasting = { ...parameters };
  delete lasting.expiresAt;
  const result = await verifySolution({
    challenge: { parameters: lasting, signature: await sign(lasting, options.secret) },
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: options.secret,
  }).catch(() => undefined);
  if (!result?.verified) return { status: 'invalid' };
  return { status: 'verified', issuedAt, signature: signature! };
}
