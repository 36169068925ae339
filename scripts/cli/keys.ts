import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { afterQuiet, textProgress } from '../commands/progress.ts';
import { runKeys } from '../commands/run-keys.ts';
import { KeyFileError } from '../privacy/age-identities.ts';
import { defaultKeyFile, ensureLocalKeyPair } from '../privacy/local-key-pair.ts';
import { programmeRecipients } from '../privacy/programme-recipients.ts';
import { privacyDependencies } from './privacy-cli.ts';
import { runCli } from './run-cli.ts';

// `npm run keys -- …`: see runKeys. A new private key is written readable by its owner only,
// in the format of `age-keygen`, and never over an existing file.
await runCli(async () => {
  const deps = await privacyDependencies();
  await runKeys(process.argv.slice(2), {
    ...deps,
    // What the intake seals new records to: the settings' keys and, on the embedded default,
    // the key file `npm start` uses (replace that file to retire its key).
    recipients: await (async () => {
      if (deps.settings.encryption.identities === 'plain') return [];
      const local = deps.onGitHub
        ? undefined
        : (process.env['BINOME_AGE_KEY_FILE'] ??
          defaultKeyFile(process.env['BINOME_DATA_DIR'] ?? 'data'));
      const extra = local && existsSync(local) ? [(await ensureLocalKeyPair(local)).recipient] : [];
      return programmeRecipients(deps.settings, { extra, atLeast: 0 }) ?? [];
    })(),
    minimumRecipients: deps.onGitHub ? 2 : 1,
    // On stderr, and only once it takes a while: one request a data key on GitHub.
    progress: textProgress(afterQuiet(process.stderr)),
    generate: async (file) => {
      if (existsSync(file))
        throw new KeyFileError(`${file} existe déjà : choisissez un autre nom.`);
      const identity = await generateX25519Identity();
      const recipient = await identityToRecipient(identity);
      await writeFile(
        file,
        `# created: ${deps.now().toISOString()}\n# public key: ${recipient}\n${identity}\n`,
        { mode: 0o600, flag: 'wx' },
      );
      return recipient;
    },
  });
});
