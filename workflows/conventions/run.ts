import { cohortOfBranch, isPairId } from '../../schemas/data-layout.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { ConventionAssets } from '../../scripts/convention/build-template.ts';
import { ConventionSourceError } from '../../scripts/convention/convention-source.ts';
import type { ConventionFolder } from '../../scripts/commands/convention-folder.ts';
import { handwrittenList, runConventions } from '../../scripts/commands/run-conventions.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import { KeyFileError } from '../../scripts/privacy/age-identities.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import type { Core } from '../core.ts';

export interface ConventionsJobDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  assets: () => Promise<ConventionAssets>;
  /** The coordinators' key, from the BINOME_AGE_KEY secret. */
  identities: () => Promise<string[]>;
  /** The folder the next step uploads as the run's artifact. */
  folder: ConventionFolder;
  now: () => Date;
  /**
   * What started the job: the merge of a pull request (`mergedBranch`, its head branch), or a
   * coordinator in the Actions tab (`pairs`, what they typed, read from the event file).
   */
  event: { mergedBranch?: string; pairs?: string };
}

/** Pair ids typed in the Actions tab (spaces or commas between them); undefined if any is not one. */
function typedPairs(text: string): string[] | undefined {
  const ids = text.split(/[\s,;]+/).filter(Boolean);
  return ids.every(isPairId) ? ids : undefined;
}

/**
 * The data repository's conventions job (issue 11): after a pairing pull request is merged (and
 * its pairs accepted by the job before it), or when a coordinator starts it, the filled
 * convention of each accepted pair, in a folder the workflow uploads as an artifact kept a few
 * days (and, per the settings, a sealed copy committed). The summary lists pair ids, never a name.
 */
export async function run(deps: ConventionsJobDependencies): Promise<void> {
  const { core, event, settings } = deps;
  const retention = settings.conventions?.artifactRetentionDays ?? 7;
  core.setOutput('retention-days', retention);
  core.setOutput('count', 0);
  if (
    event.mergedBranch !== undefined &&
    event.mergedBranch !== '' &&
    !cohortOfBranch(event.mergedBranch)
  ) {
    core.info('The merged branch is not a pairing branch: no convention to make.');
    return;
  }
  const args = event.pairs ? typedPairs(event.pairs) : [];
  if (!args) {
    // What was typed is not repeated: it may be a name.
    core.setFailed(
      frenchTypography(
        'Indiquez seulement des identifiants de binômes (par exemple pair-7f3k9q-a1b2c3), séparés par des espaces, jamais un nom : rien n’a été produit.',
      ),
    );
    return;
  }
  const logged: string[] = [];
  try {
    const outcome = await runConventions(args, {
      store: deps.store,
      settings,
      assets: deps.assets,
      identities: deps.identities,
      folder: deps.folder,
      now: deps.now,
      print: (line) => logged.push(frenchTypography(line)),
      refusePlaceholders: true,
      progress: {
        start: () => undefined,
        step: (item, outcome) => core.info(`${item}\u00a0: ${outcome}`),
        done: () => undefined,
      },
    });
    for (const line of logged) core.info(line);
    if (!outcome) return;
    const files = (await deps.folder.list()).filter((n) => n.endsWith('.pdf'));
    core.setOutput('count', files.length);
    const rows = [
      ...outcome.written.map((id) => [id, 'écrite']),
      ...outcome.upToDate.map((id) => [id, 'déjà à jour']),
      ...outcome.failed.map((f) => [f.id, 'en échec']),
      ...outcome.removed.map((id) => [id, 'retirée']),
      ...outcome.kept.map((id) => [id, 'modifiée depuis, gardée']),
    ];
    const summary = core.summary.addHeading('Conventions de mentorat', 2);
    if (rows.length > 0)
      summary.addTable([
        [
          { data: 'Binôme', header: true },
          { data: 'Convention', header: true },
        ],
        ...rows.map(([id, what]) => [id!, what!]),
      ]);
    summary.addRaw(
      frenchTypography(
        files.length > 0
          ? `\n${files.length} convention(s) à imprimer ou à faire signer à l’écran : téléchargez l’artefact « conventions » en bas de la page de cette exécution (gardé ${retention}\u00a0jours).\n`
          : outcome.failed.length > 0
            ? '\nAucune convention produite : voir les échecs ci-dessous.\n'
            : '\nAucune convention à produire : aucun binôme accepté ne l’attend.\n',
      ),
      true,
    );
    for (const h of outcome.handwritten)
      summary.addRaw(
        frenchTypography(
          `\nÀ compléter à la main sur la convention de ${h.id} : ${handwrittenList(h.fields)}.\n`,
        ),
        true,
      );
    await summary.write();
    if (outcome.failed.length > 0)
      core.setFailed(
        frenchTypography(
          `${outcome.failed.length} convention(s) non produite(s) : ${outcome.failed.map((f) => `${f.id} (${f.reason})`).join(' ; ')}.`,
        ),
      );
  } catch (error) {
    for (const line of logged) core.info(line);
    if (
      error instanceof UsageError ||
      error instanceof KeyFileError ||
      error instanceof ConventionSourceError
    )
      core.setFailed(frenchTypography(error.message));
    else
      core.setFailed(
        frenchTypography(
          `Les conventions n’ont pas pu être produites (${error instanceof Error ? error.name : 'erreur inconnue'}). Relancez « Conventions » depuis l’onglet Actions.`,
        ),
      );
  }
}
