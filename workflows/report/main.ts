import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { findChromium, renderPdf } from '../../scripts/commands/render-pdf.ts';
import { coordinatorIdentities } from '../../scripts/privacy/coordinator-identities.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { inputFromEvent } from '../input-from-event.ts';
import { run } from './run.ts';

const chromium = findChromium(process.env);
await run({
  store: storeFromEnvironment(process.env),
  core,
  settings: readSettings(readFileSync('content/programme.yaml', 'utf8')),
  now: () => new Date(),
  // Read from the event's own file, never from the step's environment, which the log prints.
  periods: inputFromEvent(
    readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '/dev/null', 'utf8'),
    'periode',
  ),
  identities: () => coordinatorIdentities(process.env),
  pdf: (html) => (chromium ? renderPdf(html, chromium) : Promise.resolve(undefined)),
});
