import { readFileSync } from 'node:fs';
import { appKeyAsPkcs8 } from './app-key.ts';
import type { DataStore } from './data-store.ts';
import {
  gitHubStoreFromEnvironment,
  StoreConfigurationError,
} from './github-store-from-environment.ts';
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
  const keyFile = env['BINOME_GITHUB_APP_PRIVATE_KEY_FILE'];
  return gitHubStoreFromEnvironment(
    keyFile ? { ...env, BINOME_GITHUB_APP_PRIVATE_KEY: appKeyFrom(keyFile) } : env,
    options,
  );
}

/**
 * The GitHub App's key read from a file (`BINOME_GITHUB_APP_PRIVATE_KEY_FILE`, as on a server:
 * a multi-line PEM survives no environment file), in the PKCS#8 form Web Crypto imports, whatever
 * form GitHub gave it in. Throws, naming the variable, never the key.
 */
function appKeyFrom(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new StoreConfigurationError(
      `BINOME_GITHUB_APP_PRIVATE_KEY_FILE names a file that cannot be read (${file}).`,
    );
  }
  const key = appKeyAsPkcs8(pem);
  if (!key)
    throw new StoreConfigurationError(
      `BINOME_GITHUB_APP_PRIVATE_KEY_FILE (${file}) does not hold a private key: give the .pem file GitHub gave for the App.`,
    );
  return key;
}
