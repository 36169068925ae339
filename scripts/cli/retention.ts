import { dateIn } from '../../schemas/rules-context.ts';
import { runRetention } from '../commands/run-retention.ts';
import { privacyDependencies } from './privacy-cli.ts';
import { runCli } from './run-cli.ts';

// `npm run retention -- …`: see runRetention. « Today » is the programme's (its time zone).
await runCli(async () => {
  const deps = await privacyDependencies();
  await runRetention(process.argv.slice(2), {
    ...deps,
    today: dateIn(deps.settings.structure.timeZone, deps.now()),
  });
});
