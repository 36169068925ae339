import { escapeHtml } from '../../schemas/escape-html.ts';
import { longFrenchDate } from '../text/long-french-date.ts';
import { barChart, type ChartValue } from './bar-chart.ts';
import { cellText, type PublishedReport } from './publish-report.ts';
import type { ReportTable } from './report-table.ts';

/** The charts of a report: one SVG document per table drawn, by file name. */
export function reportCharts(report: PublishedReport): Map<string, string> {
  const charts = new Map<string, string>();
  for (const section of report.sections)
    for (const table of section.tables) {
      const svg = chartOf(report, table);
      if (svg) charts.set(`${table.id}.svg`, svg);
    }
  return charts;
}

function chartOf(report: PublishedReport, table: ReportTable): string | undefined {
  if (!table.chart) return undefined;
  const rows = table.rows.filter((r) => !r.total);
  const columns = table.columns.filter((c) => c !== 'Total');
  const value = (key: string): ChartValue => {
    const cell = report.cells.get(key);
    if (!cell) throw new Error('A chart names a count the report does not have: a bug.');
    return 'value' in cell ? { value: cell.value } : { hidden: cell.hidden };
  };
  return barChart({
    id: `graphique-${table.id}`,
    title: `${table.caption} (${report.period.label})`,
    description: table.chart.description,
    categories: rows.map((r) => r.label),
    series: columns.map((label, c) => ({ label, values: rows.map((r) => value(r.keys[c]!)) })),
    threshold: report.threshold,
    unit: table.chart.unit,
  });
}

function tableHtml(report: PublishedReport, table: ReportTable): string {
  const header = [table.corner, ...table.columns]
    .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
    .join('');
  const row = (r: ReportTable['rows'][number]) =>
    `<tr${r.total ? ' class="total"' : ''}><th scope="row">${escapeHtml(r.label)}</th>${r.keys
      .map((key) => {
        const cell = report.cells.get(key);
        const hidden = cell !== undefined && 'hidden' in cell;
        return `<td${hidden ? ' class="masque"' : ''}>${escapeHtml(cellText(cell, report.threshold))}</td>`;
      })
      .join('')}</tr>`;
  const body = table.rows
    .filter((r) => !r.total)
    .map(row)
    .join('\n');
  const foot = table.rows
    .filter((r) => r.total)
    .map(row)
    .join('\n');
  return `<table id="tableau-${table.id}">
<caption>${escapeHtml(table.caption)}</caption>
<thead><tr>${header}</tr></thead>
<tbody>
${body}
</tbody>${foot ? `\n<tfoot>\n${foot}\n</tfoot>` : ''}
</table>${table.note ? `\n<p class="note">${escapeHtml(table.note)}</p>` : ''}`;
}

const style = `
body { font-family: Inter, "Source Sans 3", Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0 auto; max-width: 46rem; padding: 1rem; }
h1 { font-size: 1.8rem; line-height: 1.2; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-top: 2px solid #1a1a1a; padding-top: 1rem; }
table { border-collapse: collapse; margin: 1.5rem 0 0.5rem; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.4rem; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td { text-align: right; white-space: nowrap; }
thead th, tr.total th, tr.total td { background: #f0f0f0; }
tr.total th, tr.total td { font-weight: 700; }
td.masque { font-style: italic; }
.note, .aide { font-size: 0.95rem; }
dl { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 0.3rem 1rem; }
dt { font-weight: 700; }
dd { margin: 0; }
figure { margin: 1.5rem 0 0; }
figcaption { font-weight: 700; margin-bottom: 0.4rem; }
figure svg { max-width: 100%; height: auto; }
blockquote { border-left: 4px solid #767676; margin: 1rem 0; padding: 0.2rem 1rem; }
@media (max-width: 30rem) { th, td { padding: 0.25rem 0.3rem; font-size: 0.9rem; overflow-wrap: anywhere; } td { white-space: normal; } dl { grid-template-columns: 1fr; } }
@media print { body { max-width: none; } h2 { break-before: auto; } table, figure { break-inside: avoid; } }
`;

/**
 * The report page (issue 13): French, standalone (no script, no external resource, so it reads
 * the same from a file, GitHub or the PDF), headings for each part, each table with its caption
 * and headers, each chart an inline SVG with its title and description whose numbers are also in
 * the table just after it. Pure.
 */
export function reportHtml(report: PublishedReport, programme: string): string {
  const charts = reportCharts(report);
  const sections = report.sections.map((section) => {
    const statistics =
      section.statistics.length === 0
        ? ''
        : `<dl>\n${section.statistics
            .map(
              (s) =>
                `<dt>${escapeHtml(s.label)}</dt><dd>${escapeHtml(s.value ?? s.withheld ?? '')}</dd>`,
            )
            .join('\n')}\n</dl>`;
    const tables = section.tables
      .map((table) => {
        const chart = charts.get(`${table.id}.svg`);
        // The figure's caption is seen; its SVG's title and description are what is heard.
        return `${chart ? `<figure>\n<figcaption>Graphique : ${escapeHtml(table.caption)} (chiffres dans le tableau qui suit)</figcaption>\n${chart}\n</figure>\n` : ''}${tableHtml(report, table)}`;
      })
      .join('\n');
    return `<section aria-labelledby="${section.id}">
<h2 id="${section.id}">${escapeHtml(section.heading)}</h2>
${section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${statistics}
${tables}
</section>`;
  });
  const quotes =
    'withheld' in report.quotes
      ? `<p>${escapeHtml(report.quotes.withheld)}</p>`
      : report.quotes.quotes.length === 0
        ? '<p>Aucun participant n’a accepté que son bilan soit cité pendant cette période.</p>'
        : report.quotes.quotes
            .map((q) => `<blockquote><p>${escapeHtml(q)}</p></blockquote>`)
            .join('\n');
  const t = report.threshold;
  const title = `Bilan du programme de mentorat — ${report.period.label}`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header>
<p>${escapeHtml(programme)}</p>
<h1>${escapeHtml(title)}</h1>
<p>Chiffres arrêtés au ${escapeHtml(longFrenchDate(report.day))}.</p>
</header>
<main>
<section aria-labelledby="lecture">
<h2 id="lecture">Comment lire ce bilan</h2>
<p class="aide">Ce bilan qualitatif et quantitatif respecte la confidentialité des échanges (article 4 de la convention de mentorat) : il ne donne que des effectifs, jamais un nom ni un identifiant, et rien de ce qui s’est dit entre un mentor et son mentoré. Un effectif inférieur à ${t} est écrit « moins de ${t} ». Quand un tel effectif pourrait être retrouvé par différence avec un total, d’autres effectifs sont aussi masqués, écrits « masqué ». Les citations viennent des seuls participants qui ont accepté d’être cités anonymement ; les noms, organisations et coordonnées y sont remplacés par [nom], [organisation], [courriel] ou [téléphone].</p>
</section>
${sections.join('\n')}
<section aria-labelledby="citations">
<h2 id="citations">Ce que disent les bilans</h2>
${quotes}
</section>
</main>
</body>
</html>
`;
}
