import { Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { sealedIdentity } from './sealed-identity.ts';

const pattern = new RegExp(sealedIdentity.properties.ciphertext.pattern);

describe('the sealed identity’s ciphertext pattern', () => {
  it('takes every armoured age file, whatever its length (last line short, full, or padded)', async () => {
    const recipient = await identityToRecipient(await generateX25519Identity());
    const refused: number[] = [];
    // Every remainder of the base64 body modulo 64, and so every padding.
    for (let size = 0; size < 200; size += 1) {
      const encrypter = new Encrypter();
      encrypter.addRecipient(recipient);
      if (!pattern.test(armor.encode(await encrypter.encrypt('a'.repeat(size)))))
        refused.push(size);
    }
    expect(refused).toEqual([]);
  });

  it('refuses what is not one armoured file', () => {
    const body = 'A'.repeat(64);
    const file = (inside: string) =>
      `-----BEGIN AGE ENCRYPTED FILE-----\n${inside}-----END AGE ENCRYPTED FILE-----\n`;
    expect(pattern.test(file(`${body}\nAB==\n`))).toBe(true);
    expect(pattern.test(file(`${body}\nA B\n`))).toBe(false);
    expect(pattern.test(file(`${'A'.repeat(65)}\n`))).toBe(false);
    expect(pattern.test(file(`AB===\n`))).toBe(false);
    expect(pattern.test(file(`${body}\n`) + 'trailing')).toBe(false);
    expect(pattern.test('leading ' + file(`${body}\n`))).toBe(false);
    expect(pattern.test(`{"firstName":"Zoé"}`)).toBe(false);
  });
});
