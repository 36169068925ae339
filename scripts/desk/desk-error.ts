import { statusOf } from '../store/github-errors.ts';

/** A problem the desk tells the coordinator about, in French; it never quotes a value. */
export class DeskError extends Error {
  override name = 'DeskError';
}

function header(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | undefined)
    ?.response?.headers;
  const value = headers?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function gitHubMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } } | undefined)?.response
    ?.data;
  return typeof data?.message === 'string' ? data.message : '';
}

/** « 14 h 05 », in the programme's time zone. */
function hour(epochSeconds: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).formatToParts(new Date(epochSeconds * 1000));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}\u00a0h\u00a0${get('minute')}`;
}

/**
 * What went wrong with GitHub, for the coordinator in front of the desk: an expired or mistyped
 * token, a token without the rights the desk needs, GitHub's rate limit (and when it lifts), a
 * repository it cannot see, or no answer at all. Never GitHub's own message, which may quote what
 * was sent.
 */
export function gitHubProblem(error: unknown, repository: string, timeZone: string): DeskError {
  if (error instanceof DeskError) return error;
  // A fetch that never got an answer (offline, blocked) carries no response of GitHub's.
  if (!(error as { response?: unknown } | undefined)?.response)
    return new DeskError(
      'GitHub n’a pas répondu : vérifiez la connexion à Internet, puis réessayez.',
    );
  const status = statusOf(error);
  if (status === 401)
    return new DeskError(
      'GitHub refuse ce jeton : il a expiré, a été révoqué, ou n’a pas été copié en entier. Créez-en un nouveau (GitHub, Settings, Developer settings, Fine-grained tokens), limité au dépôt de données, puis ouvrez de nouveau l’espace.',
    );
  const remaining = header(error, 'x-ratelimit-remaining');
  if (
    (status === 403 || status === 429) &&
    (remaining === '0' || /rate limit/i.test(gitHubMessage(error)))
  ) {
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const retryAfter = Number(header(error, 'retry-after'));
    const when =
      reset > 0
        ? ` jusqu’à ${hour(reset, timeZone)}`
        : retryAfter > 0
          ? ` pour ${Math.ceil(retryAfter / 60)} minute${retryAfter > 60 ? 's' : ''}`
          : ' pour quelques minutes';
    return new DeskError(
      `GitHub limite le nombre de requêtes, et la limite de ce jeton est atteinte${when}. Réessayez ensuite : rien n’a été perdu.`,
    );
  }
  if (status === 403)
    return new DeskError(
      `Ce jeton n’a pas les droits qu’il faut sur le dépôt ${repository} : « Contents » en lecture, « Issues » et « Pull requests » en lecture et écriture. Créez-en un avec ces droits, limité à ce dépôt.`,
    );
  if (status === 404)
    return new DeskError(
      `Le dépôt ${repository} est introuvable avec ce jeton : vérifiez son nom (propriétaire/nom) et que le jeton a accès à ce dépôt.`,
    );
  return new DeskError(
    `GitHub a répondu par une erreur (statut ${status}) : réessayez dans quelques minutes.`,
  );
}
