import type { PendingRow } from './pending-rows.ts';
import { escapeMarkdown } from '../text/escape-markdown.ts';

/**
 * The body of the digest issue: every application still to screen, by id and profile only,
 * each linking to its file. The ids also sit in a hidden line, so that the next run can tell
 * which applications are new since.
 */
export function renderDigest(rows: readonly PendingRow[], fileUrl: (id: string) => string): string {
  if (rows.length === 0) return `Aucune candidature à examiner.\n\n<!-- binome:ids -->`;
  const lines = rows.map(
    (r) =>
      `| [${r.id}](${fileUrl(r.id)}) | ${r.status === 'interviewed' ? 'entretien réalisé' : 'nouvelle'} | ${r.submittedOn} | ${r.cohort} | ${escapeMarkdown(r.summary)} | ${r.needsReview ? 'oui' : ''} |`,
  );
  return [
    `${rows.length === 1 ? 'Une candidature attend' : `${rows.length} candidatures attendent`} un entretien ou une décision. Enregistrez chaque décision en commentant cette issue : \`/decision <candidature> <statut> [motif]\`, par exemple \`/decision mentee-7f3k9q acceptee Entretien concluant\` (statuts : nouvelle, entretien, acceptee, attente, non-retenue, retiree).`,
    '',
    '| Candidature | Statut | Reçue le | Cohorte | Profil | À vérifier (envoyée sans le contrôle anti-robot) |',
    '|---|---|---|---|---|---|',
    ...lines,
    '',
    `<!-- binome:ids ${rows.map((r) => r.id).join(' ')} -->`,
  ].join('\n');
}

/** The ids listed in a digest body (from its hidden line). */
export function idsInDigest(body: string): Set<string> {
  const line = /<!-- binome:ids([^>]*)-->/.exec(body)?.[1] ?? '';
  return new Set(line.trim().split(/\s+/).filter(Boolean));
}
