import type { FormKind } from '../../schemas/validators.ts';
import { checkProofOfWork, type ProofOfWorkResult } from './proof-of-work.ts';
import { readFormBody } from './read-form-body.ts';
import type { IntakeContext } from './receive-application.ts';
import { refusal, type RefusalCode } from './refusals.ts';
import type { Responder } from './respond.ts';

/** An idempotency key as the browser makes it (`crypto.randomUUID()`). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A refusal of this request: logged with its code (never what was sent), then answered. */
export type Refuse = (code: RefusalCode, extra?: Parameters<typeof refusal>[1]) => Response;

/** A form that passed the checks every form gets, ready for its own schema. */
export interface ReadForm {
  entries: [string, string][];
  /** The values of one field, in order. */
  values: (name: string) => string[];
  proof: Extract<ProofOfWorkResult, { status: 'verified' | 'absent' | 'expired' }>;
  now: Date;
  /** `now` in ms: the rate limiters' clock. */
  at: number;
  refuse: Refuse;
  tooMany: (wait: number) => Response;
}

/**
 * The checks every form sent to the intake gets, in the order of what they cost to run: its
 * origin, the number of forms sent from that address, the body (type, size, UTF-8), what that
 * address already cost, the honeypot, the proof of work and the minimum fill time. Either the
 * form, or the answer that refuses it.
 */
export async function readSubmission(
  intake: IntakeContext,
  request: Request,
  kind: FormKind,
  client: string,
  respond: Responder,
): Promise<ReadForm | Response> {
  const { settings, pow, limiters, clock, log, structure } = intake;
  const now = clock();
  const at = now.getTime();
  const refuse: Refuse = (code, extra = {}) => {
    log({ event: 'intake.refused', code, kind });
    return respond.refuse(request, kind, refusal(code, { structure, form: kind, ...extra }));
  };
  const tooMany = (wait: number) =>
    refuse('rate-limited', { headers: { 'retry-after': String(wait) } });
  // Another site's page is refused before anything is counted: it cannot use up the budget of
  // the network its visitors share.
  const origin = request.headers.get('origin');
  if (origin !== null && !respond.allows(origin)) return refuse('origin-not-allowed');
  // Every form sent counts here, corrections included; what costs the programme counts below.
  const waitSubmissions = await limiters.submissions.attempt(client, at);
  if (waitSubmissions) return tooMany(waitSubmissions);
  const cost = () => limiters.applications.record(client, at);

  const body = await readFormBody(request, settings.intake.maxBodyBytes);
  if (!body.ok) return refuse(body.problem === 'aborted' ? 'aborted' : body.problem);

  const { entries } = body;
  const values = (name: string) => entries.filter(([key]) => key === name).map(([, v]) => v);
  // A client whose attempts already cost too much waits, whatever it sends now.
  const waitCosts = await limiters.applications.wait(client, at);
  if (waitCosts) return tooMany(waitCosts);
  if (values('website').some((v) => v !== '')) {
    await cost();
    return refuse('honeypot');
  }

  // A form sends one proof: a second value (`altcha=&altcha=…`) is tampering, not a retry.
  const proofs = values('altcha');
  const proof =
    proofs.length > 1
      ? { status: 'invalid' as const }
      : await checkProofOfWork(proofs[0], pow, now);
  if (proof.status === 'invalid') {
    await cost();
    return refuse('proof-of-work-invalid');
  }
  if (proof.status === 'verified' && at / 1000 - proof.issuedAt < settings.intake.minFillSeconds) {
    await cost();
    return refuse('too-fast');
  }
  return { entries, values, proof, now, at, refuse, tooMany };
}
