import { applicationPath, isPairId, pairPath } from '../../schemas/data-layout.ts';
import type { CloseReason, Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { plannedDates } from '../convention/planned-dates.ts';
import { applyTransition, TransitionError, type Transition } from '../followup/pair-transitions.ts';
import { pairText } from '../matching/pair-record.ts';
import { StaleFileError, type DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { frenchDate } from '../text/french-date.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { UsageError } from './usage-error.ts';

const usage = `Utilisation :
  npm run pair -- <binôme> signee <date> [--mentor <date>] [--mentore <date>]
                   [--representant <date>] [--structure <date>]
      la convention est signée : le binôme est en cours (une date pour tous, AAAA-MM-JJ, ou une
      par signataire ; celle du représentant légal quand le mentoré est mineur)
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

/** What the command is given from its world. */
export interface PairCommandDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  now: () => Date;
  print: (line: string) => void;
}

function transitionOf(
  action: string | undefined,
  rest: readonly string[],
  values: Record<string, string | undefined>,
): Transition {
  const reason = values['motif']?.trim() || undefined;
  if (action === 'signee' || action === 'signed') {
    const all = rest[0];
    const day = (own: string | undefined) => own ?? all ?? '';
    return {
      type: 'sign',
      signatures: {
        mentor: day(values['mentor']),
        mentee: day(values['mentore']),
        structure: day(values['structure']),
        ...(values['representant'] !== undefined ? { representative: values['representant'] } : {}),
      },
    };
  }
  if (action === 'pause') return { type: 'pause', ...(reason ? { reason } : {}) };
  if (action === 'reprise' || action === 'resume') return { type: 'resume' };
  if (action === 'cloture' || action === 'close') {
    const how = rest[0];
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
  const transition = transitionOf(action, rest, parsed.values);
  for (let attempt = 1; ; attempt += 1) {
    const path = pairPath(id);
    const text = await deps.store.readFile(path);
    const { pairs, applications } = await readRecords(deps.store, {
      folders: [],
      paths: [path, applicationPath(`mentee-${id.slice(12)}`)],
    });
    const pair = pairs.find((p) => p.id === id);
    if (!pair)
      throw new UsageError(
        text === undefined
          ? `Le binôme ${id} n’existe pas dans le dépôt de données.`
          : `Le fichier du binôme ${id} n’a pas pu être lu : corrigez-le d’abord (la validation dit pourquoi).`,
      );
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
    // A minor's application carries the representative's authorisation (not their identity):
    // the representative's date is then expected if given, never refused.
    const mentee = applications.find((a) => a.id === pair.mentee) as
      { legalRepresentativeAuthorisation?: string } | undefined;
    let changed: Pair;
    try {
      changed = applyTransition(pair, transition, {
        now,
        today,
        plannedEnd,
        representativeSigns: mentee?.legalRepresentativeAuthorisation ? undefined : false,
      });
    } catch (error) {
      if (error instanceof TransitionError) throw new UsageError(error.message);
      throw error;
    }
    try {
      await deps.store.commit(
        [{ path, content: pairText(changed) }],
        `Pair ${id}: ${changed.events.at(-1)!.type}`,
        { unchanged: new Map([[path, text]]) },
      );
    } catch (error) {
      if (error instanceof StaleFileError && attempt < 3) continue;
      throw error;
    }
    deps.print(said(changed));
    return;
  }
}
