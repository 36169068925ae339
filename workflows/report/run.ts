import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { compileAndWriteReport } from '../../scripts/commands/run-report.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import { reportRulesFrom } from '../../scripts/reporting/report-settings.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import type { Core } from '../core.ts';

export interface ReportJobDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  now: () => Date;
  /** The periods a coordinator typed in the Actions tab (empty on a scheduled run). */
  periods: string;
  identities: () => Promise<string[]>;
  pdf: (html: string) => Promise<Uint8Array | undefined>;
}

/**
 * What a scheduled run compiles: the month that just ended and, once it is over (in September),
 * the school year (1 September to 31 August). Only periods that are over: a report compiled
 * again as a period goes on would publish counts that differ by a few people from the last one,
 * and the two versions, both kept in the repository's history, would give those few away.
 */
export function scheduledPeriods(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const [year, month] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const last = `${year}-${String(month).padStart(2, '0')}`;
  return month === 8 ? [last, `${year - 1}-${year}`] : [last];
}

/**
 * The « Rapports » job (issue 13): compiles each period's report into `reports/<period>/`,
 * committed or proposed as a pull request per the settings, and writes each summary (counts as
 * published, never a hidden one, never a name) into the job summary. A bad period typed in the
 * Actions tab fails the job with the French reason; the others are still compiled.
 */
export async function run(deps: ReportJobDependencies): Promise<void> {
  const { core, settings } = deps;
  const today = dateIn(settings.structure.timeZone, deps.now());
  const typed = deps.periods.trim();
  const periods = typed ? typed.split(/[\s,]+/) : scheduledPeriods(today);
  const failures: string[] = [];
  const written: string[] = [];
  const proposals: number[] = [];
  const compiled: string[] = [];
  for (const period of periods) {
    try {
      const outcome = await compileAndWriteReport(period, {
        store: deps.store,
        settings,
        now: deps.now,
        print: (line) => core.info(line),
        identities: () => deps.identities(),
        pdf: deps.pdf,
        delivery: reportRulesFrom(settings).delivery,
        alsoCompiled: [...compiled],
      });
      compiled.push(outcome.csv);
      if (outcome.changed) written.push(outcome.period);
      if (outcome.pullRequest) proposals.push(outcome.pullRequest.number);
      core.summary.addRaw(outcome.summary, true);
      if (outcome.pullRequest)
        core.summary.addRaw(
          `Proposé pour relecture : pull request n° ${outcome.pullRequest.number}.\n`,
          true,
        );
      else if (!outcome.changed)
        core.summary.addRaw('Rien n’a changé depuis le dernier bilan de cette période.\n', true);
    } catch (error) {
      // A period typed wrong is the coordinator's to fix: said in French, the others go on.
      failures.push(
        error instanceof UsageError
          ? `${period.replace(/[^0-9a-z-]/gi, '?').slice(0, 40)} : ${error.message}`
          : // The class only: a message may name a record (an id), and the log is kept.
            `Report ${period.replace(/[^0-9a-z-]/gi, '?').slice(0, 40)} could not be compiled: ${error instanceof Error ? error.name : 'unknown error'}.`,
      );
    }
  }
  core.setOutput('periods', periods.join(' '));
  core.setOutput('written', written.join(' '));
  core.setOutput('pull-requests', proposals.join(' '));
  await core.summary.write();
  if (failures.length > 0) core.setFailed(failures.join('\n'));
}
