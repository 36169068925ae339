import type { ApplicationKind } from '../../schemas/data-layout.ts';
import { withoutInapplicable } from '../../schemas/applies-when.ts';
import { formToObject } from '../../schemas/form-to-object.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { rulesContext, type RulesSettings } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { checkApplication, checkApplicationForm, formSchemas } from '../../schemas/validators.ts';
import type { DataStore } from '../store/data-store.ts';
import { assembleApplication } from './assemble-application.ts';
import type { ProofOfWorkOptions } from './proof-of-work.ts';
import type { BudgetName, ClientBudget } from './client-budgets.ts';
import { readSubmission, uuidPattern } from './read-submission.ts';
import { refusal } from './refusals.ts';
import type { Responder } from './respond.ts';
import { hmacHex, sha256Hex } from './sha256-hex.ts';
import { sealIdentity } from '../privacy/seal-identity.ts';
import { storeApplication } from './store-application.ts';

/** What every request of one intake shares: its settings, limits, clock and store. */
export interface IntakeContext {
  store: DataStore;
  settings: ProgrammeSettings;
  rules: RulesSettings;
  pow: ProofOfWorkOptions;
  /**
   * `applications` counts what costs the programme (a stored application or follow-up, a failed
   * proof of work, a bot trap); `codeAttempts` the follow-up codes refused.
   */
  limiters: Record<BudgetName, ClientBudget>;
  clock: () => Date;
  log: (entry: Record<string, unknown>) => void;
  makeId: (kind: ApplicationKind) => string;
  /** The structure's name, for the refusals that say whom to contact. */
  structure: string;
  /** The public keys identities are sealed to; undefined when the settings store them plain. */
  recipients: readonly string[] | undefined;
}

/** The intake built something invalid: a bug of ours, never the person's fault. */
export class IntakeBugError extends Error {
  override name = 'IntakeBugError';
}

const technicalFields = new Set(['altcha', 'idempotencyKey', 'website']);

/**
 * One application form sent to the intake, from its body to its answer. Read: the body, its
 * origin, the anti-bot checks and the limits, in the order of what they cost to run. Assemble:
 * the record, by a pure function. Apply: one commit (storeApplication). Every refusal is logged
 * with its code, never with what the person wrote.
 */
export async function receiveApplication(
  intake: IntakeContext,
  request: Request,
  kind: ApplicationKind,
  client: string,
  respond: Responder,
): Promise<Response> {
  const { store, settings, rules, pow, limiters, log, makeId, structure, recipients } = intake;
  const started = performance.now();
  const read = await readSubmission(intake, request, kind, client, respond);
  if (read instanceof Response) return read;
  const { entries, values, proof, now, at, refuse, tooMany } = read;

  const context = rulesContext(rules, now);
  // What does not apply to this person (a representative for an adult, « autre » left
  // unticked) is neither checked nor kept, whatever the form sent.
  const schema = formSchemas[kind] as SchemaNode;
  const form = withoutInapplicable(schema, formToObject(schema, entries), context.today);
  const checked = checkApplicationForm(kind, form, context);
  if (!checked.ok) {
    log({ event: 'intake.refused', code: 'invalid', kind });
    // Without JavaScript, the form itself comes back, with the answers and the messages.
    return respond.refuse(
      request,
      kind,
      refusal('invalid', { structure, problems: checked.problems }),
      entries,
    );
  }

  // A retry (double click, lost connection) sends the same key, or, without JavaScript, the
  // same answers: either way it gets the first submission's receipt, not a second entry.
  const clientKey = values('idempotencyKey')[0];
  const fromBrowser = clientKey !== undefined && uuidPattern.test(clientKey);
  const key = fromBrowser
    ? clientKey
    : JSON.stringify(entries.filter(([name]) => !technicalFields.has(name)));
  // Both digests are keyed: the answers are guessable, and the repository must not let anyone
  // confirm a guess. A browser's key is random and never stored (only its digest), so it keys
  // its own answers; without JavaScript, the intake's secret does.
  const keyHash = fromBrowser
    ? await sha256Hex(`binome:${kind}:${key}`)
    : await hmacHex(pow.secret, `binome:${kind}:${key}`);
  const answersHash = await hmacHex(fromBrowser ? key : pow.secret, JSON.stringify(checked.value));
  const verified = proof.status === 'verified';
  // Checked and counted in one step, just before the commit: requests sent all at once must
  // not all pass a check made before any of them was counted.
  const waitToStore = await limiters.applications.attempt(client, at);
  if (waitToStore) return tooMany(waitToStore);
  const outcome = await storeApplication(store, {
    kind,
    keyHash,
    answersHash,
    ...(verified ? { challengeHash: await sha256Hex(proof.signature) } : {}),
    newId: makeId,
    render: async (id) => {
      const record = assembleApplication(
        checked.value,
        {
          id,
          submittedAt: now.toISOString(),
          today: context.today,
          proofOfWork: verified ? 'verified' : 'absent',
          idempotencyKeyHash: keyHash,
        },
        settings.cohorts,
      );
      const valid = checkApplication(kind, record);
      if (!valid.ok)
        throw new IntakeBugError(
          `Built an invalid ${kind} record (fields ${valid.problems.map((p) => p.field).join(', ')}).`,
        );
      if (!recipients) return { file: JSON.stringify(record, null, 2) + '\n' };
      const { sealed, wrappedKey } = await sealIdentity(record.identity, recipients);
      const file = JSON.stringify({ ...record, identity: sealed }, null, 2) + '\n';
      if (!checkApplication(kind, JSON.parse(file)).ok)
        throw new IntakeBugError(`Built an invalid sealed ${kind} record.`);
      return { file, wrappedKey };
    },
  });
  if (outcome.status === 'replayed') return refuse('proof-of-work-replayed');
  if (outcome.status === 'duplicate') {
    log({ event: 'intake.duplicate', kind, id: outcome.id, sameAnswers: outcome.sameAnswers });
    // Same key, other answers: say so, rather than show a receipt for answers never stored.
    if (!outcome.sameAnswers) return refuse('already-sent');
    return respond.accepted(request, outcome.id, 200);
  }
  log({
    event: 'intake.accepted',
    kind,
    id: outcome.id,
    needsReview: !verified,
    ms: Math.round(performance.now() - started),
  });
  return respond.accepted(request, outcome.id, 201);
}
