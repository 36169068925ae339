import { runErase } from '../commands/run-erase.ts';
import { privacyDependencies } from './privacy-cli.ts';
import { runCli } from './run-cli.ts';

// `npm run erase -- …`: see runErase.
await runCli(async () => runErase(process.argv.slice(2), await privacyDependencies()));
