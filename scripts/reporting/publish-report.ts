import type { ReportPeriod } from './report-period.ts';
import type { ReportFigures, ReportSection } from './report-figures.ts';
import type { ReportQuotes } from './report-quotes.ts';
import type { OtherReports } from './stable-counts.ts';
import { suppressCounts, type PublishedCount } from './suppress-counts.ts';

/**
 * A report as it may be read: every count published or hidden, the statistics resolved, the
 * quotes. The true counts are not in it, so that no output can leak them by mistake: every
 * output (HTML, SVG, PDF, CSV, summary) is drawn from this alone.
 */
export interface PublishedReport {
  period: ReportPeriod;
  day: string;
  threshold: number;
  cells: ReadonlyMap<string, PublishedCount>;
  sections: ReportSection[];
  quotes: ReportQuotes;
}

/** Suppresses the small counts of `figures` and what would reveal them. Pure. */
export function publishReport(
  figures: ReportFigures,
  quotes: ReportQuotes,
  others?: OtherReports,
): PublishedReport {
  const cells = suppressCounts(figures.system, figures.threshold, others);
  const shown = (key: string) => {
    const cell = cells.get(key);
    return cell !== undefined && 'value' in cell;
  };
  return {
    period: figures.period,
    day: figures.day,
    threshold: figures.threshold,
    cells,
    sections: figures.sections.map((section) => ({
      ...section,
      statistics: section.statistics.map(({ dependsOn, ...statistic }) =>
        statistic.value !== undefined && (dependsOn ?? []).every(shown)
          ? statistic
          : {
              label: statistic.label,
              withheld:
                statistic.withheld ?? 'non publié : il permettrait de retrouver un effectif masqué',
            },
      ),
    })),
    quotes,
  };
}

const number = new Intl.NumberFormat('fr-FR');

/** A published count in words: « 12 », « moins de 5 » or « masqué ». */
export function cellText(cell: PublishedCount | undefined, threshold: number): string {
  if (!cell) throw new Error('A table names a count the report does not have: a bug.');
  if ('value' in cell) return number.format(cell.value);
  return cell.hidden === 'small' ? `moins de ${threshold}` : 'masqué';
}
