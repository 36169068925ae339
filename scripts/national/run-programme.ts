import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { followUpRulesFrom } from '../followup/follow-up-rules.ts';
import { publishReport } from '../reporting/publish-report.ts';
import { reportCsv } from '../reporting/report-csv.ts';
import { reportFigures, type ReportFigures } from '../reporting/report-figures.ts';
import { reportPeriod } from '../reporting/report-period.ts';
import { reportRulesFrom } from '../reporting/report-settings.ts';
import { busiestTimes, type BusiestTimes } from './busiest-times.ts';
import type { ProgrammeSpec } from './country-plan.ts';
import { programmeYear, type ProgrammeYear } from './programme-year.ts';

/** The school year every structure publishes, and the day it is compiled. */
export const reportPeriodId = '2026-2027';
export const reportDay = '2027-08-31';

/**
 * What one structure's run gives back: its published CSV, the only thing the national table is
 * made of; and, for the measures printed at the end, its sizes, pairs, busiest hours and times.
 */
export interface ProgrammeRun {
  index: number;
  id: string;
  mentees: number;
  mentors: number;
  pairs: number;
  unmatched: number;
  /** `reports/2026-2027/chiffres.csv` exactly as the structure publishes it, suppression done. */
  csv: string;
  busiest: BusiestTimes;
  ms: { generate: number; match: number; follow: number; report: number };
}

/**
 * The figures of a structure's school year before suppression (what its report is compiled
 * from): the tests compare the national ranges with the truth through them. Pure.
 */
export function programmeFigures(
  spec: ProgrammeSpec,
  settings: ProgrammeSettings,
): { figures: ReportFigures; year: ProgrammeYear } {
  const year = programmeYear(spec, settings);
  return { figures: figuresOf(year, settings), year };
}

function figuresOf(year: ProgrammeYear, settings: ProgrammeSettings): ReportFigures {
  return reportFigures({
    period: reportPeriod(reportPeriodId, settings.cohorts),
    day: reportDay,
    records: year.records,
    settings: {
      ...settings,
      followUp: followUpRulesFrom(settings),
      threshold: reportRulesFrom(settings).threshold,
    },
  });
}

/**
 * One structure's run, as its data repository's workflows would do it: its year generated, its
 * cohort matched, its bilan compiled and suppressed (`reportFigures`, `publishReport`,
 * `reportCsv`: the same CSV `npm run report` writes, quotes aside, which the CSV never holds).
 * Only the published CSV leaves it. Pure: the clock is injected, and only times the phases.
 */
export function runProgramme(
  spec: ProgrammeSpec,
  settings: ProgrammeSettings,
  now: () => number = () => 0,
): ProgrammeRun {
  const year = programmeYear(spec, settings, now);
  const t0 = now();
  const csv = reportCsv(publishReport(figuresOf(year, settings), { quotes: [] }));
  const report = now() - t0;
  return {
    index: spec.index,
    id: spec.id,
    mentees: spec.mentees,
    mentors: spec.mentors,
    pairs: year.pairs,
    unmatched: year.unmatched,
    csv,
    busiest: busiestTimes(year.submittedAt),
    ms: { ...year.ms, report },
  };
}
