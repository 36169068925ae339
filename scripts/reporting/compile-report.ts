import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import { reportCharts, reportHtml } from './report-html.ts';
import { reportCsv } from './report-csv.ts';
import { dayInZone } from './day-in-zone.ts';
import { InconsistentCountsError } from './feasible-range.ts';
import { publishReport, type PublishedReport } from './publish-report.ts';
import { reportFigures, type ReportRecords, type ReportSettings } from './report-figures.ts';
import type { ReportPeriod } from './report-period.ts';
import { reportQuotes, type SensitiveTerms } from './report-quotes.ts';
import { reportFiles, reportSummary } from './report-summary.ts';
import { otherReports } from './stable-counts.ts';

export interface CompiledReport {
  published: PublishedReport;
  /** In French, when the reports already published could not be taken into account. */
  warning?: string;
  /** The page, which the PDF is printed from. */
  html: string;
  /** The text files of `reports/<period>/`, by path inside that folder (the PDF is added apart). */
  files: { path: string; content: string }[];
  summary: (options: { pdf: boolean }) => string;
}

/** The bilans the participants sent in the period (of the cohort's pairs, for a cohort). */
export function bilansOf(
  records: ReportRecords,
  period: ReportPeriod,
  day: string,
  timeZone: string,
): FollowUp[] {
  const dayOf = dayInZone(timeZone);
  return records.pairs
    .filter((p) => period.cohort === undefined || p.cohort === period.cohort)
    .flatMap((p) => records.followUps.get(p.id) ?? [])
    .filter((r) => {
      const on = dayOf(r.submittedAt);
      return r.type === 'bilan' && r.role !== 'coordinator' && on >= period.from && on <= day;
    });
}

/**
 * A period's report (issue 13), from the records to the files: figures, suppression, quotes,
 * page, charts, CSV and summary. Pure: the PDF (a browser) and the writing are the caller's.
 */
export function compileReport(input: {
  period: ReportPeriod;
  day: string;
  records: ReportRecords;
  settings: ReportSettings;
  /** Undefined when the identities could not be opened: then no quote is published. */
  terms: SensitiveTerms | undefined;
  /** The structure's name, at the top of the page. */
  programme: string;
  /** The other reports' CSVs: their stable counts stay hidden or published as there. */
  otherReports?: readonly string[];
}): CompiledReport {
  const figures = reportFigures(input);
  // A month's bilans, and so their quotes, are its school year's.
  const quotes = reportQuotes(
    input.period.kind === 'month'
      ? []
      : bilansOf(input.records, input.period, input.day, input.settings.structure.timeZone),
    input.terms,
    input.settings.threshold,
  );
  let warning: string | undefined;
  let published: PublishedReport;
  try {
    published = publishReport(
      figures,
      quotes,
      otherReports(input.otherReports ?? [], input.settings.threshold),
    );
  } catch (error) {
    if (!(error instanceof InconsistentCountsError)) throw error;
    // The reports already published no longer agree with the records: protected alone, said.
    published = publishReport(figures, quotes);
    warning =
      'Les bilans déjà publiés dans reports/ ne correspondent plus aux données (une candidature effacée ou supprimée depuis, ou un fichier modifié à la main) : ce bilan a été protégé sans eux. Compilez à nouveau les bilans des mêmes mois pour qu’ils se protègent ensemble.';
  }
  const html = reportHtml(published, input.programme);
  const charts = [...reportCharts(published)].map(([name, svg]) => ({
    path: `${reportFiles.charts}/${name}`,
    content: svg,
  }));
  return {
    published,
    ...(warning ? { warning } : {}),
    html,
    files: [
      { path: reportFiles.html, content: html },
      { path: reportFiles.csv, content: reportCsv(published) },
      ...charts,
    ],
    summary: (options) => reportSummary(published, options),
  };
}
