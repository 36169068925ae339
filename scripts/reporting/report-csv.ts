import { cellText, type PublishedReport } from './publish-report.ts';

// A cell a spreadsheet would run as a formula (CSV injection): a leading quote makes it text.
const neutralised = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const quoted = (cell: string) => {
  const text = neutralised(cell);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

// Plain digits, which every spreadsheet reads as a number.
const csvCell = (report: PublishedReport, key: string) => {
  const cell = report.cells.get(key);
  return cell && 'value' in cell ? String(cell.value) : cellText(cell, report.threshold);
};

/** The CSV's header row. */
export const csvHeader = ['Rubrique', 'Tableau', 'Ligne', 'Colonne', 'Valeur', 'Clé'] as const;

/**
 * The report's aggregates as CSV for French spreadsheets (issue 13): UTF-8 with a BOM, `;`
 * between cells, CRLF between rows, one row per published cell (« moins de 5 » and « masqué »
 * as written in the report) and per statistic, with the figure's key last. Pure.
 */
export function reportCsv(report: PublishedReport): string {
  const rows: string[][] = [[...csvHeader]];
  for (const section of report.sections) {
    for (const statistic of section.statistics)
      rows.push([
        section.heading,
        'Indicateurs',
        statistic.label,
        'Valeur',
        statistic.value ?? statistic.withheld ?? '',
        '',
      ]);
    for (const table of section.tables)
      for (const row of table.rows)
        row.keys.forEach((key, c) =>
          rows.push([
            section.heading,
            table.caption,
            row.label,
            table.columns[c]!,
            csvCell(report, key),
            // The figure's name, the same in every report that holds it (never a person's).
            key,
          ]),
        );
  }
  return `\uFEFF${rows.map((row) => row.map(quoted).join(';')).join('\r\n')}\r\n`;
}
