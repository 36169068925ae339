import { commandStore } from './command-store.ts';
import { readFile } from 'node:fs/promises';
import { tokensFrom } from '../../schemas/fill-tokens.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { PrivacyDependencies } from '../commands/privacy-dependencies.ts';
import { coordinatorIdentities } from '../privacy/coordinator-identities.ts';
import { asksForHelp } from './run-cli.ts';
import { conventionFolder, localConventionsPath } from '../commands/convention-folder.ts';

/**
 * What every privacy command gets from the command line's world: the data repository the
 * environment names, the settings, the clock, the terminal, and the coordinators' key, read
 * only when the command asks for it.
 */
export async function privacyDependencies(): Promise<
  PrivacyDependencies & { settings: ProgrammeSettings }
> {
  const store = commandStore();
  if (!asksForHelp()) await store.ready();
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  return {
    store,
    settings,
    now: () => new Date(),
    timeZone: settings.structure.timeZone,
    // French typography in what people read: no-break spaces before « : » and inside « ».
    print: (line) => console.log(frenchTypography(line)),
    tokens: tokensFrom(settings),
    identities: (keyFile) => coordinatorIdentities(process.env, keyFile),
    onGitHub: Boolean(process.env['BINOME_GITHUB_REPOSITORY']),
    ...(process.env['BINOME_GITHUB_REPOSITORY']
      ? {}
      : {
          conventions: conventionFolder(
            localConventionsPath(process.env['BINOME_DATA_DIR'] ?? 'data'),
          ),
        }),
  };
}
