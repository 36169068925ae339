import {
  createChallenge,
  randomInt,
  verifySolution,
  type Challenge,
  type Solution,
} from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

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
  | { status: 'expired'; signature: string }
  | { status: 'verified'; issuedAt: number; signature: string };

/**
 * Checks the `altcha` field sent with a form: base64 of `{ challenge, solution }`. A missing field
 * is `absent` (no JavaScript: accepted, marked for review); a forged or wrong one is `invalid`.
 * Expiry is judged against `now`, not the library's clock, so tests can control it.
 */
export async function checkProofOfWork(
  field: string | undefined,
  options: ProofOfWorkOptions,
  now: Date,
): Promise<ProofOfWorkResult> {
  if (!field) return { status: 'absent' };
  let payload: { challenge: Challenge; solution: Solution };
  try {
    payload = JSON.parse(Buffer.from(field, 'base64').toString('utf8')) as typeof payload;
    if (
      !payload?.challenge?.parameters ||
      !payload.solution ||
      typeof payload.challenge.signature !== 'string'
    ) {
      return { status: 'invalid' };
    }
  } catch {
    return { status: 'invalid' };
  }
  const { parameters, signature } = payload.challenge;
  const expiresAt = Number(parameters.expiresAt);
  // Verify the signature and solution with expiry set aside; expiry is ours to judge.
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: options.secret,
  }).catch(() => undefined);
  if (!result || result.invalidSignature || result.invalidSolution) return { status: 'invalid' };
  if (!result.verified && !result.expired) return { status: 'invalid' };
  if (!Number.isFinite(expiresAt) || expiresAt * 1000 < now.getTime())
    return { status: 'expired', signature: signature! };
  const issuedAt = Number(parameters.data?.['issuedAt']);
  if (!Number.isFinite(issuedAt)) return { status: 'invalid' };
  return { status: 'verified', issuedAt, signature: signature! };
}
