import { commandStore } from './command-store.ts';
import { readFile } from 'node:fs/promises';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { runFollowUp } from '../commands/run-followup.ts';
import { asksForHelp, runCli } from './run-cli.ts';

// `npm run followup [-- --date AAAA-MM-JJ]`: see runFollowUp. Reads the data repository only.
await runCli(async () => {
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  const store = commandStore();
  if (!asksForHelp()) await store.ready();
  await runFollowUp(process.argv.slice(2), {
    store,
    settings,
    now: () => new Date(),
    print: (line) => console.log(frenchTypography(line)),
  });
});
