import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { run } from './run.ts';

const env = process.env;
const repository = env['BINOME_GITHUB_REPOSITORY'] ?? '';
await run({
  store: storeFromEnvironment(env),
  core,
  settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
  now: () => new Date(),
  fileUrl: (branch, path) => `https://github.com/${repository}/blob/${branch}/${path}`,
  comment: {
    body: env['BINOME_COMMENT_BODY'] ?? '',
    author: env['BINOME_COMMENT_AUTHOR'] ?? '',
    authorType: env['BINOME_COMMENT_AUTHOR_TYPE'] ?? '',
    number: Number(env['BINOME_ISSUE_NUMBER'] ?? ''),
    isPullRequest: env['BINOME_IS_PULL_REQUEST'] === 'true',
    labels: (env['BINOME_ISSUE_LABELS'] ?? '').split(',').filter(Boolean),
  },
});
