import { folders } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import {
  followUpReport,
  horizonDays,
  type FollowUpReportInput,
} from '../followup/follow-up-report.ts';
import { isDay } from '../followup/pair-transitions.ts';
import type { DataStore } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { UsageError } from './usage-error.ts';

const usage = `Utilisation :
  npm run followup
      le suivi des binômes de la semaine : pour chaque binôme en cours, en pause ou terminé sans
      bilan reçu, ce qui est à traiter et ce qui est attendu dans les ${horizonDays} prochains jours,
      par identifiant de binôme seulement (le même texte que l’issue « Suivi des binômes »).
  npm run followup -- --date AAAA-MM-JJ
      le même suivi, vu depuis ce jour-là (avec les données d’aujourd’hui).`;

/**
 * What the weekly follow-up report is built from: the pairs and their follow-up records, read with
 * the one reader (nothing else: no application is opened), and the paths of the files it could
 * not read. Shared by `npm run followup` and the « Suivi des binômes » job. Never throws because
 * of a file's content.
 */
export async function readFollowUpRecords(
  store: DataStore,
): Promise<Pick<FollowUpReportInput, 'pairs' | 'followUps' | 'unreadable'>> {
  const records = await readRecords(store, { folders: [folders.pairs, folders.followups] });
  return {
    pairs: records.pairs,
    followUps: records.followUps,
    unreadable: records.unreadable.map((u) => u.path),
  };
}

export interface FollowUpCommandDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  now: () => Date;
  print: (line: string) => void;
}

/**
 * `npm run followup [-- --date AAAA-MM-JJ]` (issue 12): prints the week's follow-up report, the
 * same Markdown as the (without its hidden markers, with the terminal's commands), on the
 * programme's day or on the day given. Reads only; writes nothing.
 */
export async function runFollowUp(
  args: readonly string[],
  deps: FollowUpCommandDependencies,
): Promise<void> {
  const parsed = parseCommandLine(args, usage, { date: { type: 'string' } }, deps.print);
  if (!parsed) return;
  if (parsed.positionals.length > 0) throw new UsageError(usage);
  const date = parsed.values.date;
  if (date !== undefined && !isDay(date))
    throw new UsageError(
      'La date doit être un jour qui existe, écrit AAAA-MM-JJ (par exemple 2027-01-18).',
    );
  const today = date ?? dateIn(deps.settings.structure.timeZone, deps.now());
  const report = followUpReport({
    ...(await readFollowUpRecords(deps.store)),
    settings: deps.settings,
    today,
    place: 'terminal',
  });
  deps.print(`# ${report.title}\n\n${report.body}`);
}
