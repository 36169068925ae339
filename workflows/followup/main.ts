import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { run } from './run.ts';

const repository = process.env['BINOME_GITHUB_REPOSITORY'] ?? '';
await run({
  store: storeFromEnvironment(process.env),
  core,
  settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
  now: () => new Date(),
  fileUrl: (path) => `https://github.com/${repository}/blob/main/${path}`,
});
