import { commandStore } from './command-store.ts';
import { runScreen } from '../commands/run-screen.ts';
import { asksForHelp, runCli } from './run-cli.ts';

// `npm run screen -- …`: see runScreen. The data repository is the one the environment names,
// like every other command (BINOME_GITHUB_REPOSITORY, or the local BINOME_DATA_DIR / ./data).
await runCli(async () => {
  const store = commandStore();
  if (!asksForHelp()) await store.ready();
  await runScreen(process.argv.slice(2), {
    store,
    now: () => new Date(),
    print: (line) => console.log(line),
  });
});
