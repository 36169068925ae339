import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { readConventionAssets } from '../../scripts/commands/convention-assets.ts';
import { conventionFolder } from '../../scripts/commands/convention-folder.ts';
import { coordinatorIdentities } from '../../scripts/privacy/coordinator-identities.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { inputFromEvent } from '../input-from-event.ts';
import { run } from './run.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
await run({
  store: storeFromEnvironment(process.env),
  core,
  settings,
  assets: () => readConventionAssets(settings),
  identities: () => coordinatorIdentities(process.env),
  folder: conventionFolder(process.env['BINOME_CONVENTIONS_DIR'] ?? 'conventions'),
  now: () => new Date(),
  event: {
    mergedBranch: process.env['BINOME_MERGED_BRANCH'] ?? '',
    pairs: inputFromEvent(
      readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '/dev/null', 'utf8'),
      'binomes',
    ),
  },
});
