import { frenchTypography } from '../../schemas/french-typography.ts';
import { commandStore } from './command-store.ts';
import { readFile } from 'node:fs/promises';
import { readSettings } from '../../schemas/read-settings.ts';
import { runMatch } from '../commands/run-match.ts';
import { asksForHelp, runCli } from './run-cli.ts';

// `npm run match -- …`: see runMatch. The data repository is the one the environment names.
await runCli(async () => {
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  const store = commandStore();
  if (!asksForHelp()) await store.ready();
  const { failed } = await runMatch(process.argv.slice(2), {
    store,
    settings,
    now: () => new Date(),
    print: (line) => console.log(line),
    // On stderr, so that the proposal printed on stdout can still be piped.
    progress: (line) => console.error(frenchTypography(line)),
    fileUrl: (_branch, path) => path,
  });
  // A refused command was answered in French above; the exit code tells scripts too.
  if (failed) process.exitCode = 2;
});
