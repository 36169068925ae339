import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { reportedFolders } from '../../scripts/commands/run-report.ts';
import { followUpRulesFrom } from '../../scripts/followup/follow-up-rules.ts';
import { reportDay, reportPeriod } from '../../scripts/reporting/report-period.ts';
import { reportFigures } from '../../scripts/reporting/report-figures.ts';
import { reportRulesFrom } from '../../scripts/reporting/report-settings.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { readRecords } from '../../scripts/store/read-records.ts';

/**
 * The counts a period's report is made of, before any is hidden: what « moins de 5 » stands for.
 * A published report cannot tell 0 from 1 (that is the point of it); the test reads the same
 * records through the same reader and figures to know that a hidden count is its people.
 */
export async function trueCounts(
  store: DataStore,
  settings: ProgrammeSettings,
  periodText: string,
  now: Date,
): Promise<ReadonlyMap<string, number>> {
  const period = reportPeriod(periodText, settings.cohorts);
  const records = await readRecords(store, { folders: reportedFolders });
  return reportFigures({
    period,
    day: reportDay(period, dateIn(settings.structure.timeZone, now)),
    records,
    settings: {
      ...settings,
      followUp: followUpRulesFrom(settings),
      threshold: reportRulesFrom(settings).threshold,
    },
  }).system.counts;
}
