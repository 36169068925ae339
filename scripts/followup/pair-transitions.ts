import type { CloseReason, Pair, PairEvent } from '../../schemas/pair.schema.ts';
import { frenchDate } from '../text/french-date.ts';

/** What a coordinator does to a pair (issue 12): each is one dated event of its record. */
export type Transition =
  | {
      type: 'sign';
      /** The day each party signed the convention (YYYY-MM-DD). */
      signatures: { mentor: string; mentee: string; representative?: string; structure: string };
    }
  | { type: 'pause'; reason?: string }
  | { type: 'resume' }
  | { type: 'close'; outcome: 'as-planned' }
  | { type: 'close'; outcome: 'early'; reasonCode: CloseReason; reason?: string };

export interface TransitionContext {
  /** Now, as a UTC instant, and today in the structure's time zone (YYYY-MM-DD). */
  now: Date;
  today: string;
  /** The pair's planned end (its convention's), for a closing « as planned ». */
  plannedEnd: string;
  /** The day the pair was accepted: no one signed its convention before. */
  acceptedOn?: string;
  /** Whether a legal representative signs (the mentoré is a minor). */
  representativeSigns: boolean;
}

/** An impossible transition, said in French to the coordinator who asked for it. */
export class TransitionError extends Error {
  override name = 'TransitionError';
}

const statusWords: Record<Pair['status'], string> = {
  // On main, « proposed » is a pair whose pull request was merged but not yet accepted.
  proposed:
    'fusionné mais pas encore accepté (npm run match -- --accept <cohorte>, ou le workflow « Binômes » après la fusion)',
  accepted: 'accepté, sa convention pas encore signée',
  active: 'en cours',
  paused: 'en pause',
  closed: 'terminé',
};

/** A day that exists, written YYYY-MM-DD (30 February does not). */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
}

/** A coordinator's free words on a step: one line, 300 characters at most (the schema's). */
function checkReason(reason: string | undefined): void {
  if (reason === undefined) return;
  if (reason.length > 300 || /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(reason))
    throw new TransitionError(
      'Le motif doit tenir sur une ligne, en 300 caractères au plus (et ne nommer personne).',
    );
}

function refuse(pair: Pair, what: string): never {
  throw new TransitionError(`Le binôme ${pair.id} est ${statusWords[pair.status]} : ${what}`);
}

function checkSignatures(
  pair: Pair,
  signatures: Extract<Transition, { type: 'sign' }>['signatures'],
  context: TransitionContext,
): void {
  const parties: [keyof typeof signatures, string][] = [
    ['mentor', 'du mentor'],
    ['mentee', 'du mentoré'],
    ['structure', 'de l’Espace Jeunes'],
  ];
  if (context.representativeSigns) parties.push(['representative', 'du représentant légal']);
  else if (signatures.representative !== undefined)
    throw new TransitionError(
      `Le mentoré du binôme ${pair.id} n’est pas mineur : pas de signature de représentant légal.`,
    );
  for (const [party, whose] of parties) {
    const day = signatures[party];
    if (day === undefined || !isDay(day))
      throw new TransitionError(
        `Indiquez la date de la signature ${whose} (AAAA-MM-JJ) pour le binôme ${pair.id}.`,
      );
    if (day > context.today)
      throw new TransitionError(
        `La signature ${whose} est datée du ${frenchDate(day)}, après aujourd’hui : vérifiez la date.`,
      );
    if (context.acceptedOn && day < context.acceptedOn)
      throw new TransitionError(
        `La signature ${whose} est datée du ${frenchDate(day)}, avant que le binôme soit accepté (le ${frenchDate(context.acceptedOn)}) : vérifiez la date.`,
      );
    // A mentoring signed after its own planned end has no time to happen (hostile review).
    if (context.plannedEnd && day >= context.plannedEnd)
      throw new TransitionError(
        `La signature ${whose} est datée du ${frenchDate(day)}, alors que le mentorat devait finir le ${frenchDate(context.plannedEnd)} : ce binôme ne peut plus commencer ; terminez-le (cloture autre) et proposez un nouveau binôme.`,
      );
  }
}

/**
 * `pair` after `transition`, or a `TransitionError` saying in French why it cannot happen:
 * accepted → active (the convention signed, with a date per signatory) → paused ⇄ active →
 * closed, as planned (on or after the planned end) or early (with a reason code). Pure: the
 * caller writes the record, and the history of events is never rewritten.
 */
export function applyTransition(
  pair: Pair,
  transition: Transition,
  context: TransitionContext,
): Pair {
  const at = context.now.toISOString();
  let status: Pair['status'];
  let event: PairEvent;
  switch (transition.type) {
    case 'sign':
      if (pair.status !== 'accepted')
        refuse(pair, 'seule la convention d’un binôme accepté peut être déclarée signée.');
      checkSignatures(pair, transition.signatures, context);
      status = 'active';
      event = { type: 'signed', at, signatures: { ...transition.signatures } };
      break;
    case 'pause':
      if (pair.status !== 'active') refuse(pair, 'seul un binôme en cours peut être mis en pause.');
      checkReason(transition.reason);
      status = 'paused';
      event = { type: 'paused', at, ...(transition.reason ? { reason: transition.reason } : {}) };
      break;
    case 'resume':
      if (pair.status !== 'paused') refuse(pair, 'seul un binôme en pause peut reprendre.');
      status = 'active';
      event = { type: 'resumed', at };
      break;
    case 'close':
      if (pair.status === 'closed' || pair.status === 'proposed')
        refuse(
          pair,
          pair.status === 'closed'
            ? 'il ne peut pas être terminé une seconde fois.'
            : 'retirez-le de sa proposition (/retirer) plutôt que de le terminer.',
        );
      if (transition.outcome === 'as-planned' && pair.status === 'accepted')
        refuse(
          pair,
          'un mentorat qui n’a jamais commencé ne se termine pas comme prévu : indiquez le motif de sa fin anticipée.',
        );
      if (transition.outcome === 'as-planned' && context.today < context.plannedEnd)
        throw new TransitionError(
          `Le binôme ${pair.id} doit se terminer le ${frenchDate(context.plannedEnd)} : avant cette date, indiquez le motif de la fin anticipée.`,
        );
      if (transition.outcome === 'early' && context.today >= context.plannedEnd)
        throw new TransitionError(
          `La date de fin prévue du binôme ${pair.id} (le ${frenchDate(context.plannedEnd)}) est atteinte : il se termine comme prévu (cloture prevue).`,
        );
      if (transition.outcome === 'early') checkReason(transition.reason);
      status = 'closed';
      event =
        transition.outcome === 'as-planned'
          ? { type: 'closed', at, outcome: 'as-planned' }
          : {
              type: 'closed',
              at,
              outcome: 'early',
              reasonCode: transition.reasonCode,
              ...(transition.reason ? { reason: transition.reason } : {}),
            };
      break;
  }
  return { ...pair, status, events: [...pair.events, event] };
}

/** How a closed pair ended, when its closing says (a pair closed before issue 12 does not). */
function closingOutcome(pair: Pair): PairEvent['outcome'] {
  return pair.status === 'closed'
    ? pair.events.filter((e) => e.type === 'closed').at(-1)?.outcome
    : undefined;
}

/** Whether a closed pair ended early: its people go back to matching (issue 12). */
export function endedEarly(pair: Pair): boolean {
  return closingOutcome(pair) === 'early';
}

/** Whether a closed pair's mentoring went to its end: its mentoré is not matched again. */
export function endedAsPlanned(pair: Pair): boolean {
  return closingOutcome(pair) === 'as-planned';
}
