import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { delivered, matchingDependencies } from '../matching-dependencies.ts';
import { commentFromEvent } from './comment-from-event.ts';
import { run } from './run.ts';

await run({
  ...matchingDependencies(process.env),
  core,
  comment: commentFromEvent(readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '', 'utf8')),
});
core.setOutput('delivered', delivered.length > 0 ? 'true' : 'false');
