import { readFile } from 'node:fs/promises';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { runPair } from '../commands/run-pair.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';
import { runCli } from './run-cli.ts';

// `npm run pair -- <pairId> signee|pause|reprise|cloture …`: see runPair.
await runCli(async () => {
  const store = storeFromEnvironment(process.env);
  await store.ready();
  await runPair(process.argv.slice(2), {
    store,
    settings: readSettings(await readFile('content/programme.yaml', 'utf8')),
    now: () => new Date(),
    print: (line) => console.log(frenchTypography(line)),
  });
});
