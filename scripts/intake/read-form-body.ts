/** Why a form body could not be read; nothing of its content is kept. */
export type BodyProblem = 'unsupported-content-type' | 'too-large' | 'invalid-encoding' | 'aborted';

export type FormBody =
  { ok: true; entries: [string, string][] } | { ok: false; problem: BodyProblem };

/**
 * Whether a `content-type` is exactly what the forms send: `application/x-www-form-urlencoded`,
 * with no parameter (a plain HTML form) or `charset=UTF-8` (what `fetch` adds), in any case.
 */
export function isFormContentType(header: string | null): boolean {
  if (header === null) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim());
  if (type!.toLowerCase() !== 'application/x-www-form-urlencoded') return false;
  return parameters.every((p) => /^charset\s*=\s*"?utf-8"?$/i.test(p) || p === '');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `%XX` escapes and `+` of one name or value, decoded as UTF-8; undefined if not valid UTF-8. */
function decodeComponent(raw: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (raw[i] === '+') bytes.push(0x20);
    else if (raw[i] === '%' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else return undefined; // The body was decoded as UTF-8 first: only ASCII is left here.
  }
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` body, stopping as soon as it exceeds `limit`
 * bytes (whatever `content-length` claims), and returns its fields in order. Unlike
 * `URLSearchParams`, it refuses invalid UTF-8 (raw or percent-encoded) instead of silently
 * storing U+FFFD in place of what the person typed.
 */
export async function readFormBody(request: Request, limit: number): Promise<FormBody> {
  if (!isFormContentType(request.headers.get('content-type')))
    return { ok: false, problem: 'unsupported-content-type' };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false, problem: 'too-large' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        // The client went away mid-body (or sent a broken chunk): its fault, not an outage.
        return { ok: false, problem: 'aborted' };
      }
      const { done, value } = chunk;
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return { ok: false, problem: 'too-large' };
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: 'invalid-encoding' };
  }
  const entries: [string, string][] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = decodeComponent(equals === -1 ? '' : pair.slice(equals + 1));
    if (name === undefined || value === undefined)
      return { ok: false, problem: 'invalid-encoding' };
    entries.push([name, value]);
  }
  return { ok: true, entries };
}
