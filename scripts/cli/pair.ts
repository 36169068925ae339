import { commandStore } from './command-store.ts';
import { readFile } from 'node:fs/promises';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { folderDelivery } from '../commands/delivery.ts';
import { runPair } from '../commands/run-pair.ts';
import { asksForHelp, runCli } from './run-cli.ts';

// `npm run pair -- <pairId> signee|pause|reprise|cloture …`: see runPair.
await runCli(async () => {
  const store = commandStore();
  if (!asksForHelp()) await store.ready();
  await runPair(process.argv.slice(2), {
    store,
    settings: readSettings(await readFile('content/programme.yaml', 'utf8')),
    now: () => new Date(),
    print: (line) => console.log(frenchTypography(line)),
    // Beside the local repository, never committed: the sheets hold the participants' codes.
    deliver: folderDelivery(process.env['BINOME_DATA_DIR'] ?? 'data', (paths) =>
      paths.length === 1 ? `dans ${paths[0]}` : `dans ${paths.join(' et ')}`,
    ),
    showCodes: true,
  });
});
