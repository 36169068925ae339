import { isPairId, kindOfId, pairIdOf } from '../../schemas/data-layout.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { pairBlockers } from '../matching/pair-blockers.ts';
import { pairRecord } from '../matching/pair-record.ts';
import type { MatchingMode } from '../matching/proposal.ts';
import { agreedMode } from '../matching/score-meeting-mode.ts';
import { sharedObjectives } from '../matching/score-objectives.ts';
import { scorePair } from '../matching/score-pair.ts';
import { quoteable } from './parse-commands.ts';
import { poolAfterEdit, readPairingState, type PairingState } from './pairing-state.ts';
import {
  editedProposal,
  proposePairs,
  scoringSettings,
  todayFor,
  write,
  type MatchDependencies,
} from './propose-pairs.ts';
import { UsageError } from './usage-error.ts';

const statusWords: Record<string, string> = {
  new: 'nouvelle',
  interviewed: 'entretien réalisé',
  accepted: 'acceptée',
  waitlisted: 'en liste d’attente',
  declined: 'non retenue',
  withdrawn: 'retirée',
};

/** `/relancer` words for the two modes (the English ones work too). */
export const modeWords: Record<string, MatchingMode> = {
  meilleurs: 'best',
  best: 'best',
  'plus-nombreux': 'most',
  most: 'most',
};

function twoPeople(args: readonly string[], usage: string): { mentor: string; mentee: string } {
  const ids = args.slice(0, 2);
  const mentor = ids.find((id) => kindOfId(id) === 'mentor');
  const mentee = ids.find((id) => kindOfId(id) === 'mentee');
  if (args.length !== 2 || !mentor || !mentee)
    throw new UsageError(`il faut un numéro de mentor et un numéro de mentoré : ${usage}`);
  return { mentor, mentee };
}

const withoutPair = (list: MatchingEdits['forbidden'], id: string) =>
  list.filter((p) => pairIdOf(p.mentor, p.mentee) !== id);

/** The list with this pair noted once, at `now` (an earlier note of it replaced). */
const noted = (
  list: MatchingEdits['forbidden'],
  pair: { mentor: string; mentee: string },
  now: Date,
): MatchingEdits['forbidden'] => [
  ...withoutPair(list, pairIdOf(pair.mentor, pair.mentee)),
  { mentor: pair.mentor, mentee: pair.mentee, at: now.toISOString() },
];

async function save(
  deps: MatchDependencies,
  state: PairingState,
  pairs: Pair[],
  edits: MatchingEdits,
  message: string,
): Promise<void> {
  const pool = poolAfterEdit(state, pairs, edits);
  await write(deps, state, editedProposal(deps, pool, pairs, edits.mode), pool, edits, message);
}

/** `/retirer <binôme>`: withdraws a proposed pair (not proposed again for this cohort). */
export async function withdrawPair(
  deps: MatchDependencies,
  cohort: string,
  args: readonly string[],
): Promise<string> {
  const id = args[0] ?? '';
  if (args.length !== 1 || !isPairId(id))
    throw new UsageError('il faut un numéro de binôme : /retirer pair-xxxxxx-yyyyyy');
  const state = await readPairingState(deps.store, deps.settings, cohort);
  const pair = state.proposed.find((p) => p.id === id);
  if (!pair)
    throw new UsageError(`${id} n’est pas proposé dans cette pull request (voyez la revue).`);
  const edits: MatchingEdits = {
    ...state.edits,
    withdrawn: noted(state.edits.withdrawn, pair, deps.now()),
  };
  await save(
    deps,
    state,
    state.proposed.filter((p) => p.id !== id),
    edits,
    `Withdraw ${id}`,
  );
  return `${id} retiré : ${pair.mentee} et ${pair.mentor} sont de nouveau disponibles (ce binôme ne sera plus proposé pour cette cohorte). Commentez /relancer pour compléter la proposition.`;
}

/** `/interdire <mentor> <mentoré>`: these two are never proposed together again. */
export async function forbidPair(
  deps: MatchDependencies,
  cohort: string,
  args: readonly string[],
): Promise<string> {
  const { mentor, mentee } = twoPeople(args, '/interdire mentor-xxxxxx mentee-yyyyyy');
  const state = await readPairingState(deps.store, deps.settings, cohort);
  for (const id of [mentor, mentee])
    if (!state.pool.profiles.mentors.has(id) && !state.pool.profiles.mentees.has(id))
      throw new UsageError(`aucune candidature ${id} dans le dépôt de données.`);
  const id = pairIdOf(mentor, mentee);
  const edits: MatchingEdits = {
    ...state.edits,
    forbidden: noted(state.edits.forbidden, { mentor, mentee }, deps.now()),
  };
  const proposed = state.proposed.find((p) => p.id === id);
  await save(
    deps,
    state,
    state.proposed.filter((p) => p.id !== id),
    edits,
    `Forbid ${id}`,
  );
  return `${mentor} et ${mentee} ne seront plus jamais proposés ensemble${proposed ? ` ; le binôme ${id} est retiré de la proposition (commentez /relancer pour compléter)` : ''}.`;
}

/** `/associer <mentor> <mentoré>`: a coordinator's pair, if no hard rule forbids it. */
export async function forcePair(
  deps: MatchDependencies,
  cohort: string,
  args: readonly string[],
): Promise<string> {
  const { mentor, mentee } = twoPeople(args, '/associer mentor-xxxxxx mentee-yyyyyy');
  const state = await readPairingState(deps.store, deps.settings, cohort);
  const { pool } = state;
  const mentorProfile = pool.profiles.mentors.get(mentor);
  const menteeProfile = pool.profiles.mentees.get(mentee);
  for (const [id, profile] of [
    [mentor, mentorProfile],
    [mentee, menteeProfile],
  ] as const) {
    if (!profile) throw new UsageError(`aucune candidature ${id} dans le dépôt de données.`);
    const status = state.main.decisions.get(id)?.status;
    if (status !== 'accepted')
      throw new UsageError(
        `la candidature ${id} n’est pas acceptée (statut : ${status ? statusWords[status] : 'pas encore de décision'}) : seules les personnes acceptées peuvent être associées. Enregistrez d’abord la décision avec /decision dans l’issue « Candidatures à examiner ».`,
      );
    if (profile.cohort > cohort)
      throw new UsageError(
        `la candidature ${id} vise une cohorte suivante (${profile.cohort}) : elle ne peut pas être associée dans celle-ci.`,
      );
  }
  const id = pairIdOf(mentor, mentee);
  if (state.proposed.some((p) => p.id === id && p.proposedBy === 'coordinator'))
    return `${id} est déjà imposé : rien à faire.`;
  if (state.main.pairs.some((p) => p.mentee === mentee && p.status !== 'closed'))
    throw new UsageError(`${mentee} est déjà dans un binôme accepté.`);
  const blockers = pairBlockers(menteeProfile!, mentorProfile!, {
    ...pool.ruledOut,
    withdrawn: new Set(),
  });
  if (blockers.length > 0)
    throw new UsageError(`refusé : ${blockers.map((b) => b.message).join(' ; ')}.`);
  // Places left after accepted and forced pairs (the mentoré's own forced pair with another
  // mentor, replaced below, frees nothing for this one).
  const places = pool.places.get(mentor) ?? 0;
  if (places < 1)
    throw new UsageError(
      `refusé : ${mentor} n’a plus de place (capacité : ${mentorProfile!.capacity}, toutes prises par ses binômes acceptés ou imposés). Retirez l’un de ses binômes imposés (/retirer) ou choisissez un autre mentor.`,
    );
  const today = todayFor(deps);
  const score = scorePair(menteeProfile!, mentorProfile!, scoringSettings(deps.settings), today);
  const forced = pairRecord(
    {
      mentor,
      mentee,
      proposedBy: 'coordinator',
      score,
      meetingMode: agreedMode(menteeProfile!.meetingMode, mentorProfile!.meetingMode),
      objectives: sharedObjectives(menteeProfile!, mentorProfile!),
    },
    cohort,
    deps.now().toISOString(),
  );
  let pairs = state.proposed.filter((p) => p.mentee !== mentee);
  const displaced = state.proposed.filter((p) => p.mentee === mentee && p.id !== id);
  // The mentor's places: forced pairs first; the solver's lowest-scoring pairs make room.
  const solverPairs = pairs
    .filter((p) => p.mentor === mentor && p.proposedBy === 'matching')
    .sort((a, b) => a.score.total - b.score.total || (a.mentee < b.mentee ? -1 : 1));
  const over = solverPairs.length - (places - 1);
  for (const pair of solverPairs.slice(0, Math.max(0, over))) {
    displaced.push(pair);
    pairs = pairs.filter((p) => p.id !== pair.id);
  }
  pairs = [...pairs, forced].sort((a, b) => (a.mentee < b.mentee ? -1 : 1));
  const edits: MatchingEdits = {
    ...state.edits,
    withdrawn: withoutPair(state.edits.withdrawn, id),
  };
  await save(deps, state, pairs, edits, `Force ${id}`);
  return `${id} imposé (${score.total} points)${displaced.length ? ` ; retiré${displaced.length > 1 ? 's' : ''} pour lui faire place : ${displaced.map((p) => p.id).join(', ')} (commentez /relancer pour replacer ces personnes)` : ''}.`;
}

/** `/relancer [meilleurs|plus-nombreux]`: solves again, keeping the coordinators' edits. */
export async function solveAgain(
  deps: MatchDependencies,
  cohort: string,
  args: readonly string[],
): Promise<string> {
  const word = args[0];
  const mode = word === undefined ? undefined : modeWords[word.toLowerCase()];
  if (args.length > 1 || (word !== undefined && !mode))
    throw new UsageError(
      `mode « ${quoteable(word ?? '')} » inconnu : /relancer, /relancer meilleurs ou /relancer plus-nombreux.`,
    );
  const outcome = await proposePairs(deps, {
    cohort,
    ...(mode ? { mode } : {}),
    message: `Propose pairs again for cohort ${cohort}`,
  });
  return `proposition recalculée (mode ${outcome.mode === 'best' ? 'meilleurs' : 'plus-nombreux'}) : ${outcome.pairs} binôme${outcome.pairs > 1 ? 's' : ''}, ${outcome.unmatched} mentoré${outcome.unmatched > 1 ? 's' : ''} sans binôme${outcome.changed ? '' : ' (rien n’a changé)'}${outcome.dropped.map((d) => ` ; ${d.id} n’est plus imposé : ${d.reason}`).join('')}.`;
}
