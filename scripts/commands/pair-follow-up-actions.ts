import { followUpPath } from '../../schemas/data-layout.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { frenchDateToIso } from '../../schemas/form-to-object.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { checkFollowUp } from '../../schemas/validators.ts';
import {
  firstMeetingInvitation,
  InvitationInputError,
  type InvitationInputProblem,
} from '../followup/first-meeting-invitation.ts';
import { parseFrenchDateTime } from '../followup/parse-french-date-time.ts';
import { isDay } from '../followup/pair-transitions.ts';
import { pairDates } from '../followup/pair-dates.ts';
import { FileExistsError } from '../store/data-store.ts';
import { frenchDate } from '../text/french-date.ts';
import { handedOver, issueCodes, random, type ParticipantRole } from './follow-up-codes.ts';
import type { PairCommandDependencies } from './run-pair.ts';
import { foldedWord } from '../text/folded-word.ts';
import { readPairFile } from './read-pair.ts';
import { UsageError } from './usage-error.ts';

/** The follow-up steps that record something beside a pair, not a change of its status. */
export const followUpActions = new Set(['codes', 'contact', 'mi-parcours', 'rendez-vous']);

const statusWords: Record<Pair['status'], string> = {
  proposed: 'seulement proposé',
  accepted: 'accepté, sa convention pas encore signée',
  active: 'en cours',
  paused: 'en pause',
  closed: 'terminé',
};

/** `codes [mentor|mentore]`: new codes replace the old ones, for a pair under way or just ended. */
async function newCodes(
  deps: PairCommandDependencies,
  pair: Pair,
  rest: readonly string[],
): Promise<void> {
  const [who, ...extra] = rest;
  const which = who === undefined ? undefined : foldedWord(who);
  const roles: ParticipantRole[] =
    which === undefined || which === 'tous'
      ? ['mentor', 'mentee']
      : which === 'mentor'
        ? ['mentor']
        : which === 'mentore' || which === 'mentee'
          ? ['mentee']
          : [];
  if (roles.length === 0 || extra.length > 0)
    throw new UsageError(
      `Pour qui ? npm run pair -- ${pair.id} codes (les deux), codes mentor ou codes mentore.`,
    );
  if (pair.status !== 'active' && pair.status !== 'paused' && pair.status !== 'closed')
    throw new UsageError(
      `Le binôme ${pair.id} est ${statusWords[pair.status]} : ses codes de suivi viennent avec la signature de sa convention (npm run pair -- ${pair.id} signee <date>).`,
    );
  if (!deps.deliver) {
    deps.print(await handedOver(deps, pair, undefined));
    return;
  }
  const now = deps.now();
  const codes = await issueCodes(deps.store, pair, roles, now, random(deps));
  await deps.store.commit(codes.files, `Pair ${pair.id}: new follow-up codes`, {
    remove: codes.remove,
    unchanged: codes.unchanged,
  });
  deps.print(await handedOver(deps, pair, codes));
}

/** A day as typed (`2026-12-10` or `10/12/2026`), or today. */
function dayOf(typed: string | undefined, today: string): string {
  if (typed === undefined) return today;
  const day = frenchDateToIso(typed.trim());
  if (!isDay(day))
    throw new UsageError(
      'Indiquez une date qui existe, au format JJ/MM/AAAA ou AAAA-MM-JJ (par exemple 10/12/2026), ou rien pour aujourd’hui.',
    );
  return day;
}

/** `contact [date]` and `mi-parcours [date]`: a coordinator's step, as a follow-up record. */
async function coordinatorStep(
  deps: PairCommandDependencies,
  pair: Pair,
  type: 'contact' | 'mid-point-review',
  rest: readonly string[],
): Promise<void> {
  if (rest.length > 1)
    throw new UsageError(
      `Trop de mots : npm run pair -- ${pair.id} ${type === 'contact' ? 'contact' : 'mi-parcours'} [date].`,
    );
  const now = deps.now();
  const today = dateIn(deps.settings.structure.timeZone, now);
  const on = dayOf(rest[0], today);
  if (pair.status === 'proposed' || pair.status === 'accepted')
    throw new UsageError(
      `Le binôme ${pair.id} est ${statusWords[pair.status]} : son suivi commence avec la signature de sa convention.`,
    );
  if (on > today)
    throw new UsageError(
      `Le ${frenchDate(on)} est dans le futur : indiquez le jour où cela a eu lieu.`,
    );
  const { start } = pairDates(pair, deps.settings);
  const accepted = pair.events.find((e) => e.type === 'accepted')?.at;
  const earliest = accepted ? dateIn(deps.settings.structure.timeZone, new Date(accepted)) : start;
  if (on < earliest)
    throw new UsageError(
      `Le ${frenchDate(on)} est avant que le binôme ${pair.id} existe (${frenchDate(earliest)}) : vérifiez la date.`,
    );
  // Two steps noted in the same millisecond (two commands of one comment) get the next one.
  for (let shift = 0; ; shift += 1) {
    const record: FollowUp = {
      schemaVersion: 1,
      pairId: pair.id,
      type,
      role: 'coordinator',
      submittedAt: new Date(now.getTime() + shift).toISOString(),
      on,
    };
    const checked = checkFollowUp(record);
    if (!checked.ok)
      throw new UsageError(
        `Rien n’a été enregistré : ce suivi ne respecterait pas son schéma (${checked.problems.map((p) => p.field).join(', ')}).`,
      );
    try {
      await deps.store.commit(
        [
          {
            path: followUpPath(pair.id, record.submittedAt, 'coordinator'),
            content: JSON.stringify(record, null, 2) + '\n',
          },
        ],
        `Pair ${pair.id}: ${type}`,
        { create: true },
      );
      break;
    } catch (error) {
      if (!(error instanceof FileExistsError) || shift >= 20) throw error;
    }
  }
  deps.print(
    type === 'contact'
      ? `Contact avec le binôme ${pair.id} noté le ${frenchDate(on)}.`
      : `Point de mi-parcours du binôme ${pair.id} noté le ${frenchDate(on)}.`,
  );
}

const invitationProblems: Record<InvitationInputProblem, string> = {
  'pair-id': 'cet identifiant de binôme n’est pas valable',
  start: 'indiquez une date et une heure qui existent',
  'time-zone': 'le fuseau horaire des réglages (structure.timeZone) est inconnu',
  'nonexistent-time':
    'cette heure n’existe pas ce jour-là (passage à l’heure d’été) : choisissez-en une autre',
  'ambiguous-time':
    'cette heure existe deux fois ce jour-là (passage à l’heure d’hiver) : choisissez-en une autre',
  duration: 'la durée doit être un nombre de minutes, de 1 à 1440',
  stamp: 'l’horloge de la machine est déréglée',
  sequence: 'l’horloge de la machine est déréglée',
  text: 'le nom ou l’adresse de la structure manque dans les réglages',
};

/**
 * `rendez-vous <date> <heure> [--duree <minutes>]`: the first meeting's calendar file (.ics),
 * offered to both participants through the delivery (the data folder, or the job's artifact).
 * Nothing is committed: the file holds no one's name, and a new one replaces it (same UID).
 */
async function firstMeeting(
  deps: PairCommandDependencies,
  pair: Pair,
  rest: readonly string[],
  values: Record<string, string | boolean | undefined>,
): Promise<void> {
  const example = `npm run pair -- ${pair.id} rendez-vous 10/12/2026 18h30 [--duree 60]`;
  const [date = '', hour = '', ...extra] = rest;
  const start = parseFrenchDateTime(date, hour);
  if (!start || extra.length > 0)
    throw new UsageError(`Indiquez le jour et l’heure de la première rencontre : ${example}.`);
  if (pair.status !== 'accepted' && pair.status !== 'active' && pair.status !== 'paused')
    throw new UsageError(
      `Le binôme ${pair.id} est ${statusWords[pair.status]} : pas de première rencontre à fixer.`,
    );
  const now = deps.now();
  const timeZone = deps.settings.structure.timeZone;
  if (start.slice(0, 10) < dateIn(timeZone, now))
    throw new UsageError(`Le ${frenchDate(start)} est passé : indiquez une date à venir.`);
  const typed = values['duree'];
  const durationMinutes = typeof typed === 'string' ? Number(typed) : 60;
  const { structure } = deps.settings;
  let ics: string;
  try {
    ics = firstMeetingInvitation({
      pairId: pair.id,
      start,
      durationMinutes,
      timeZone,
      structureName: structure.shortName,
      address: `${structure.address.street}, ${structure.address.postalCode} ${structure.address.city}`,
      stamp: now,
      // Minutes since 2026: a later file for the same meeting always supersedes the earlier one.
      sequence: Math.max(0, Math.floor((now.getTime() - Date.UTC(2026, 0, 1)) / 60_000)),
    });
  } catch (error) {
    if (error instanceof InvitationInputError)
      throw new UsageError(`Rien n’a été fait : ${invitationProblems[error.problem]}.`);
    throw error;
  }
  if (!deps.deliver)
    throw new UsageError(
      `L’invitation ne peut être remise d’ici : ${example}, sur un terminal, l’écrit dans le dossier des données.`,
    );
  const where = await deps.deliver([
    { path: `invitations/${pair.id}-premiere-rencontre.ics`, content: ics },
  ]);
  deps.print(
    `Invitation à la première rencontre du binôme ${pair.id}, le ${frenchDate(start)} à ${start.slice(11, 13)} h ${start.slice(14)} à l’${structure.shortName} : ${where}. Envoyez-la aux deux participants (elle s’ouvre dans leur agenda).`,
  );
}

/** The follow-up steps of `npm run pair` that do not change the pair's status. */
export async function runFollowUpAction(
  action: string,
  id: string,
  rest: readonly string[],
  values: Record<string, string | boolean | undefined>,
  deps: PairCommandDependencies,
): Promise<void> {
  const { pair } = await readPairFile(deps.store, id);
  if (action === 'codes') return newCodes(deps, pair, rest);
  if (action === 'rendez-vous') return firstMeeting(deps, pair, rest, values);
  return coordinatorStep(deps, pair, action === 'contact' ? 'contact' : 'mid-point-review', rest);
}
