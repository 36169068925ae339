import * as core from '@actions/core';
import { matchingDependencies } from '../matching-dependencies.ts';
import { run } from './run.ts';

const env = process.env;
await run({
  ...matchingDependencies(env),
  core,
  event: {
    cohort: env['BINOME_COHORT'] ?? '',
    mode: env['BINOME_MODE'] ?? '',
    mergedBranch: env['BINOME_MERGED_BRANCH'] ?? '',
  },
});
