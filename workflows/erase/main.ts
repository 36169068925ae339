import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { run } from './run.ts';

/** The id typed in the Actions tab, from the event's file: never through the logged environment. */
function idFromEvent(path: string | undefined): string {
  try {
    const event = JSON.parse(readFileSync(path ?? '', 'utf8')) as { inputs?: { id?: unknown } };
    return typeof event.inputs?.id === 'string' ? event.inputs.id : '';
  } catch {
    return '';
  }
}

await run({
  store: storeFromEnvironment(process.env),
  core,
  settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
  now: () => new Date(),
  id: idFromEvent(process.env['GITHUB_EVENT_PATH']),
});
