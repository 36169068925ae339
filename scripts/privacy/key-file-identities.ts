import { Decrypter, armor } from 'age-encryption';
import { KeyFileError, parseIdentities } from './age-identities.ts';

const binaryHeader = 'age-encryption.org/v1\n';
const armourHeader = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Whether `bytes` are an age-encrypted file (binary or armoured), not a plain key file. */
export function isEncryptedKeyFile(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return start.startsWith(binaryHeader) || start.startsWith(armourHeader);
}

/**
 * The age identities of a key file as a coordinator gives it: a plain key file (`age-keygen`), or
 * the same file protected by a passphrase (`age -p`, binary or armoured). Every failure is a
 * `KeyFileError` in French that never quotes the file or the passphrase.
 */
export async function keyFileIdentities(bytes: Uint8Array, passphrase = ''): Promise<string[]> {
  if (!isEncryptedKeyFile(bytes))
    try {
      return parseIdentities(new TextDecoder().decode(bytes), 'Le fichier de clé donné');
    } catch (error) {
      // parseIdentities's own advice (decrypt a protected key first) does not hold here: a
      // protected key is read as it is.
      if (error instanceof KeyFileError && /age -d/.test(error.message))
        throw new KeyFileError(
          'Ce fichier n’est pas un fichier de clé age : choisissez le fichier de la clé de la coordination (ses lignes commencent par AGE-SECRET-KEY-1 ou par #), ou sa version protégée par une phrase de passe.',
        );
      throw error;
    }
  if (passphrase === '')
    throw new KeyFileError(
      'Ce fichier de clé est protégé par une phrase de passe : tapez-la dans le champ « Phrase de passe », puis ouvrez de nouveau.',
    );
  let file: Uint8Array;
  try {
    const text = new TextDecoder().decode(bytes).trimStart();
    file = text.startsWith(armourHeader) ? armor.decode(text) : bytes;
  } catch {
    throw new KeyFileError('Ce fichier de clé protégé est abîmé : il ne peut pas être ouvert.');
  }
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  let text: string;
  try {
    text = await decrypter.decrypt(file, 'text');
  } catch (error) {
    // age says « no identity matched » for a wrong passphrase, and that the file is not
    // passphrase-protected when it was encrypted to keys instead.
    if (error instanceof Error && /no identity matched|incorrect passphrase/i.test(error.message))
      throw new KeyFileError(
        'La phrase de passe ne correspond pas à ce fichier de clé : vérifiez-la (majuscules, accents), puis ouvrez de nouveau.',
      );
    throw new KeyFileError(
      'Ce fichier chiffré n’est pas une clé protégée par une phrase de passe (age -p), ou il est abîmé.',
    );
  }
  return parseIdentities(text, 'Le fichier de clé déchiffré');
}
