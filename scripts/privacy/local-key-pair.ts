import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { open, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KeyFileError, parseIdentities, recipientsOf } from './age-identities.ts';

/**
 * Where the embedded default keeps its coordinators' key: beside the data folder, not in it
 * (`./data` -> `./data-coordination-key.txt`), so that copying or cloning the data repository
 * never copies the key that opens it.
 */
export function defaultKeyFile(dataDirectory: string): string {
  const data = resolve(dataDirectory);
  return join(dirname(data), `${basename(data)}-coordination-key.txt`);
}

/** The identities of a key file, with a French message when it is missing or not a key. */
export async function readKeyFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new KeyFileError(
      `Le fichier de clé ${file} est introuvable ou illisible : donnez le fichier de clé privée de la coordination avec --key <fichier> (ou BINOME_AGE_KEY_FILE).`,
    );
  }
  return parseIdentities(text, `Le fichier de clé ${file}`);
}

/**
 * The embedded default's key pair: created on first use (readable by its owner only, in the
 * format of `age-keygen`), read afterwards. Says whether it was just created, so that the
 * caller can print where it is.
 */
export async function ensureLocalKeyPair(
  file: string,
  now: () => Date = () => new Date(),
): Promise<{ recipient: string; created: boolean }> {
  try {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(
        `# created: ${now().toISOString()}\n# public key: ${recipient}\n${identity}\n`,
      );
    } finally {
      await handle.close();
    }
    return { recipient, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // The public key from the file's own comment, as age-keygen writes it: the process that runs
  // the intake then never holds the private key. Without that line, it is derived once.
  const text = await readFile(file, 'utf8').catch(() => '');
  const written = /^# public key: (age1[0-9a-z]{58})$/m.exec(text)?.[1];
  if (written) return { recipient: written, created: false };
  const [first] = await recipientsOf((await readKeyFile(file)).slice(0, 1));
  return { recipient: first!, created: false };
}
