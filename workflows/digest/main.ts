import * as core from '@actions/core';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { run } from './run.ts';

const repository = process.env['BINOME_GITHUB_REPOSITORY'] ?? '';
await run({
  store: storeFromEnvironment(process.env),
  core,
  fileUrl: (path) => `https://github.com/${repository}/blob/main/${path}`,
});
