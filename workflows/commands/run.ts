import { digestLabel } from '../../schemas/data-layout.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import {
  runCommentCommands,
  type CommandPlace,
} from '../../scripts/commands/run-comment-commands.ts';
import type { Delivery } from '../../scripts/commands/delivery.ts';
import { refreshDigest } from '../../scripts/commands/refresh-digest.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import type { Core } from '../core.ts';

export interface CommandsJobDependencies {
  store: DataStore;
  core: Pick<Core, 'setFailed' | 'info' | 'setOutput'>;
  settings: ProgrammeSettings;
  now: () => Date;
  fileUrl: (branch: string, path: string) => string;
  /** Where follow-up sheets go: this run's artifact, never the reply. */
  deliver?: Delivery;
  /** The comment, from the event, through the environment only (never the workflow's text). */
  comment: {
    body: string;
    author: string;
    /** `Bot` for an app's comment: Binôme's own replies are never read as commands. */
    authorType: string;
    number: number;
    isPullRequest: boolean;
    labels: readonly string[];
  };
}

/**
 * The comment-command job (issue 9): carries out the coordinators' commands of one comment and
 * replies in French. Nothing of the comment goes into the logs but counts.
 */
export async function run(deps: CommandsJobDependencies): Promise<void> {
  const { core, comment } = deps;
  try {
    if (comment.authorType === 'Bot') {
      core.info('A bot wrote this comment: not read as commands.');
      return;
    }
    const place: CommandPlace = comment.isPullRequest
      ? { kind: 'pull-request', number: comment.number }
      : {
          kind: 'issue',
          number: comment.number,
          digest: comment.labels.includes(digestLabel),
        };
    const result = await runCommentCommands(deps, {
      body: comment.body,
      author: comment.author,
      place,
    });
    if (!result) {
      core.info('No command in this comment.');
      return;
    }
    await deps.store.addComment(comment.number, result.reply);
    // A decision changes what is left to screen; the job's own commits start no workflow
    // (GitHub does not run workflows on pushes made with the workflow's token), so the
    // « Candidatures à examiner » issue is refreshed here, not by its own workflow.
    if (place.kind === 'issue' && place.digest && !result.unverified)
      try {
        await refreshDigest(deps.store, (path) => deps.fileUrl('main', path));
      } catch (error) {
        core.info(
          `The digest issue could not be refreshed (${error instanceof Error ? error.name : 'error'}): its workflow will on the next application.`,
        );
      }
    core.setOutput('refused', result.failed ? 'true' : 'false');
    core.info(`Commands answered on #${comment.number}${result.failed ? ' (some refused)' : ''}.`);
    if (result.unverified)
      core.setFailed('Could not check the commenter’s permission: nothing was done.');
  } catch (error) {
    core.setFailed(
      `Commands could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
    // The coordinator waits for an answer: say that nothing may have been done, and where to look.
    try {
      await deps.store.addComment(
        comment.number,
        frenchTypography(
          '❌ **Binôme** n’a pas pu traiter ces commandes à cause d’une erreur. Regardez le journal de l’action « Commandes » (onglet Actions) ; relancez la commande dans quelques minutes.',
        ),
      );
    } catch {
      // The job has already failed with the reason above.
    }
  }
}
