import {
  isApplicationId,
  isCohortId,
  locate,
  pairingBranch,
  recordFolders,
} from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { parseJson } from '../../schemas/parse-json.ts';
import type { DataStore } from '../store/data-store.ts';
import { securityHeaders } from '../intake/security-headers.ts';

/** What an action of the desk answers, in French. */
export interface DeskAnswer {
  text: string;
  failed: boolean;
}

export interface DeskApiOptions {
  store: Pick<DataStore, 'listFiles' | 'readFiles' | 'keys'>;
  settings: ProgrammeSettings;
  /** The origin of the page (the local server's own): requests from elsewhere are refused. */
  origins: readonly string[];
  /** Carries out one comment command, as `npm run match -- /commande …` does. */
  run(line: string, cohort: string | undefined): Promise<DeskAnswer>;
  /** Accepts a cohort's proposal, as `npm run match -- --accept <cohort>` does. */
  accept(cohort: string): Promise<DeskAnswer>;
  /** Shows each new one-time code to the person at the terminal (never logged elsewhere). */
  announce(code: string): void;
  /** The public keys the embedded default seals to: the page checks its key against them. */
  recipients: readonly string[];
  random?: (length: number) => Uint8Array;
}

/** No 0/O or 1/I/L: a code is read off a terminal and typed. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const wrongCodesBeforeNew = 5;
const maxSessions = 20;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      ...securityHeaders,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    },
  });

const refuse = (status: number, message: string) => json(status, { message });

const loopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/**
 * The local server's side of the coordinators' desk (issue 15), on the embedded default: the
 * records read-only, and the actions run by the same code as the command line. Only on this
 * machine (a loopback client, the page's own origin), and only after a one-time code printed in
 * the terminal, exchanged for a session key the page keeps in memory. A code works once; a new
 * one is printed after each use and after a few wrong attempts. Nothing read is logged.
 */
export function createDeskApi(options: DeskApiOptions) {
  const random =
    options.random ?? ((length: number) => crypto.getRandomValues(new Uint8Array(length)));
  const newCode = () => {
    // Rejection sampling: every letter equally likely.
    const letters: string[] = [];
    while (letters.length < 8)
      for (const byte of random(16))
        if (byte < 248 && letters.length < 8) letters.push(alphabet[byte % alphabet.length]!);
    return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`;
  };
  let code = newCode();
  let wrong = 0;
  const sessions = new Set<string>();
  const rotate = () => {
    code = newCode();
    wrong = 0;
    options.announce(code);
  };
  options.announce(code);

  const branches = new Set(['main', ...options.settings.cohorts.map((c) => pairingBranch(c.id))]);
  const branchOf = (value: unknown) =>
    value === undefined ? 'main' : typeof value === 'string' && branches.has(value) ? value : null;
  const isRecordPath = (path: unknown) =>
    typeof path === 'string' && path.length < 200 && locate(path).type !== 'other';

  async function read(body: Record<string, unknown>): Promise<Response> {
    const branch = branchOf(body['branch']);
    if (branch === null) return refuse(400, 'Branche inconnue.');
    switch (body['op']) {
      case 'list': {
        const folder = body['folder'];
        if (typeof folder !== 'string' || !(recordFolders as readonly string[]).includes(folder))
          return refuse(400, 'Dossier inconnu.');
        return json(200, { files: await options.store.listFiles(folder, { branch }) });
      }
      case 'read': {
        const paths = body['paths'];
        if (!Array.isArray(paths) || paths.length > 5000 || !paths.every(isRecordPath))
          return refuse(400, 'Fichiers inconnus.');
        const texts = await options.store.readFiles(paths as string[], { branch });
        return json(200, { texts: texts.map((t) => t ?? null) });
      }
      case 'key': {
        const id = body['id'];
        if (typeof id !== 'string' || !isApplicationId(id))
          return refuse(400, 'Identifiant inconnu.');
        return json(200, { key: (await options.store.keys.read(id)) ?? null });
      }
      default:
        return refuse(400, 'Lecture inconnue.');
    }
  }

  const handle = async (request: Request, client: { address?: string }): Promise<Response> => {
    if (!loopback(client.address))
      return refuse(
        403,
        'L’espace coordination du serveur local ne s’ouvre que sur cet ordinateur.',
      );
    const path = new URL(request.url).pathname.replace(/^\/api\/coordination\/?/, '');
    if (request.method === 'GET' && path === '')
      return json(200, { local: true, recipients: options.recipients });
    if (request.method !== 'POST') return refuse(405, 'Méthode non permise.');
    // The page's own origin only: another site open in the same browser gets nothing.
    if (!options.origins.includes(request.headers.get('origin') ?? ''))
      return refuse(403, 'Origine refusée.');
    if (!/^application\/json\b/.test(request.headers.get('content-type') ?? ''))
      return refuse(415, 'JSON attendu.');
    const text = await request.text();
    if (text.length > 200_000) return refuse(413, 'Demande trop longue.');
    const parsed = parseJson(text);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
      return refuse(400, 'JSON attendu.');
    const body = parsed.value as Record<string, unknown>;

    if (path === 'session') {
      const typed = typeof body['code'] === 'string' ? body['code'].trim().toUpperCase() : '';
      if (typed.replace(/[\s-]/g, '') !== code.replace('-', '')) {
        wrong += 1;
        if (wrong >= wrongCodesBeforeNew) rotate();
        return refuse(
          403,
          wrong === 0
            ? 'Code erroné, et trop d’essais : un nouveau code est affiché dans le terminal de npm start.'
            : 'Code erroné : recopiez le code à usage unique affiché dans le terminal de npm start.',
        );
      }
      rotate();
      const session = [...random(32)].map((b) => b.toString(16).padStart(2, '0')).join('');
      if (sessions.size >= maxSessions) sessions.delete(sessions.values().next().value!);
      sessions.add(session);
      return json(201, { session });
    }

    const authorization = request.headers.get('authorization') ?? '';
    if (!sessions.has(authorization.replace(/^Bearer /, '')))
      return refuse(
        401,
        'La session de l’espace coordination a pris fin (le serveur a redémarré ?) : ouvrez-le de nouveau avec le code affiché dans le terminal de npm start.',
      );
    if (path === 'lire') return read(body);
    if (path === 'commande') {
      const line = body['line'];
      const cohort = body['cohort'];
      if (
        typeof line !== 'string' ||
        !line.startsWith('/') ||
        /[\r\n]/.test(line) ||
        line.length > 300
      )
        return refuse(400, 'Une commande, sur une ligne, est attendue.');
      if (cohort !== undefined && (typeof cohort !== 'string' || !isCohortId(cohort)))
        return refuse(400, 'Cohorte inconnue.');
      return json(200, await options.run(line, cohort));
    }
    if (path === 'accepter') {
      const cohort = body['cohort'];
      if (typeof cohort !== 'string' || !isCohortId(cohort))
        return refuse(400, 'Cohorte inconnue.');
      return json(200, await options.accept(cohort));
    }
    return refuse(404, 'Adresse inconnue.');
  };

  return async (request: Request, client: { address?: string }): Promise<Response> => {
    try {
      return await handle(request, client);
    } catch (error) {
      // The reason's name only: a message may carry a path or a record's words.
      // The stage, never the values: a path or a command may be in the request.
      const stage = new URL(request.url).pathname.split('/').pop() || 'etat';
      console.error(
        `Coordinators' desk: ${error instanceof Error ? error.name : 'unknown error'} while answering « ${stage} ».`,
      );
      return refuse(
        500,
        'Erreur inattendue du serveur local : regardez le terminal de npm start, puis réessayez.',
      );
    }
  };
}
