import { applicationPath, isPairId } from '../../schemas/data-layout.ts';
import type { CloseReason, Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { plannedDates } from '../convention/planned-dates.ts';
import { applyTransition, TransitionError, type Transition } from '../followup/pair-transitions.ts';
import { pairText } from '../matching/pair-record.ts';
import { StaleFileError, type DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { checkPair } from '../../schemas/validators.ts';
import { frenchDate } from '../text/french-date.ts';
import { parseCommandLine } from './parse-command-line.ts';
import type { Delivery } from './delivery.ts';
import { handedOver, issueCodes, random, type CodeIssue } from './follow-up-codes.ts';
import { followUpActions, runFollowUpAction } from './pair-follow-up-actions.ts';
import { foldedWord } from '../text/folded-word.ts';
import { readPairFile } from './read-pair.ts';
import { UsageError } from './usage-error.ts';

const usage = `Utilisation :
  npm run pair -- <binôme> signee <date> [--mentor <date>] [--mentore <date>]
                   [--representant <date>] [--structure <date>] [--majeur]
      la convention est signée : le binôme est en cours (une date pour tous, AAAA-MM-JJ, ou une
      par signataire). Pour un mentoré mineur à sa candidature, la date du représentant légal
      est demandée, sauf --majeur s’il est devenu majeur avant de signer.
      Chaque participant reçoit alors son code de suivi, sur une fiche à lui remettre.
  npm run pair -- <binôme> codes [mentor | mentore]
      de nouveaux codes de suivi (un code perdu ou divulgué) : les anciens ne marchent plus
  npm run pair -- <binôme> contact [date]
      l’équipe a pris contact avec le binôme (aujourd’hui, ou à la date donnée)
  npm run pair -- <binôme> mi-parcours [date]
      le point de mi-parcours avec le binôme a eu lieu
  npm run pair -- <binôme> rendez-vous <date> <heure> [--duree <minutes>]
      l’invitation (.ics) à la première rencontre à la structure, à envoyer aux deux
      participants, par exemple : rendez-vous 10/12/2026 18h30
  npm run pair -- <binôme> pause [--motif "…"]
  npm run pair -- <binôme> reprise
  npm run pair -- <binôme> cloture prevue
      le mentorat s’est terminé comme prévu (à la date de fin prévue ou après)
  npm run pair -- <binôme> cloture <indisponible|objectif-atteint|desaccord|manquement|autre> [--motif "…"]
      le mentorat s’arrête avant la date prévue ; ses deux membres peuvent de nouveau être
      proposés à l’appariement
  Le motif écrit (facultatif) ne doit nommer personne : il est effacé avec la personne.`;

/** The early-closing reasons as a coordinator types them. */
const reasonCodes: Record<string, CloseReason> = {
  indisponible: 'no-longer-available',
  'objectif-atteint': 'objective-reached',
  desaccord: 'disagreement',
  manquement: 'breach',
  autre: 'other',
};

const plain = (word: string | undefined) => (word === undefined ? undefined : foldedWord(word));

/** What the command is given from its world. */
export interface PairCommandDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  now: () => Date;
  print: (line: string) => void;
  /**
   * Where the participants' follow-up sheets go (their codes are secrets: never printed into a
   * comment); without it, no code is issued and the coordinator is told how to get them.
   */
  deliver?: Delivery;
  /** Also print the codes themselves: only on the coordinator's own terminal. */
  showCodes?: boolean;
  /** Random bytes (crypto.getRandomValues by default), injected for the tests. */
  random?: (bytes: number) => Uint8Array;
}

function transitionOf(
  action: string | undefined,
  rest: readonly string[],
  values: Record<string, string | boolean | undefined>,
): Transition {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const reason = text('motif')?.trim() || undefined;
  const extra = (allowed: number) => {
    if (rest.length > allowed) throw new UsageError(usage);
  };
  if (action === 'signee' || action === 'signed') {
    extra(1);
    const all = rest[0];
    const day = (own: string | undefined) => own ?? all ?? '';
    return {
      type: 'sign',
      signatures: {
        mentor: day(text('mentor')),
        mentee: day(text('mentore')),
        structure: day(text('structure')),
        ...(text('representant') !== undefined ? { representative: text('representant')! } : {}),
      },
    };
  }
  if (action === 'pause') {
    extra(0);
    return { type: 'pause', ...(reason ? { reason } : {}) };
  }
  if (action === 'reprise' || action === 'resume') {
    extra(0);
    return { type: 'resume' };
  }
  if (action === 'cloture' || action === 'close') {
    extra(1);
    const how = plain(rest[0]);
    if (how === 'prevue' || how === 'as-planned') return { type: 'close', outcome: 'as-planned' };
    const code = how === undefined ? undefined : reasonCodes[how];
    if (!code)
      throw new UsageError(
        `Indiquez comment le binôme se termine : prevue, ou le motif de la fin anticipée (${Object.keys(reasonCodes).join(', ')}).`,
      );
    return { type: 'close', outcome: 'early', reasonCode: code, ...(reason ? { reason } : {}) };
  }
  throw new UsageError(usage);
}

/** What the coordinator reads once the pair changed. */
function said(pair: Pair): string {
  const event = pair.events.at(-1)!;
  if (event.type === 'signed')
    return `Le binôme ${pair.id} est en cours : convention signée (dernière signature le ${frenchDate(
      Object.values(event.signatures ?? {})
        .sort()
        .at(-1) ?? '',
    )}).`;
  if (event.type === 'paused') return `Le binôme ${pair.id} est en pause.`;
  if (event.type === 'resumed') return `Le binôme ${pair.id} reprend : il est de nouveau en cours.`;
  return event.outcome === 'early'
    ? `Le binôme ${pair.id} est terminé avant la date prévue. Ses deux membres peuvent de nouveau être proposés à l’appariement (npm run match).`
    : `Le binôme ${pair.id} est terminé comme prévu. Pensez au bilan de fin de mentorat.`;
}

/**
 * `npm run pair -- <pairId> signee|pause|reprise|cloture …` (issue 12): a coordinator's step in a
 * pair's life, checked (scripts/followup/pair-transitions.ts) and recorded as one dated event of
 * its file, in one commit whose message names the pair id only. The same code path as the
 * comment commands on GitHub.
 */
export async function runPair(
  args: readonly string[],
  deps: PairCommandDependencies,
): Promise<void> {
  const parsed = parseCommandLine(
    args,
    usage,
    {
      mentor: { type: 'string' },
      mentore: { type: 'string' },
      representant: { type: 'string' },
      structure: { type: 'string' },
      motif: { type: 'string' },
      majeur: { type: 'boolean' },
      duree: { type: 'string' },
    },
    deps.print,
  );
  if (!parsed) return;
  const [id, action, ...rest] = parsed.positionals;
  if (!id || !action) throw new UsageError(usage);
  if (!isPairId(id))
    // Never repeated: it may be a name.
    throw new UsageError(
      'Le premier argument n’est pas un identifiant de binôme (par exemple pair-7f3k9q-a1b2c3) : donnez son identifiant, jamais un nom.',
    );
  const step = foldedWord(action);
  if (followUpActions.has(step)) return runFollowUpAction(step, id, rest, parsed.values, deps);
  const transition = transitionOf(step, rest, parsed.values);
  for (let attempt = 1; ; attempt += 1) {
    const { pair, path, text } = await readPairFile(deps.store, id);
    const now = deps.now();
    const today = dateIn(deps.settings.structure.timeZone, now);
    const cohort = deps.settings.cohorts.find((c) => c.id === pair.cohort);
    const acceptedAt = pair.events.find((e) => e.type === 'accepted')?.at;
    const acceptedOn = acceptedAt
      ? dateIn(deps.settings.structure.timeZone, new Date(acceptedAt))
      : undefined;
    const plannedEnd = plannedDates(
      { start: cohort?.start ?? acceptedOn ?? today, end: cohort?.end ?? '' },
      acceptedOn,
      deps.settings.mentoring,
    ).end;
    // A minor at application has the representative's authorisation in their record (not in
    // their identity): the representative signs, unless they came of age before signing
    // (--majeur). With no record left (erased), a representative's date is taken as given.
    const { applications } = await readRecords(deps.store, {
      folders: [],
      paths: [applicationPath(pair.mentee)],
    });
    const mentee = applications.find((a) => a.id === pair.mentee) as
      { legalRepresentativeAuthorisation?: string } | undefined;
    const representativeSigns =
      transition.type === 'sign'
        ? mentee
          ? Boolean(mentee.legalRepresentativeAuthorisation) && parsed.values.majeur !== true
          : transition.signatures.representative !== undefined
        : false;
    let changed: Pair;
    try {
      changed = applyTransition(pair, transition, {
        now,
        today,
        plannedEnd,
        ...(acceptedOn ? { acceptedOn } : {}),
        representativeSigns,
      });
    } catch (error) {
      if (error instanceof TransitionError) throw new UsageError(error.message);
      throw error;
    }
    // What is written is a valid record, or nothing is: a file the schema refuses would stop the
    // matching and every later step.
    const checked = checkPair(changed);
    if (!checked.ok)
      throw new UsageError(
        `Rien n’a été enregistré : le binôme ${id} ainsi modifié ne respecterait pas son schéma (${checked.problems.map((p) => p.field).join(', ')}).`,
      );
    // Signed: each participant's follow-up code comes in the same commit, so that a pair under
    // way always has them (and any earlier ones stop working).
    const codes: CodeIssue | undefined =
      transition.type === 'sign' && deps.deliver
        ? await issueCodes(deps.store, changed, ['mentor', 'mentee'], now, random(deps))
        : undefined;
    try {
      await deps.store.commit(
        [{ path, content: pairText(changed) }, ...(codes?.files ?? [])],
        `Pair ${id}: ${changed.events.at(-1)!.type}`,
        {
          unchanged: new Map([[path, text], ...(codes?.unchanged ?? [])]),
          ...(codes ? { remove: codes.remove } : {}),
        },
      );
    } catch (error) {
      if (error instanceof StaleFileError && attempt < 3) continue;
      throw error;
    }
    deps.print(said(changed));
    if (transition.type === 'sign') deps.print(await handedOver(deps, changed, codes));
    return;
  }
}
