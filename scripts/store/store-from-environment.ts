import type { DataStore } from './data-store.ts';
import { gitHubStoreFromEnvironment } from './github-store-from-environment.ts';
import { LocalGitStore } from './local-git-store.ts';

export { StoreConfigurationError } from './github-store-from-environment.ts';

/**
 * The data repository the environment names: on GitHub when `BINOME_GITHUB_REPOSITORY` is set
 * (gitHubStoreFromEnvironment says with which credentials); otherwise the embedded default, a
 * local Git repository in `BINOME_DATA_DIR` (default ./data).
 */
export function storeFromEnvironment(
  env: Record<string, string | undefined>,
  options: { fetch?: typeof fetch; baseUrl?: string } = {},
): DataStore {
  if (!env['BINOME_GITHUB_REPOSITORY']) return new LocalGitStore(env['BINOME_DATA_DIR'] ?? 'data');
  return gitHubStoreFromEnvironment(env, options);
}
