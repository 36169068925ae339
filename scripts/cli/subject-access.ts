import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { accessNotice } from '../commands/access-notice.ts';
import { runSubjectAccess } from '../commands/run-subject-access.ts';
import { privacyDependencies } from './privacy-cli.ts';
import { runCli } from './run-cli.ts';

// `npm run subject-access -- …`: see runSubjectAccess. The files are readable by their owner only.
await runCli(async () => {
  const deps = await privacyDependencies();
  await runSubjectAccess(process.argv.slice(2), {
    ...deps,
    notice: accessNotice(deps.settings),
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // Written afresh, readable by its owner only, even over an older answer.
      await rm(path, { force: true });
      await writeFile(path, text, { mode: 0o600, flag: 'wx' });
    },
    defaultOut: join(homedir(), 'binome-acces'),
  });
});
