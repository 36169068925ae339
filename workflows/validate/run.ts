import { folders } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { Core } from '../core.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import {
  validateRepository,
  type RepositoryReport,
} from '../../scripts/validation/validate-repository.ts';
import { escapeMarkdown } from '../../scripts/text/escape-markdown.ts';
import { printable } from '../../scripts/text/printable.ts';

export interface ValidateDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  /** The pull request being checked, if any: its branch is read, and it gets the comment. */
  pullRequest?: { number: number; branch: string };
}

function commentBody(report: RepositoryReport): string {
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

/**
 * The data repository's validation job: checks every record against its schema and the rules
 * across records; on a pull request, keeps one comment up to date listing the problems in
 * French; writes the counts to the job summary; fails when a record is invalid.
 */
export async function run(deps: ValidateDependencies): Promise<void> {
  const { store, core, settings, pullRequest } = deps;
  try {
    const branch = pullRequest ? { branch: pullRequest.branch } : {};
    const paths = (
      await Promise.all(
        [folders.mentor, folders.mentee, folders.screening].map((f) => store.listFiles(f, branch)),
      )
    ).flat();
    const texts = await store.readFiles(paths, branch);
    const files = new Map(paths.map((path, i) => [path, texts[i]]));
    const report = validateRepository(files, rulesSettingsFrom(settings));
    const failing = new Set(report.problems.map((p) => p.file)).size;
    await core.summary
      .addHeading('Validation des données', 2)
      .addTable([
        [
          { data: 'Dossier', header: true },
          { data: 'Fichiers', header: true },
        ],
        [folders.mentor, String(report.counts.mentors)],
        [folders.mentee, String(report.counts.mentees)],
        [folders.screening, String(report.counts.screening)],
        ['fichiers en erreur', String(failing)],
        ['problèmes', String(report.problems.length)],
      ])
      .write();
    core.setOutput('records', paths.length);
    core.setOutput('problems', report.problems.length);
    if (pullRequest)
      await store.upsertComment({
        number: pullRequest.number,
        marker: 'validate',
        body: commentBody(report),
      });
    if (report.problems.length > 0) {
      core.setFailed(
        `${report.problems.length} problem(s) in ${failing} file(s): see the job summary or the pull request comment.`,
      );
    } else {
      core.info(`${paths.length} records checked, all valid.`);
    }
  } catch (error) {
    core.setFailed(
      `Validation could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
  }
}
