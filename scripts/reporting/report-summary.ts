import { escapeFrenchMarkdown } from '../text/escape-markdown.ts';
import { longFrenchDate } from '../text/long-french-date.ts';
import { cellText, type PublishedReport } from './publish-report.ts';

/** The files of a report, in `reports/<period>/`, as the summary lists them. */
export const reportFiles = {
  html: 'rapport.html',
  pdf: 'rapport.pdf',
  csv: 'chiffres.csv',
  readme: 'README.md',
  charts: 'graphiques',
} as const;

/**
 * The report in a few lines of Markdown: the folder's README (GitHub shows it under the list of
 * files), the job summary and what `npm run report` prints. The headline counts and every
 * statistic, as published (hidden counts stay hidden). Pure.
 */
export function reportSummary(report: PublishedReport, options: { pdf: boolean }): string {
  const count = (key: string) =>
    escapeFrenchMarkdown(cellText(report.cells.get(key), report.threshold));
  // The applications' totals: the « Total » row of their table, whatever its keys (a month's
  // report names them after the month, a cohort's after the cohort).
  const applications = report.sections
    .flatMap((section) => section.tables)
    .find((table) => table.id.startsWith('candidatures'))!
    .rows.find((row) => row.total)!.keys;
  const lines = [
    `# Bilan du programme de mentorat — ${escapeFrenchMarkdown(report.period.label)}`,
    '',
    `Chiffres arrêtés au ${longFrenchDate(report.day)}. Effectifs seulement : « moins de ${report.threshold} » et « masqué » protègent les petits effectifs.`,
    '',
    '| Indicateur | Valeur |',
    '| --- | --- |',
    `| Candidatures de mentors | ${count(applications[0]!)} |`,
    `| Candidatures de mentorés | ${count(applications[1]!)} |`,
    // A month's report leaves pairs and bilans to its school year's.
    ...(report.cells.has('binomes/total/count')
      ? [
          `| Binômes formés | ${count('binomes/total/count')} |`,
          `| Binômes en cours | ${count('binomes/active/count')} |`,
          `| Bilans de fin de mentorat reçus | ${count('bilans/total/total')} |`,
        ]
      : []),
    ...report.sections.flatMap((s) =>
      s.statistics.map(
        (st) =>
          `| ${escapeFrenchMarkdown(st.label)} | ${escapeFrenchMarkdown(st.value ?? st.withheld ?? '')} |`,
      ),
    ),
    '',
    `Le bilan complet : [${reportFiles.html}](${reportFiles.html})${options.pdf ? `, à imprimer : [${reportFiles.pdf}](${reportFiles.pdf})` : ''}, les chiffres pour un tableur : [${reportFiles.csv}](${reportFiles.csv}), les graphiques : [${reportFiles.charts}/](${reportFiles.charts}/).`,
    '',
  ];
  return lines.join('\n');
}
