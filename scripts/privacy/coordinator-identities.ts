import { KeyFileError, parseIdentities } from './age-identities.ts';
import { defaultKeyFile, readKeyFile } from './local-key-pair.ts';

/**
 * The coordinators' private keys, given at run time only, never read from the repository: the
 * text of `BINOME_AGE_KEY` (an Actions secret), else the key file `--key` or
 * `BINOME_AGE_KEY_FILE` names, else, on the embedded default, the key pair `npm start` made
 * beside the data folder.
 */
export async function coordinatorIdentities(
  env: Record<string, string | undefined>,
  keyFile?: string,
): Promise<string[]> {
  const secret = env['BINOME_AGE_KEY'];
  if (secret !== undefined && secret.trim() !== '' && keyFile === undefined)
    return parseIdentities(secret, 'Le secret BINOME_AGE_KEY');
  const file =
    keyFile ??
    env['BINOME_AGE_KEY_FILE'] ??
    (env['BINOME_GITHUB_REPOSITORY']
      ? undefined
      : defaultKeyFile(env['BINOME_DATA_DIR'] ?? 'data'));
  if (!file)
    throw new KeyFileError(
      'Cette commande a besoin de la clé privée de la coordination : donnez son fichier avec --key <fichier> (ou BINOME_AGE_KEY_FILE, ou son texte dans BINOME_AGE_KEY).',
    );
  return readKeyFile(file);
}
