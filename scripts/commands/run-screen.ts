import { parseArgs } from 'node:util';
import { applicationPath, isApplicationId, screeningPath } from '../../schemas/data-layout.ts';
import { parseJson } from '../../schemas/parse-json.ts';
import {
  screeningDecisionSchema,
  type ScreeningDecision,
  type ScreeningStatus,
} from '../../schemas/screening-decision.schema.ts';
import { checkScreeningDecision } from '../../schemas/validators.ts';
import { pendingRows } from '../screening/pending-rows.ts';
import { recordDecision } from '../screening/record-decision.ts';
import { StaleFileError, type DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { printable } from '../text/printable.ts';
import { UsageError } from './usage-error.ts';

const statuses = ['new', 'interviewed', 'accepted', 'waitlisted', 'declined', 'withdrawn'] as const;

/** The French label of each status, as the schema gives it. */
const statusLabels = Object.fromEntries(
  screeningDecisionSchema.properties.status.oneOf.map((s) => [s.const, s.title.toLowerCase()]),
) as Record<ScreeningStatus, string>;
const usage = `Utilisation :
  npm run screen -- list [--all]                 les candidatures à examiner (ids et profils, sans identité)
  npm run screen -- <id> <statut> [--reason "…"] [--training AAAA-MM-JJ]
                                                 enregistre la décision de la coordination sur une
                                                 candidature (entretien, acceptée, refusée…), avec
                                                 son historique, dans screening/<id>.json
Statuts : ${statuses.join(', ')}`;

/** Bad input from the coordinator: the message says what to do, nothing was written. */
export class ScreenUsageError extends UsageError {
  override name = 'ScreenUsageError';
}

export interface ScreenDependencies {
  store: DataStore;
  now: () => Date;
  print: (line: string) => void;
}

/**
 * `npm run screen`: lists applications to screen, or records a coordinator's decision as
 * `screening/<id>.json` in one commit whose message holds the id and status only.
 */
export async function runScreen(args: readonly string[], deps: ScreenDependencies): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    deps.print(usage);
    return;
  }
  let options;
  try {
    options = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        reason: { type: 'string' },
        training: { type: 'string' },
        all: { type: 'boolean', default: false },
      },
    });
  } catch {
    // Node's message is in English and names the option as typed: ours says what to do.
    throw new ScreenUsageError(`Option inconnue ou sans valeur.\n${usage}`);
  }
  const { values, positionals } = options;
  if (positionals.length > 2)
    throw new ScreenUsageError(
      `Trop d’arguments : « ${printable(positionals.slice(2).join(' '))} ».\n${usage}`,
    );
  const [first, second] = positionals;
  if (first === 'list' || first === undefined) {
    const records = await readRecords(deps.store);
    const rows = pendingRows(records.applications, records.decisions, { all: values.all });
    if (rows.length === 0) deps.print('Aucune candidature à examiner.');
    for (const row of rows) {
      const flag = row.needsReview ? ' [à vérifier : envoyée sans JavaScript]' : '';
      deps.print(
        `${row.id}  ${row.status.padEnd(11)} ${row.submittedOn}  cohorte ${row.cohort}  ${row.summary}${flag}`,
      );
    }
    // A file nobody can read is not silently dropped: the coordinator sees where it is.
    for (const file of records.unreadable)
      deps.print(`Fichier illisible, ignoré : ${printable(file.path)} — ${file.reason}.`);
    return;
  }
  const id = first;
  if (!isApplicationId(id))
    throw new ScreenUsageError(
      `« ${id} » n’est pas un numéro de candidature (par exemple mentee-7f3k9q).\n${usage}`,
    );
  if (!statuses.includes(second as ScreeningStatus)) {
    throw new ScreenUsageError(`Statut « ${second ?? ''} » inconnu.\n${usage}`);
  }
  if ((await deps.store.readFile(applicationPath(id))) === undefined) {
    throw new ScreenUsageError(
      `Aucune candidature ${id} dans le dépôt de données : vérifiez le numéro.`,
    );
  }
  const path = screeningPath(id);
  // Read, decide, write only if nobody changed the file meanwhile; else read again: two
  // coordinators deciding at once both keep their decision in the history (hostile review).
  for (let attempt = 1; ; attempt += 1) {
    const previousText = await deps.store.readFile(path);
    const decision = decide(id, path, previousText, second as ScreeningStatus, values, deps.now());
    try {
      await deps.store.commit(
        [{ path, content: JSON.stringify(decision, null, 2) + '\n' }],
        `Screen ${id}: ${decision.status}`,
        { unchanged: new Map([[path, previousText]]) },
      );
      deps.print(
        `${id} : ${statusLabels[decision.status]} (${decision.status}), enregistré dans ${path}.`,
      );
      return;
    } catch (error) {
      if (!(error instanceof StaleFileError) || attempt >= 10) throw error;
    }
  }
}

/** The decision to write, from the file as read now; bad input is a ScreenUsageError. */
function decide(
  id: string,
  path: string,
  previousText: string | undefined,
  status: ScreeningStatus,
  values: { reason?: string | undefined; training?: string | undefined },
  now: Date,
): ScreeningDecision {
  const parsed = previousText === undefined ? undefined : parseJson(previousText);
  if (parsed && !parsed.ok)
    throw new ScreenUsageError(`${path} : ${parsed.message}. Corrigez-le d’abord.`);
  const previous = parsed ? checkScreeningDecision(parsed.value) : undefined;
  if (previous && !previous.ok) {
    throw new ScreenUsageError(
      `${path} est invalide (${previous.problems.map((p) => p.field).join(', ')}) : corrigez-le d’abord.`,
    );
  }
  const decision = recordDecision(id, previous?.value, {
    status,
    at: now.toISOString(),
    ...(values.reason ? { reason: values.reason } : {}),
    ...(values.training ? { trainingCompletedOn: values.training } : {}),
  });
  const checked = checkScreeningDecision(decision);
  if (!checked.ok) {
    throw new ScreenUsageError(
      `Décision refusée : ${checked.problems.map((p) => `« ${p.field} » ${p.message}`).join(' ; ')}. Rien n’a été enregistré.`,
    );
  }
  return decision;
}
