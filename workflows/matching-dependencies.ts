import { readFileSync } from 'node:fs';
import { readSettings } from '../schemas/read-settings.ts';
import type { MatchDependencies } from '../scripts/commands/propose-pairs.ts';
import { storeFromEnvironment } from '../scripts/store/store-from-environment.ts';

/**
 * What the matching and the comment commands need in a GitHub Actions job: the data repository
 * the environment names, Binôme's settings, the clock, and the web address of a file on a branch.
 */
export function matchingDependencies(env: Record<string, string | undefined>): MatchDependencies {
  const repository = env['BINOME_GITHUB_REPOSITORY'] ?? '';
  return {
    store: storeFromEnvironment(env),
    settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
    now: () => new Date(),
    fileUrl: (branch, path) => `https://github.com/${repository}/blob/${branch}/${path}`,
  };
}
