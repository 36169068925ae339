import { withoutInapplicable } from '../../schemas/applies-when.ts';
import {
  followUpCodePath,
  followUpFolder,
  followUpPath,
  pairPath,
  submissionPath,
} from '../../schemas/data-layout.ts';
import { followUpSchema } from '../../schemas/follow-up.schema.ts';
import { formToObject } from '../../schemas/form-to-object.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { rulesContext } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import {
  checkFollowUp,
  checkFollowUpForm,
  formSchemas,
  type FollowUpFormKind,
} from '../../schemas/validators.ts';
import { followUpCodeHash, normalizeFollowUpCode } from '../followup/follow-up-code.ts';
import { sortRecords } from '../records/sort-records.ts';
import { StaleFileError, type DataStore } from '../store/data-store.ts';
import { assembleFollowUp, followUpAnswers } from './assemble-follow-up.ts';
import { readSubmission, uuidPattern } from './read-submission.ts';
import { IntakeBugError, type IntakeContext } from './receive-application.ts';
import { refusal, refusedCodeProblem } from './refusals.ts';
import type { Responder } from './respond.ts';
import { hmacHex, sha256Hex } from './sha256-hex.ts';
import { storeSubmission } from './store-submission.ts';

/**
 * How long after a pair's closing its participants may still send their bilan. Not a setting
 * yet: the `followUp` settings belong to the schedule (scripts/followup/follow-up-rules.ts).
 */
export const bilanDaysAfterClosing = 60;

/**
 * Records read by path and judged by the one sorter, as the one reader (read-records.ts) does
 * for `paths`: the intake must not import that reader, which can reach the identities' opener
 * (tests/privacy/stolen-intake.test.ts).
 */
async function readSorted(store: DataStore, paths: readonly string[]) {
  const texts = await store.readFiles(paths);
  const files = new Map<string, string>();
  paths.forEach((path, i) => {
    // A file asked for by name may simply not exist: absent, not unreadable.
    if (texts[i] !== undefined) files.set(path, texts[i]);
  });
  return sortRecords(files);
}

const nonce = () =>
  [...crypto.getRandomValues(new Uint8Array(4))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/** Whose a follow-up code is, once every check passed, and the text its decision rests on. */
interface CodeOwner {
  pairId: string;
  role: 'mentor' | 'mentee';
  codePath: string;
  codeText: string;
}

/** Whether a pair takes this form now: under way, or for a bilan, closed not long ago. */
function takes(kind: FollowUpFormKind, pair: Pair, now: Date): boolean {
  if (pair.status === 'active' || pair.status === 'paused') return true;
  if (kind !== 'bilan' || pair.status !== 'closed') return false;
  const closedAt = pair.events.findLast((event) => event.type === 'closed')?.at;
  return (
    closedAt !== undefined &&
    now.getTime() - Date.parse(closedAt) < bilanDaysAfterClosing * 86_400_000
  );
}

/**
 * The owner of a typed code, when it may send `kind` now; otherwise undefined, whatever the
 * reason (the caller must not tell the reasons apart). One read of the code's own file (never a
 * listing: the code space is not to be walked), then its pair, each judged by the one sorter.
 */
async function ownerOf(
  store: DataStore,
  kind: FollowUpFormKind,
  typed: string,
  now: Date,
): Promise<CodeOwner | undefined> {
  const normalized = normalizeFollowUpCode(typed);
  if (!normalized) return undefined;
  const hash = followUpCodeHash(normalized);
  const codePath = followUpCodePath(hash);
  const codeText = await store.readFile(codePath);
  if (codeText === undefined) return undefined;
  // The one sorter judges the owner file, as every reader of the repository does.
  const owner = sortRecords(new Map([[codePath, codeText]])).followUpCodes.get(hash);
  if (!owner) return undefined;
  const { pairs } = await readSorted(store, [pairPath(owner.pairId)]);
  const pair = pairs.find((p) => p.id === owner.pairId);
  if (!pair || !takes(kind, pair, now)) return undefined;
  return { pairId: owner.pairId, role: owner.role, codePath, codeText };
}

/** The marker of a role's bilan for its pair: a pair id is no secret, nor is it a person. */
async function bilanOncePath(owner: CodeOwner): Promise<string> {
  return submissionPath(await sha256Hex(`binome:bilan-once:${owner.pairId}:${owner.role}`));
}

/** The bilan this role already sent for its pair, if any. */
async function bilanSent(store: DataStore, owner: CodeOwner) {
  const theirs = (await store.listFiles(followUpFolder(owner.pairId))).filter((path) =>
    path.endsWith(`-${owner.role}.json`),
  );
  if (!theirs.length) return undefined;
  const { followUps } = await readSorted(store, theirs);
  return (followUps.get(owner.pairId) ?? []).find(
    (record) => record.type === 'bilan' && record.role === owner.role,
  );
}

/**
 * A bilan's free text whose author chose « seulement notre binôme » is dropped here, before the
 * form is even read: it is never checked, stored, hashed, logged nor sent back. Anything but
 * one clear choice to share it counts as keeping it.
 */
function withoutPrivateWords(entries: [string, string][]): [string, string][] {
  const sharing = entries.filter(([name]) => name === 'words.sharing').map(([, v]) => v.trim());
  const shared = sharing.length === 1 && sharedWith.includes(sharing[0]!);
  return shared ? entries : entries.filter(([name]) => name !== 'words.text');
}

/**
 * The choices a stored record may hold its words with: only these send the text (a choice added
 * to the form keeps it, until the record's schema says it may be stored).
 */
const sharedWith: readonly string[] = followUpSchema.properties.words.properties.sharing.enum;

/**
 * One follow-up form (« point d'étape », bilan) sent to the intake, from its body to its answer:
 * the checks every form gets (readSubmission), its schema and rules, then its personal code,
 * whose owner file says the pair and the role (never the form). A code refused for any reason
 * gets one answer and one log code, and counts against the client's code attempts; once they
 * are used up, even a right code waits. Then one commit adds the record and its markers.
 */
export async function receiveFollowUp(
  intake: IntakeContext,
  request: Request,
  kind: FollowUpFormKind,
  client: string,
  respond: Responder,
): Promise<Response> {
  const { store, rules, pow, limiters, log, structure } = intake;
  const started = performance.now();
  const read = await readSubmission(intake, request, kind, client, respond);
  if (read instanceof Response) return read;
  const { values, proof, now, at, refuse, tooMany } = read;
  const entries = kind === 'bilan' ? withoutPrivateWords(read.entries) : read.entries;

  const context = rulesContext(rules, now);
  const schema = formSchemas[kind] as SchemaNode;
  const form = withoutInapplicable(schema, formToObject(schema, entries), context.today);
  const checked = checkFollowUpForm(kind, form, context);
  // A code typed but of the wrong shape is a wrong code like any other: the same answer, and
  // counted (a missing one is only a form to complete).
  const typed = values('access.code')[0]?.trim() ?? '';
  const misshapen = typed !== '' && normalizeFollowUpCode(typed) === undefined;
  if (!checked.ok && !misshapen) {
    log({ event: 'intake.refused', code: 'invalid', kind });
    // The code never comes back in a page: a shared computer's history would keep it.
    return respond.refuse(
      request,
      kind,
      refusal('invalid', { structure, form: kind, problems: checked.problems }),
      entries.filter(([name]) => name !== 'access.code'),
    );
  }

  // Counted before the reads, and taken back once the code is accepted: guesses sent all at
  // once must not all pass a check made before any of them was counted.
  const waitCodes = await limiters.codeAttempts.attempt(client, at);
  if (waitCodes)
    return refuse('code-attempts-limited', { headers: { 'retry-after': String(waitCodes) } });
  const codeRefused = () => {
    log({ event: 'intake.refused', code: 'follow-up-code-refused', kind });
    // The form comes back without the code typed, so that the answer depends on nothing of it.
    return respond.refuse(
      request,
      kind,
      refusal('follow-up-code-refused', {
        structure,
        form: kind,
        problems: [refusedCodeProblem(structure)],
      }),
      entries.filter(([name]) => name !== 'access.code'),
    );
  };
  if (misshapen || !checked.ok) return codeRefused();
  const owner = await ownerOf(store, kind, checked.value.access.code, now);
  if (!owner) return codeRefused();

  const answers = followUpAnswers(kind, checked.value, owner);
  // A retry (double click, lost connection) sends the same key, or, without JavaScript, the
  // same answers: either way it gets the first one's receipt, not a second record. Without
  // JavaScript a check-in's key holds its day: the same answers a month later are news.
  const browserKey = values('idempotencyKey')[0];
  const fromBrowser = browserKey !== undefined && uuidPattern.test(browserKey);
  const key = fromBrowser
    ? browserKey
    : JSON.stringify({ answers, ...(kind === 'check-in' ? { on: context.today } : {}) });
  // Keyed digests, as for applications: the answers are guessable.
  const keyHash = fromBrowser
    ? await sha256Hex(`binome:${kind}:${key}`)
    : await hmacHex(pow.secret, `binome:${kind}:${key}`);
  const answersHash = await hmacHex(fromBrowser ? key : pow.secret, JSON.stringify(answers));

  if (kind === 'bilan') {
    const sent = await bilanSent(store, owner);
    // A bilan is sent once; only its own retry gets through, to be answered as one.
    if (sent && sent.intake?.idempotencyKeyHash !== keyHash) return codeRefused();
  }
  await limiters.codeAttempts.cancel(client, at);

  const waitToStore = await limiters.applications.attempt(client, at);
  if (waitToStore) return tooMany(waitToStore);
  const verified = proof.status === 'verified';
  let outcome;
  try {
    outcome = await storeSubmission(store, {
      keyHash,
      answersHash,
      ...(verified ? { challengeHash: await sha256Hex(proof.signature) } : {}),
      place: async (attempt) => {
        // Two records of one role in the same millisecond: the next one, a millisecond later.
        const submittedAt = new Date(at + attempt - 1).toISOString();
        const record = assembleFollowUp(answers, {
          submittedAt,
          proofOfWork: verified ? 'verified' : 'absent',
          idempotencyKeyHash: keyHash,
        });
        const valid = checkFollowUp(record);
        if (!valid.ok)
          throw new IntakeBugError(
            `Built an invalid ${kind} record (fields ${valid.problems.map((p) => p.field).join(', ')}).`,
          );
        const path = followUpPath(owner.pairId, submittedAt, owner.role);
        return {
          // The file's name (instant and role), never the pair; and a nonce, since the commit
          // tells its own attempt from an earlier submission's by this id alone.
          id: `${path.slice(path.lastIndexOf('/') + 1, -'.json'.length)}-${nonce()}`,
          record: { path, content: JSON.stringify(record, null, 2) + '\n' },
          message: `Add ${kind} to ${owner.pairId}`,
          // Revoked meanwhile (a new code, an erasure): the commit writes nothing.
          unchanged: new Map([[owner.codePath, owner.codeText]]),
          // One bilan per participant, even sent from two tabs at once (or after a new code).
          ...(kind === 'bilan' ? { once: await bilanOncePath(owner) } : {}),
        };
      },
    });
  } catch (error) {
    if (!(error instanceof StaleFileError && error.path === owner.codePath)) throw error;
    await limiters.codeAttempts.record(client, at);
    return codeRefused();
  }
  if (outcome.status === 'replayed') return refuse('proof-of-work-replayed');
  if (outcome.status === 'taken') {
    await limiters.codeAttempts.record(client, at);
    return codeRefused();
  }
  if (outcome.status === 'duplicate') {
    log({ event: 'intake.duplicate', kind, sameAnswers: outcome.sameAnswers });
    if (!outcome.sameAnswers) return refuse('already-sent');
    return respond.followUpAccepted(request, 200);
  }
  log({
    event: 'intake.accepted',
    kind,
    pairId: owner.pairId,
    role: owner.role,
    proofOfWork: verified ? 'verified' : 'absent',
    ms: Math.round(performance.now() - started),
  });
  return respond.followUpAccepted(request, 201);
}
