// Base64 with the web platform's own functions (atob, btoa), so that the GitHub store runs on
// any host: Node, a Worker, a browser.

/** The base64 of `bytes`. */
export function base64OfBytes(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a large file into one call would pass too many arguments.
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The bytes of base64 text (line breaks, as GitHub sends them, are ignored). */
export function bytesOfBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
}

/**
 * The UTF-8 text base64 holds, as Node's Buffer reads it: a malformed sequence as U+FFFD, and a
 * byte-order mark kept (a CSV for spreadsheets starts with one: dropped, the file would read as
 * changed).
 */
export function textOfBase64(base64: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytesOfBase64(base64));
}
