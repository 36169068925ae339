const hex = (digest: ArrayBuffer) =>
  [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of a text, in hex, with Web Crypto (available on every host the intake runs on). */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * HMAC-SHA-256 of a text under `key`, in hex. For digests of what a person wrote: a plain hash
 * of guessable answers lets anyone who reads the repository confirm a guess (« did Jeanne Martin,
 * born on…, apply? »); a keyed one does not, without the key.
 */
export async function hmacHex(key: string, text: string): Promise<string> {
  const imported = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return hex(await crypto.subtle.sign('HMAC', imported, new TextEncoder().encode(text)));
}
