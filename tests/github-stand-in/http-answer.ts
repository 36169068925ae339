export const docs = 'https://docs.github.com/rest';

/**
 * A status and JSON body for the stand-in to check against GitHub's description, then send, with
 * any headers GitHub adds (a `location` for what was created).
 */
export class HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** A failure as GitHub words them; thrown by a route, sent as it is. */
export const fail = (status: number, message: string, documentation = docs) =>
  new HttpAnswer(status, { message, documentation_url: documentation, status: String(status) });

/** The parts of a matched request a route reads. */
export interface RouteRequest {
  operationId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}
