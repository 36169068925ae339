import { runReveal } from '../commands/run-reveal.ts';
import { privacyDependencies } from './privacy-cli.ts';
import { runCli } from './run-cli.ts';

// `npm run reveal -- …`: see runReveal.
await runCli(async () => runReveal(process.argv.slice(2), await privacyDependencies()));
