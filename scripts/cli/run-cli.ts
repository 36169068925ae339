import { frenchTypography } from '../../schemas/french-typography.ts';
import { SettingsError } from '../../schemas/read-settings.ts';
import { UsageError } from '../commands/usage-error.ts';
import { ConventionSourceError } from '../convention/convention-source.ts';
import { KeyFileError } from '../privacy/age-identities.ts';
import { LocalStoreBusyError } from '../store/local-git-store.ts';
import { StoreConfigurationError } from '../store/store-from-environment.ts';

/**
 * Whether the person asked for a command's usage: it is printed before anything is read, so
 * that `--help` never creates a data repository nor asks for a key.
 */
export const asksForHelp = (args: readonly string[] = process.argv.slice(2)) =>
  args.includes('--help') || args.includes('-h');

/**
 * Runs a command-line entry point and turns every failure into a short message for the person
 * at the keyboard, never a stack trace: their own mistake (exit 2), a busy or unreachable data
 * repository (exit 1, with what to do), or our bug (exit 1, named by its class only, so that
 * nothing read from a record reaches the terminal).
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof SettingsError ||
      error instanceof KeyFileError ||
      error instanceof ConventionSourceError
    ) {
      console.error(frenchTypography(error.message));
      process.exitCode = 2;
    } else if (error instanceof StoreConfigurationError) {
      console.error(`Configuration du dépôt de données : ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof LocalStoreBusyError) {
      console.error(
        'Le dépôt de données est très occupé en ce moment (beaucoup d’écritures à la fois) : rien n’a été enregistré. Relancez la même commande dans une minute.',
      );
      process.exitCode = 1;
    } else {
      const name = error instanceof Error ? error.name : 'Error';
      console.error(
        `La commande a échoué (${name}) : rien n’a été enregistré. Vérifiez que le dépôt de données est accessible, puis relancez-la. Si cela se reproduit, signalez-le avec ce nom d’erreur.`,
      );
      process.exitCode = 1;
    }
  }
}
