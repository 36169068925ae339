import type { FromSchema } from 'json-schema-to-ts';

/**
 * An identity block as stored: encrypted with age (X25519) to the record's own data key, which
 * lives apart in the key store (scripts/privacy/seal-identity.ts). ASCII armour: 64 base64
 * characters a line, as `age -a` writes it and `age -d` reads it.
 */
export const sealedIdentity = {
  type: 'object',
  title: 'Identité chiffrée',
  additionalProperties: false,
  required: ['encrypted', 'ciphertext'],
  properties: {
    encrypted: { const: 'age', title: 'Chiffrement' },
    ciphertext: {
      type: 'string',
      title: 'Identité chiffrée (age, armure ASCII)',
      maxLength: 16384,
      // Full lines of 64, then a last shorter one unless the body is a multiple of 64 (age -a).
      pattern:
        '^-----BEGIN AGE ENCRYPTED FILE-----\\n(?:[A-Za-z0-9+/]{64}\\n)*(?:(?:[A-Za-z0-9+/]{1,64}|[A-Za-z0-9+/]{0,63}=|[A-Za-z0-9+/]{0,62}==)\\n)?-----END AGE ENCRYPTED FILE-----\\n$',
      'x-error': 'l’identité chiffrée n’est pas un fichier age en armure ASCII',
    },
  },
} as const;

export type SealedIdentity = FromSchema<typeof sealedIdentity>;

/**
 * The identity of a stored record: sealed (the default), or, with `else:` the form's identity, as
 * the person typed it when the programme explicitly chose plain storage
 * (`encryption.identities: plain`). An object with a `ciphertext` is held to the sealed form, so
 * its errors say what is wrong.
 */
export const storedIdentityCondition = {
  if: { type: 'object', required: ['ciphertext'], properties: { ciphertext: true } },
  then: sealedIdentity,
} as const;

/** Whether a stored identity is sealed. */
export function isSealed(identity: unknown): identity is SealedIdentity {
  return typeof identity === 'object' && identity !== null && 'ciphertext' in identity;
}
