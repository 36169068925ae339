import { isApplicationId } from '../../schemas/data-layout.ts';
import { tokensFrom } from '../../schemas/fill-tokens.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { runErase } from '../../scripts/commands/run-erase.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import type { Core } from '../core.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';

export interface EraseJobDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  now: () => Date;
  /** The id a coordinator typed in the Actions tab, through the environment only. */
  id: string;
}

/**
 * Said when the input is not an id. It never repeats what was typed: a coordinator may have
 * typed the person's name or e-mail address, which must not reach the job's log.
 */
export const notAnId =
  'Ce n’est pas un identifiant de personne : donnez celui de sa candidature, mentee- ou mentor- suivi de 6 lettres minuscules ou chiffres (par exemple mentee-7f3k9q), jamais un nom ni une adresse. Rien n’a été effacé.';

/**
 * The data repository's « Effacer une personne » job (issue 10): erases one person as
 * `npm run erase -- <id>` does, and says in the job summary what was erased and what remains,
 * by id only. The id is checked before anything is read or written. Needs no private key.
 */
export async function run(deps: EraseJobDependencies): Promise<void> {
  const { core } = deps;
  const id = deps.id.trim();
  if (!isApplicationId(id)) {
    core.setFailed(notAnId);
    return;
  }
  const lines: string[] = [];
  try {
    await runErase([id], {
      store: deps.store,
      now: deps.now,
      timeZone: deps.settings.structure.timeZone,
      print: (line) => lines.push(frenchTypography(line)),
      tokens: tokensFrom(deps.settings),
      identities: () => Promise.reject(new Error('The erase job holds no private key.')),
      onGitHub: true,
    });
    core.setOutput('id', id);
    for (const line of lines) core.info(line);
    // Our own text around a checked id: nothing in it comes from a record.
    await core.summary
      .addHeading(`Effacement de ${id}`, 2)
      .addRaw(lines.join('\n\n'), true)
      .write();
  } catch (error) {
    if (error instanceof UsageError) core.setFailed(frenchTypography(error.message));
    else
      core.setFailed(
        `L’effacement de ${id} n’a pas pu aller au bout (${error instanceof Error ? `${error.name}: ${error.message}` : 'erreur inconnue'}). Relancez « Effacer une personne » avec le même identifiant : un nouvel essai termine un effacement interrompu.`,
      );
  }
}
