import type { BranchOption } from '../store/data-store.ts';
import { DeskError } from './desk-error.ts';
import type { DeskCommand, DeskReply, DeskSource } from './desk-source.ts';

/** What `GET api/coordination/` answers on the embedded default's server. */
export interface LocalDesk {
  local: true;
  /** The public keys the server seals identities to. */
  recipients: string[];
}

const unreachable = () =>
  new DeskError(
    'Le serveur local ne répond pas : vérifiez que npm start tourne toujours dans le terminal, puis ouvrez de nouveau l’espace.',
  );

/** The local server's desk, when the page is served by it; undefined on a static host. */
export async function localDesk(api: string): Promise<LocalDesk | undefined> {
  try {
    const response = await fetch(api, { headers: { accept: 'application/json' } });
    if (!response.ok) return undefined;
    const body = (await response.json()) as Partial<LocalDesk>;
    return body.local === true && Array.isArray(body.recipients)
      ? { local: true, recipients: body.recipients.filter((r) => typeof r === 'string') }
      : undefined;
  } catch {
    return undefined;
  }
}

async function post(
  url: string,
  body: unknown,
  session?: string,
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session ? { authorization: `Bearer ${session}` } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw unreachable();
  }
  let answer: Record<string, unknown>;
  try {
    answer = (await response.json()) as Record<string, unknown>;
  } catch {
    throw new DeskError(
      `Le serveur local a refusé la demande (statut ${response.status}) : fermez l’espace, puis ouvrez-le de nouveau.`,
    );
  }
  if (!response.ok)
    throw new DeskError(
      typeof answer['message'] === 'string'
        ? answer['message']
        : `Le serveur local a refusé la demande (statut ${response.status}).`,
    );
  return answer;
}

/**
 * The embedded default's data repository through the local server (`npm start`): the same reads
 * as on GitHub, and the actions carried out by the server with the command line's code. The
 * session key the one-time code gave lives in this object only.
 */
export class LocalDeskSource implements DeskSource {
  readonly label = 'le dépôt de données local';
  readonly #api: string;
  readonly #session: string;

  private constructor(api: string, session: string) {
    this.#api = api;
    this.#session = session;
  }

  /** Exchanges the one-time code printed by `npm start` for a session. */
  static async open(api: string, code: string): Promise<LocalDeskSource> {
    const { session } = await post(`${api}session`, { code });
    if (typeof session !== 'string') throw unreachable();
    return new LocalDeskSource(api, session);
  }

  #read(body: Record<string, unknown>) {
    return post(`${this.#api}lire`, body, this.#session);
  }

  refresh(): void {
    // Every reading asks the server: nothing is kept here.
  }

  async listFiles(folder: string, options: BranchOption = {}): Promise<string[]> {
    const { files } = await this.#read({ op: 'list', folder, branch: options.branch ?? 'main' });
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
  }

  async readFiles(
    paths: readonly string[],
    options: BranchOption = {},
  ): Promise<(string | undefined)[]> {
    const results: (string | undefined)[] = [];
    // In batches: a programme of several years holds thousands of records.
    for (let i = 0; i < paths.length; i += 500) {
      const batch = paths.slice(i, i + 500);
      const { texts } = await this.#read({
        op: 'read',
        paths: batch,
        branch: options.branch ?? 'main',
      });
      if (!Array.isArray(texts) || texts.length !== batch.length) throw unreachable();
      results.push(...texts.map((t) => (typeof t === 'string' ? t : undefined)));
    }
    return results;
  }

  readonly keys = {
    read: async (id: string): Promise<string | undefined> => {
      const { key } = await this.#read({ op: 'key', id });
      return typeof key === 'string' ? key : undefined;
    },
  };

  async proposalLink(): Promise<undefined> {
    return undefined;
  }

  async send(command: DeskCommand): Promise<DeskReply> {
    const answer = await post(
      `${this.#api}commande`,
      { line: command.line, ...(command.cohort ? { cohort: command.cohort } : {}) },
      this.#session,
    );
    return { text: String(answer['text'] ?? ''), failed: answer['failed'] === true };
  }

  async accept(cohort: string): Promise<DeskReply> {
    const answer = await post(`${this.#api}accepter`, { cohort }, this.#session);
    return { text: String(answer['text'] ?? ''), failed: answer['failed'] === true };
  }
}
