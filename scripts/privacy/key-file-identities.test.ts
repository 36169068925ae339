import { Encrypter, armor } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { coordinatorKey } from '../../tests/helpers/test-keys.ts';
import { KeyFileError } from './age-identities.ts';
import { keyFileIdentities } from './key-file-identities.ts';

const keyFile = `# created: 2026-11-30T09:00:00Z\n# public key: ${coordinatorKey.recipient}\n${coordinatorKey.identity}\n`;
const bytes = (text: string) => new TextEncoder().encode(text);

async function protectedFile(passphrase: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  // The lowest work factor age accepts keeps the test fast; the format is the same.
  encrypter.setScryptWorkFactor(10);
  return encrypter.encrypt(keyFile);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyFileError);
  return (error as Error).message;
}

describe('keyFileIdentities', () => {
  it('reads a plain key file as age-keygen writes it', async () => {
    expect(await keyFileIdentities(bytes(keyFile))).toEqual([coordinatorKey.identity]);
  });

  it('opens a passphrase-protected key file, binary or armoured', async () => {
    const file = await protectedFile('une phrase de passe très longue');
    expect(await keyFileIdentities(file, 'une phrase de passe très longue')).toEqual([
      coordinatorKey.identity,
    ]);
    expect(
      await keyFileIdentities(bytes(armor.encode(file)), 'une phrase de passe très longue'),
    ).toEqual([coordinatorKey.identity]);
  });

  it('says in French what is wrong, never quoting the file or the passphrase', async () => {
    const file = await protectedFile('la bonne phrase');
    const messages = [
      await refusal(keyFileIdentities(file)),
      await refusal(keyFileIdentities(file, 'la mauvaise phrase')),
      await refusal(keyFileIdentities(bytes('bonjour, ceci est une lettre'))),
      await refusal(keyFileIdentities(bytes(''))),
    ];
    expect(messages[0]).toMatch(/protégé par une phrase de passe/);
    expect(messages[1]).toMatch(/phrase de passe ne correspond pas/);
    expect(messages[2]).toMatch(/n’est pas un fichier de clé age/);
    expect(messages[2]).not.toMatch(/age -d/);
    expect(messages[3]).toMatch(/aucune clé privée/);
    for (const message of messages) {
      expect(message).not.toMatch(/bonne|mauvaise|lettre/);
      expect(message).not.toContain(coordinatorKey.identity);
    }
  });
});
