import { readFileSync } from 'node:fs';
import { readSettings } from '../schemas/read-settings.ts';
import { folderDelivery } from '../scripts/commands/delivery.ts';
import type { MatchDependencies } from '../scripts/commands/propose-pairs.ts';
import { storeFromEnvironment } from '../scripts/store/store-from-environment.ts';

/**
 * What the matching and the comment commands need in a GitHub Actions job: the data repository
 * the environment names, Binôme's settings, the clock, and the web address of a file on a branch.
 */
/** The files delivered during this run (the comment-command job says whether to upload). */
export const delivered: string[] = [];

export function matchingDependencies(env: Record<string, string | undefined>): MatchDependencies {
  const repository = env['BINOME_GITHUB_REPOSITORY'] ?? '';
  return {
    store: storeFromEnvironment(env),
    settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
    now: () => new Date(),
    fileUrl: (branch, path) => `https://github.com/${repository}/blob/${branch}/${path}`,
    ...(env['BINOME_DELIVERY_DIR']
      ? {
          deliver: folderDelivery(env['BINOME_DELIVERY_DIR'], (paths) => {
            // The job's next step uploads the folder when this output says so.
            delivered.push(...paths);
            return `dans l’artefact « documents » de cette exécution (onglet Actions${
              env['BINOME_RUN_URL'] ? ` : ${env['BINOME_RUN_URL']}` : ''
            }), gardé trois jours`;
          }),
        }
      : {}),
  };
}
