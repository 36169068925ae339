import { identityToRecipient } from 'age-encryption';

/** A key file or a recipient could not be used; the message is French, for people. */
export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

const identityLine = /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/;
const recipientPattern = /^age1[0-9a-z]{58}$/;

/** Whether `text` is an age X25519 recipient (a public key, `age1…`). */
export function isRecipient(text: string): boolean {
  return recipientPattern.test(text);
}

/**
 * The age identities (private keys) of a key file as `age-keygen` writes it: comment lines
 * (`# created: …`, `# public key: …`) and blank lines are skipped. Never quotes the file: a key
 * must not reach a terminal or a log, even a wrong one.
 */
export function parseIdentities(text: string, source = 'le fichier de clé'): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length === 0)
    throw new KeyFileError(`${source} ne contient aucune clé privée age (AGE-SECRET-KEY-1…).`);
  if (lines.some((line) => !identityLine.test(line)))
    throw new KeyFileError(
      `${source} n’est pas un fichier de clé age : chaque ligne doit être une clé privée AGE-SECRET-KEY-1… ou un commentaire commençant par #. Une clé protégée par une phrase de passe doit d’abord être déchiffrée (age -d).`,
    );
  return lines;
}

/** The recipient (public key) of each identity, in the same order. */
export async function recipientsOf(identities: readonly string[]): Promise<string[]> {
  return Promise.all(identities.map((identity) => identityToRecipient(identity)));
}
