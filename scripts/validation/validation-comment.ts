import { escapeMarkdown } from '../text/escape-markdown.ts';
import { printable } from '../text/printable.ts';
import type { RepositoryReport } from './validate-repository.ts';

/** The French comment that lists a pull request's problems (kept up to date, marker `validate`). */
export function validationComment(report: RepositoryReport): string {
  if (report.problems.length === 0) {
    return '### ✅ Validation des données\n\nTous les fichiers sont valides.';
  }
  const lines = report.problems.map(
    (p) =>
      `| \`${printable(p.file)}\` | ${p.field ? `\`${escapeMarkdown(p.field)}\`` : '—'} | ${escapeMarkdown(p.message)} |`,
  );
  return [
    '### ❌ Validation des données',
    '',
    `${report.problems.length === 1 ? 'Un problème empêche' : `${report.problems.length} problèmes empêchent`} de fusionner ces changements. Corrigez chaque fichier ci-dessous ; ce commentaire se met à jour à chaque modification.`,
    '',
    '| Fichier | Champ | Problème |',
    '|---|---|---|',
    ...lines,
  ].join('\n');
}
