import { escapeHtml } from '../../schemas/escape-html.ts';
import { folders } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { Core } from '../core.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { validateBranch } from '../../scripts/commands/validate-branch.ts';

export interface ValidateDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  /** The pull request being checked, if any: its branch is read, and it gets the comment. */
  pullRequest?: { number: number; branch: string };
}

/**
 * The data repository's validation job: checks every record (applications, screening decisions,
 * pairs, matching edits) against its schema and the rules across records, the pair rules
 * included (issue 9); on a pull request, keeps one comment up to date listing the problems in
 * French; writes the counts to the job summary; fails when a record is invalid.
 */
export async function run(deps: ValidateDependencies): Promise<void> {
  const { store, core, settings, pullRequest } = deps;
  try {
    const { report, records } = await validateBranch(store, settings, pullRequest);
    const failing = new Set(report.problems.map((p) => p.file)).size;
    await core.summary.addHeading('Validation des données', 2).addTable([
      [
        { data: 'Dossier', header: true },
        { data: 'Fichiers', header: true },
      ],
      [folders.mentor, String(report.counts.mentors)],
      [folders.mentee, String(report.counts.mentees)],
      [folders.screening, String(report.counts.screening)],
      [folders.pairs, String(report.counts.pairs)],
      [folders.matching, String(report.counts.matching)],
      [folders.erasures, String(report.counts.erasures)],
      ['fichiers en erreur', String(failing)],
      ['problèmes', String(report.problems.length)],
    ]);
    // Files, fields and messages only: a message names a field, never its value.
    if (report.problems.length)
      core.summary.addHeading('Problèmes', 3).addTable([
        [
          { data: 'Fichier', header: true },
          { data: 'Champ', header: true },
          { data: 'Problème', header: true },
        ],
        ...report.problems
          .slice(0, 200)
          .map((p) => [p.file, p.field || '—', p.message].map(escapeHtml)),
      ]);
    await core.summary.write();
    core.setOutput('records', records);
    core.setOutput('problems', report.problems.length);
    if (report.problems.length > 0) {
      core.setFailed(
        `${report.problems.length} problem(s) in ${failing} file(s): see the job summary or the pull request comment.`,
      );
    } else {
      core.info(`${records} records checked, all valid.`);
    }
  } catch (error) {
    core.setFailed(
      `Validation could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
  }
}
