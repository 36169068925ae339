export const docs = 'https://docs.github.com/rest';

/** A status and JSON body for the stand-in to check against GitHub's description, then send. */
export class HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    this.status = status;
    this.body = body;
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
