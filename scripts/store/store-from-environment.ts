import { createOctokit } from './create-octokit.ts';
import type { DataStore } from './data-store.ts';
import { GitHubStore } from './github-store.ts';
import { LocalGitStore } from './local-git-store.ts';

/** The environment does not describe a usable data repository; the message names the variable. */
export class StoreConfigurationError extends Error {
  override name = 'StoreConfigurationError';
}

/**
 * The data repository the environment names:
 * - `BINOME_GITHUB_REPOSITORY=owner/repo` with either a GitHub App (`BINOME_GITHUB_APP_ID`,
 *   `BINOME_GITHUB_APP_PRIVATE_KEY`, `BINOME_GITHUB_INSTALLATION_ID`, preferred: least privilege)
 *   or a fine-grained token (`BINOME_GITHUB_TOKEN`): GitHub;
 * - otherwise the embedded default, a local Git repository in `BINOME_DATA_DIR` (default ./data).
 */
export function storeFromEnvironment(
  env: Record<string, string | undefined>,
  options: { fetch?: typeof fetch; baseUrl?: string } = {},
): DataStore {
  const repository = env['BINOME_GITHUB_REPOSITORY'];
  if (!repository) return new LocalGitStore(env['BINOME_DATA_DIR'] ?? 'data');
  const [owner, repo, extra] = repository.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new StoreConfigurationError(
      `BINOME_GITHUB_REPOSITORY must read owner/repository, not "${repository}".`,
    );
  }
  const appId = env['BINOME_GITHUB_APP_ID'];
  const token = env['BINOME_GITHUB_TOKEN'];
  let credentials: Parameters<typeof createOctokit>[0]['credentials'];
  if (appId) {
    const privateKey = env['BINOME_GITHUB_APP_PRIVATE_KEY'];
    const installationId = Number(env['BINOME_GITHUB_INSTALLATION_ID']);
    if (!privateKey || !Number.isInteger(installationId)) {
      throw new StoreConfigurationError(
        'With BINOME_GITHUB_APP_ID, set BINOME_GITHUB_APP_PRIVATE_KEY (PEM) and BINOME_GITHUB_INSTALLATION_ID (a number) too.',
      );
    }
    credentials = {
      kind: 'app',
      appId,
      privateKey: privateKey.replace(/\\n/g, '\n'),
      installationId,
    };
  } else if (token) {
    credentials = { kind: 'token', token };
  } else {
    throw new StoreConfigurationError(
      'BINOME_GITHUB_REPOSITORY is set: set BINOME_GITHUB_APP_ID (preferred) or BINOME_GITHUB_TOKEN too.',
    );
  }
  const octokit = createOctokit({
    credentials,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    baseUrl: options.baseUrl ?? env['BINOME_GITHUB_API_URL'] ?? 'https://api.github.com',
  });
  return new GitHubStore(octokit, { owner, repo });
}
