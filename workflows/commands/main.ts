import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { commentFromEvent } from './comment-from-event.ts';
import { run } from './run.ts';

const env = process.env;
const repository = env['BINOME_GITHUB_REPOSITORY'] ?? '';
await run({
  store: storeFromEnvironment(env),
  core,
  settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
  now: () => new Date(),
  fileUrl: (branch, path) => `https://github.com/${repository}/blob/${branch}/${path}`,
  comment: commentFromEvent(readFileSync(env['GITHUB_EVENT_PATH'] ?? '', 'utf8')),
});
