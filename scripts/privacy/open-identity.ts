import { Decrypter, armor } from 'age-encryption';
import type { SealedIdentity } from '../../schemas/sealed-identity.ts';
import { parseJson } from '../../schemas/parse-json.ts';
import { parseIdentities } from './age-identities.ts';

/** Why an identity could not be opened: French, for people, never quoting a key or a value. */
export class OpenIdentityError extends Error {
  override name = 'OpenIdentityError';
  readonly reason: 'no-key' | 'wrong-key' | 'corrupt';
  constructor(reason: OpenIdentityError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

const messages = {
  'no-key':
    'sa clé de données a été détruite (personne effacée) ou n’a jamais été enregistrée, et plus personne ne peut lire cette identité',
  'wrong-key':
    'aucune des clés privées données n’ouvre sa clé de données ; ce ne sont pas celles de la coordination de ce programme, ou elles ont été remplacées depuis',
  corrupt: 'le texte chiffré a été modifié ou abîmé, et ne peut plus être déchiffré',
} as const;

const fail = (reason: OpenIdentityError['reason']) =>
  new OpenIdentityError(reason, messages[reason]);

/** Decrypts an armoured age file with `identities`; null when none of them is a recipient. */
async function decrypt(identities: readonly string[], armoured: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = armor.decode(armoured);
  } catch {
    throw fail('corrupt');
  }
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(bytes, 'text');
  } catch (error) {
    // age says « no identity matched any of the recipients » when the keys are not recipients;
    // anything else (a broken header, a failed MAC) is a damaged file.
    if (error instanceof Error && /no identity matched/i.test(error.message)) return null;
    throw fail('corrupt');
  }
}

/** The data key inside a wrapped key, opened with the coordinators' identities. */
export async function openDataKey(
  wrappedKey: string | undefined,
  identities: readonly string[],
): Promise<string> {
  if (wrappedKey === undefined) throw fail('no-key');
  const dataKey = await decrypt(identities, wrappedKey);
  if (dataKey === null) throw fail('wrong-key');
  // A data key encrypted by hand may be a whole `age-keygen` file, comments included.
  try {
    const [key, ...more] = parseIdentities(dataKey);
    if (key && more.length === 0) return key;
  } catch {
    // Not a key file: said below.
  }
  throw fail('corrupt');
}

/**
 * Opens a sealed identity: its data key from the key store (`wrappedKey`, undefined once
 * destroyed) with the coordinators' identities, then the identity with that data key.
 */
export async function openIdentity(
  sealed: SealedIdentity,
  wrappedKey: string | undefined,
  identities: readonly string[],
): Promise<Record<string, unknown>> {
  const dataKey = await openDataKey(wrappedKey, identities);
  const text = await decrypt([dataKey], sealed.ciphertext);
  if (text === null) throw fail('corrupt');
  const parsed = parseJson(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
    throw fail('corrupt');
  return parsed.value as Record<string, unknown>;
}
