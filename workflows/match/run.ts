import { cohortOfBranch } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { markAccepted } from '../../scripts/commands/accept-pairs.ts';
import { cohortToMatch } from '../../scripts/commands/cohort-to-match.ts';
import { modeWords } from '../../scripts/commands/pairing-commands.ts';
import { checkedCohort } from '../../scripts/commands/pairing-state.ts';
import { proposePairs, todayFor } from '../../scripts/commands/propose-pairs.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { escapeFrenchMarkdown } from '../../scripts/text/escape-markdown.ts';
import type { Core } from '../core.ts';

export interface MatchJobDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  now: () => Date;
  fileUrl: (branch: string, path: string) => string;
  /**
   * What started the job: a coordinator from the Actions tab (cohort and mode chosen), the
   * schedule (both empty), or the merge of a pairing pull request (`mergedBranch`).
   */
  event: { cohort?: string; mode?: string; mergedBranch?: string };
}

/**
 * The data repository's `match` job (issue 9): proposes a cohort's pairs as one pull request,
 * updated in place when run again; after a pairing pull request is merged, marks its pairs
 * accepted. A coordinator's mistake (an unknown cohort) fails the job with a French message.
 */
export async function run(deps: MatchJobDependencies): Promise<void> {
  const { core, event } = deps;
  try {
    if (event.mergedBranch) {
      const cohort = cohortOfBranch(event.mergedBranch);
      if (!cohort) {
        core.info('The merged branch is not a pairing branch: nothing to accept.');
        return;
      }
      const { accepted, refused } = await markAccepted(
        deps.store,
        cohort,
        deps.now(),
        deps.settings.mentoring.mentorCapacityMax,
      );
      core.setOutput('accepted', accepted.length);
      if (refused.length > 0)
        core.setFailed(
          `Binômes fusionnés mais non acceptés, car une règle l’interdit : ${refused.map((r) => `${r.id} (${r.reason})`).join(' ; ')}. Ils restent « proposés » et bloquent ces personnes : supprimez leurs fichiers du dossier pairs/.`,
        );
      await core.summary
        .addHeading(`Binômes acceptés — cohorte ${cohort}`, 2)
        .addRaw(
          `${accepted.length} binôme${accepted.length > 1 ? 's' : ''} accepté${accepted.length > 1 ? 's' : ''} : ${accepted.join(', ') || 'aucun'}.`,
          true,
        )
        .write();
      return;
    }
    const cohort = checkedCohort(
      deps.settings,
      event.cohort || cohortToMatch(deps.settings, todayFor(deps)),
    );
    const word = event.mode || deps.settings.matching.schedule?.mode;
    const mode = word ? modeWords[word.toLowerCase()] : undefined;
    if (word && !mode)
      throw new UsageError(`Mode « ${word.slice(0, 20)} » inconnu : meilleurs ou plus-nombreux.`);
    const outcome = await proposePairs(
      { ...deps, progress: (line) => core.info(line) },
      { cohort, ...(mode ? { mode } : {}) },
    );
    core.setOutput('pairs', outcome.pairs);
    core.setOutput('unmatched', outcome.unmatched);
    core.setOutput('pull-request', outcome.pullRequest?.number ?? '');
    core.summary.addHeading(`Binômes proposés — cohorte ${cohort}`, 2).addTable([
      [
        { data: 'Binômes proposés', header: true },
        { data: 'Mentorés sans binôme', header: true },
        { data: 'Pull request', header: true },
      ],
      [
        String(outcome.pairs),
        String(outcome.unmatched),
        outcome.pullRequest ? `#${outcome.pullRequest.number}` : 'rien de nouveau',
      ],
    ]);
    if (!outcome.pullRequest && outcome.leftOver.length > 0)
      core.summary.addTable([
        [
          { data: 'Mentoré sans binôme', header: true },
          { data: 'Pourquoi', header: true },
        ],
        ...outcome.leftOver.map((u) => [u.id, escapeFrenchMarkdown(u.reason)]),
      ]);
    await core.summary.write();
    core.info(
      `Cohort ${cohort}: ${outcome.pairs} pair(s), ${outcome.unmatched} unmatched, ${outcome.changed ? 'written' : 'unchanged'}.`,
    );
  } catch (error) {
    if (error instanceof UsageError) core.setFailed(error.message);
    else
      core.setFailed(
        `Matching could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
      );
  }
}
