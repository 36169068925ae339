import { retentionBranch } from '../../schemas/data-layout.ts';
import { tokensFrom } from '../../schemas/fill-tokens.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import type { PrivacyDependencies } from '../../scripts/commands/privacy-dependencies.ts';
import { destroyErasedKeys } from '../../scripts/commands/run-erase.ts';
import { runRetention } from '../../scripts/commands/run-retention.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import type { Core } from '../core.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { frenchDate } from '../../scripts/text/french-date.ts';

export interface RetentionJobDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  now: () => Date;
  /**
   * What started the job: the schedule or a coordinator (empty), or the merge of a pull request
   * (`mergedBranch`, its head branch).
   */
  event: { mergedBranch?: string };
}

/**
 * The data repository's « Conservation des données » job (issue 10). Scheduled or started by
 * hand, it proposes as one pull request (branch `conservation`) to delete what is past its
 * retention period, on the programme's day; once a coordinator merges that pull request, it
 * destroys the data keys of the people it erased. Keys are never destroyed before the merge.
 */
export async function run(deps: RetentionJobDependencies): Promise<void> {
  const { core, event, store, settings } = deps;
  const lines: string[] = [];
  const privacy: PrivacyDependencies = {
    store,
    now: deps.now,
    timeZone: settings.structure.timeZone,
    print: (line) => lines.push(frenchTypography(line)),
    tokens: tokensFrom(settings),
    identities: () => Promise.reject(new Error('The retention job holds no private key.')),
    onGitHub: true,
  };
  try {
    const today = dateIn(settings.structure.timeZone, deps.now());
    let heading = `Conservation des données — ${frenchDate(today)}`;
    if (event.mergedBranch) {
      if (event.mergedBranch !== retentionBranch) {
        core.info('The merged branch is not the retention branch: no key to destroy.');
        return;
      }
      heading = 'Conservation des données — suppressions fusionnées';
      await runRetention(['--merged'], { ...privacy, settings, today });
    } else {
      // Whoever is erased on main must have no key left, even if the run after a merge was
      // cancelled or failed: the next scheduled run finishes it. Erased people only: a proposal
      // not yet merged loses nothing.
      const { destroyed } = await destroyErasedKeys(privacy);
      if (destroyed.length > 0)
        lines.push(
          `Clés de données détruites, car ces personnes sont déjà effacées de la branche principale : ${destroyed.join(', ')}.`,
        );
      await runRetention([], { ...privacy, settings, today });
    }
    for (const line of lines) core.info(line);
    // Our own text around ids, rules and dates: nothing in it comes from a record's identity.
    await core.summary.addHeading(heading, 2).addRaw(lines.join('\n\n'), true).write();
  } catch (error) {
    if (error instanceof UsageError) core.setFailed(frenchTypography(error.message));
    else
      core.setFailed(
        `L’application des durées de conservation n’a pas pu aller au bout (${error instanceof Error ? `${error.name}: ${error.message}` : 'erreur inconnue'}). Relancez « Conservation des données » depuis l’onglet Actions.`,
      );
  }
}
