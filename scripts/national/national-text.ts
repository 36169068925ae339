import { frenchTypography } from '../../schemas/french-typography.ts';
import type { NationalShown, NationalTable } from './aggregate-national.ts';

const number = new Intl.NumberFormat('fr-FR');

/** A national count in words: « 12 345 », « entre 1 230 et 1 290 », « moins de 5 », « masqué »… */
export function nationalText(shown: NationalShown): string {
  if ('value' in shown) return number.format(shown.value);
  if ('below' in shown) return `moins de ${shown.below}`;
  if ('masked' in shown) return 'masqué';
  if (shown.min !== null && shown.max !== null)
    return `entre ${number.format(shown.min)} et ${number.format(shown.max)}`;
  if (shown.min !== null) return `au moins ${number.format(shown.min)}`;
  if (shown.max !== null) return `au plus ${number.format(shown.max)}`;
  return 'non estimable';
}

/**
 * The national table for a terminal or a CI log: each table's caption, then one line a row, its
 * columns side by side. French, as the structures' reports. Pure.
 */
export function nationalLines(table: NationalTable): string[] {
  const lines: string[] = [];
  let section = '';
  let caption = '';
  let row: { label: string; parts: string[] } | undefined;
  const flush = () => {
    if (row) lines.push(`    ${row.label} : ${row.parts.join(' ; ')}`);
    row = undefined;
  };
  for (const cell of table.cells) {
    if (cell.section !== section) {
      flush();
      section = cell.section;
      lines.push(`${section}`);
    }
    if (cell.table !== caption) {
      flush();
      caption = cell.table;
      lines.push(`  ${caption}`);
    }
    if (row?.label !== cell.row) {
      flush();
      row = { label: cell.row, parts: [] };
    }
    row.parts.push(`${cell.column} ${nationalText(cell.shown)}`);
  }
  flush();
  return lines.map(frenchTypography);
}

// As the structures' CSV: a cell a spreadsheet would run as a formula is made text.
const quoted = (cell: string) => {
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The national table as CSV for French spreadsheets, like a structure's `chiffres.csv` (UTF-8
 * with a BOM, `;`, CRLF), with the published range's ends in plain digits beside the words
 * (empty when not published). Pure.
 */
export function nationalCsv(table: NationalTable): string {
  const rows = [['Rubrique', 'Tableau', 'Ligne', 'Colonne', 'Valeur', 'Minimum', 'Maximum', 'Clé']];
  for (const cell of table.cells) {
    const s = cell.shown;
    const [min, max] =
      'value' in s ? [s.value, s.value] : 'min' in s ? [s.min, s.max] : [null, null];
    rows.push([
      cell.section,
      cell.table,
      cell.row,
      cell.column,
      nationalText(s),
      min === null ? '' : String(min),
      max === null ? '' : String(max),
      cell.key,
    ]);
  }
  return `\uFEFF${rows.map((row) => row.map(quoted).join(';')).join('\r\n')}\r\n`;
}
