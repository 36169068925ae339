import { readFile } from 'node:fs/promises';
import { readSettings } from '../../schemas/read-settings.ts';
import { runMatch } from '../commands/run-match.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';
import { runCli } from './run-cli.ts';

// `npm run match -- …`: see runMatch. The data repository is the one the environment names.
await runCli(async () => {
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  const store = storeFromEnvironment(process.env);
  await store.ready();
  const { failed } = await runMatch(process.argv.slice(2), {
    store,
    settings,
    now: () => new Date(),
    print: (line) => console.log(line),
    fileUrl: (_branch, path) => path,
  });
  // A refused command was answered in French above; the exit code tells scripts too.
  if (failed) process.exitCode = 2;
});
