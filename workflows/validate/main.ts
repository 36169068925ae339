import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { run } from './run.ts';

const pull = Number(process.env['BINOME_PULL_REQUEST'] ?? '');
await run({
  store: storeFromEnvironment(process.env),
  core,
  settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
  ...(Number.isInteger(pull) && pull > 0
    ? { pullRequest: { number: pull, branch: process.env['BINOME_BRANCH'] ?? '' } }
    : {}),
});
