import { createOctokit, type GitHubCredentials } from './create-octokit.ts';
import { GitHubStore } from './github-store.ts';

/** The environment does not describe a usable data repository; the message names the variable. */
export class StoreConfigurationError extends Error {
  override name = 'StoreConfigurationError';
}

/** The variables that describe the data repository on GitHub (values are secrets: never logged). */
export type GitHubEnvironment = Partial<
  Record<
    | 'BINOME_GITHUB_REPOSITORY'
    | 'BINOME_GITHUB_APP_ID'
    | 'BINOME_GITHUB_APP_PRIVATE_KEY'
    | 'BINOME_GITHUB_INSTALLATION_ID'
    | 'BINOME_GITHUB_TOKEN'
    | 'BINOME_GITHUB_API_URL',
    string
  >
>;

/**
 * The data repository on GitHub that `BINOME_GITHUB_REPOSITORY=owner/repo` names, with either a
 * GitHub App (`BINOME_GITHUB_APP_ID`, `BINOME_GITHUB_APP_PRIVATE_KEY`,
 * `BINOME_GITHUB_INSTALLATION_ID`; preferred: least privilege) or a fine-grained token
 * (`BINOME_GITHUB_TOKEN`). Nothing here is Node's: a Worker builds its store with it too.
 */
export function gitHubStoreFromEnvironment(
  env: GitHubEnvironment,
  options: { fetch?: typeof fetch; baseUrl?: string } = {},
): GitHubStore {
  const repository = env.BINOME_GITHUB_REPOSITORY ?? '';
  const [owner, repo, extra] = repository.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new StoreConfigurationError(
      `BINOME_GITHUB_REPOSITORY must read owner/repository, not "${repository}".`,
    );
  }
  const appId = env.BINOME_GITHUB_APP_ID;
  const token = env.BINOME_GITHUB_TOKEN;
  let credentials: GitHubCredentials;
  if (appId) {
    const privateKey = env.BINOME_GITHUB_APP_PRIVATE_KEY?.replace(/\\n/g, '\n');
    const installationId = Number(env.BINOME_GITHUB_INSTALLATION_ID);
    if (!privateKey || !Number.isInteger(installationId)) {
      throw new StoreConfigurationError(
        'With BINOME_GITHUB_APP_ID, set BINOME_GITHUB_APP_PRIVATE_KEY (PEM) and BINOME_GITHUB_INSTALLATION_ID (a number) too.',
      );
    }
    // Web Crypto, which signs the App's tokens on every host, imports PKCS#8 only; GitHub hands
    // out PKCS#1. Said at the start, not at the first applicant.
    if (!privateKey.includes('-----BEGIN PRIVATE KEY-----')) {
      throw new StoreConfigurationError(
        'BINOME_GITHUB_APP_PRIVATE_KEY must be a PKCS#8 PEM key ("BEGIN PRIVATE KEY"). Convert the key GitHub gave once: openssl pkcs8 -topk8 -nocrypt -in app.pem -out app.pkcs8.pem',
      );
    }
    credentials = { kind: 'app', appId, privateKey, installationId };
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
    baseUrl: options.baseUrl ?? env.BINOME_GITHUB_API_URL ?? 'https://api.github.com',
  });
  return new GitHubStore(octokit, { owner, repo });
}
