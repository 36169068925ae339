import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { inputFromEvent } from '../input-from-event.ts';
import { run } from './run.ts';

await run({
  store: storeFromEnvironment(process.env),
  core,
  settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
  now: () => new Date(),
  id: inputFromEvent(readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '/dev/null', 'utf8'), 'id'),
});
