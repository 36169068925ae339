/** The body was larger than allowed; reading stopped there. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Reads an `application/x-www-form-urlencoded` body, stopping as soon as it exceeds `limit`
 * bytes (whatever `content-length` claims), and returns its fields in order.
 */
export async function readFormBody(request: Request, limit: number): Promise<[string, string][]> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit)
    throw new BodyTooLargeError(`Declared body of ${declared} bytes exceeds ${limit}.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new BodyTooLargeError(`Body exceeds ${limit} bytes.`);
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  return [...new URLSearchParams(text)];
}
