/**
 * The id Git gives a file holding `text`: the SHA-1 of `blob <length>\0` and its UTF-8 bytes
 * (Web Crypto, so that the GitHub store needs nothing of Node's).
 */
export async function gitBlobSha(text: string): Promise<string> {
  const body = new TextEncoder().encode(text);
  const header = new TextEncoder().encode(`blob ${body.byteLength}\0`);
  const full = new Uint8Array(header.byteLength + body.byteLength);
  full.set(header);
  full.set(body, header.byteLength);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', full));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
