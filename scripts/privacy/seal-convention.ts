import { Decrypter, Encrypter, armor, identityToRecipient } from 'age-encryption';

async function encryptTo(dataKey: string, bytes: Uint8Array): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(await identityToRecipient(dataKey));
  return encrypter.encrypt(bytes);
}

/**
 * Seals a pair's convention for the data repository (`conventions.delivery: commit`): encrypted
 * to the mentor's data key, then that to the mentoré's, so that opening it takes both keys.
 * Erasing either person (or the retention job) destroys one of them: from then on no commit that
 * holds the file can be read, by anyone (issue 10's promise, kept for the PDF that names them).
 */
export async function sealConvention(
  pdf: Uint8Array,
  keys: { mentor: string; mentee: string },
): Promise<string> {
  return armor.encode(await encryptTo(keys.mentee, await encryptTo(keys.mentor, pdf)));
}

/** Opens a sealed convention with both data keys (for a coordinator; and the tests). */
export async function openConvention(
  sealed: string,
  keys: { mentor: string; mentee: string },
): Promise<Uint8Array> {
  const outer = new Decrypter();
  outer.addIdentity(keys.mentee);
  const inner = new Decrypter();
  inner.addIdentity(keys.mentor);
  return inner.decrypt(await outer.decrypt(armor.decode(sealed)));
}
