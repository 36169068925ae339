import { Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { SealedIdentity } from '../../schemas/sealed-identity.ts';
import { KeyFileError, isRecipient } from './age-identities.ts';

/**
 * Plain text is padded to a multiple of this many bytes before encryption, so that the length of
 * a ciphertext says little about the name inside (JSON ignores the trailing spaces).
 */
const paddingBlock = 256;

/** Encrypts `text` with age to `recipients`, ASCII-armoured. */
export async function encryptTo(recipients: readonly string[], text: string): Promise<string> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return armor.encode(await encrypter.encrypt(text));
}

/** Checks the programme's recipients before anything is encrypted to them. */
export function checkRecipients(recipients: readonly string[]): void {
  if (recipients.length === 0)
    throw new KeyFileError(
      'Aucune clé publique de destinataire : ajoutez au moins la clé de la coordination dans « encryption.recipients » des réglages.',
    );
  // The checksum too: a key with one character mistyped looks right, and would refuse every
  // applicant.
  const wrong = recipients.findIndex((r) => {
    if (!isRecipient(r)) return true;
    try {
      new Encrypter().addRecipient(r);
      return false;
    } catch {
      return true;
    }
  });
  if (wrong >= 0)
    throw new KeyFileError(
      `La clé publique ${recipients[wrong]?.slice(0, 12) ?? ''}… (n° ${wrong + 1}) n’est pas une clé publique age X25519 valable : vérifiez qu’elle a été copiée en entier, sans faute.`,
    );
}

/**
 * Seals a record's identity: a fresh data key (an age X25519 identity) of its own encrypts the
 * identity, and that data key is itself encrypted to the programme's recipients. The record keeps
 * the first, the key store the second: destroying the second makes the first unreadable for ever,
 * in every commit that holds it (README, « Données personnelles »). Holds no private key of the
 * programme: whoever runs this (the intake) can read nothing it sealed.
 */
export async function sealIdentity(
  identity: object,
  recipients: readonly string[],
): Promise<{ sealed: SealedIdentity; wrappedKey: string }> {
  checkRecipients(recipients);
  const dataKey = await generateX25519Identity();
  const json = JSON.stringify(identity);
  // Bytes, not characters: « é » takes two, and its count must not show either.
  const bytes = new TextEncoder().encode(json).length;
  const padded = json + ' '.repeat(Math.ceil((bytes + 1) / paddingBlock) * paddingBlock - bytes);
  const ciphertext = await encryptTo([await identityToRecipient(dataKey)], padded);
  return {
    sealed: { encrypted: 'age', ciphertext },
    wrappedKey: await encryptTo(recipients, `${dataKey}\n`),
  };
}
