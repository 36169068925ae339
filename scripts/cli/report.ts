import { commandStore } from './command-store.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { readSettings } from '../../schemas/read-settings.ts';
import { readFile } from 'node:fs/promises';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { findChromium, renderPdf } from '../commands/render-pdf.ts';
import { runReport } from '../commands/run-report.ts';
import { UsageError } from '../commands/usage-error.ts';
import { isDay } from '../followup/pair-transitions.ts';
import { coordinatorIdentities } from '../privacy/coordinator-identities.ts';
import { reportRulesFrom } from '../reporting/report-settings.ts';
import { asksForHelp, runCli } from './run-cli.ts';

// `npm run report -- --period <période>`: see runReport. On the embedded default the report is
// committed to the local repository (its only reader is at this terminal) and copied to
// <data>/rapports/<période>/ to be opened; on GitHub it follows the settings' delivery.
await runCli(async () => {
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  const store = commandStore();
  if (!asksForHelp()) await store.ready();
  const onGitHub = Boolean(process.env['BINOME_GITHUB_REPOSITORY']);
  const dataDir = process.env['BINOME_DATA_DIR'] ?? 'data';
  const chromium = findChromium(process.env);
  await runReport(process.argv.slice(2), {
    store,
    settings,
    // BINOME_TODAY=AAAA-MM-JJ: the day the report is compiled on, for tests (as for the build).
    now: () => {
      const today = process.env['BINOME_TODAY'];
      if (today === undefined || today === '') return new Date();
      if (!isDay(today))
        throw new UsageError('BINOME_TODAY doit être une date AAAA-MM-JJ, ou être retirée.');
      return new Date(`${today}T12:00:00Z`);
    },
    print: (line) => console.log(frenchTypography(line)),
    identities: (keyFile) => coordinatorIdentities(process.env, keyFile),
    pdf: (html) => (chromium ? renderPdf(html, chromium) : Promise.resolve(undefined)),
    delivery: onGitHub ? reportRulesFrom(settings).delivery : 'commit',
    ...(onGitHub
      ? {}
      : {
          copy: async (period, files) => {
            const root = join(dataDir, 'rapports', period);
            for (const file of files) {
              const name = file.path.split('/').slice(2).join('/');
              const target = join(root, name);
              if (relative(root, target).startsWith('..')) throw new RangeError('Outside.');
              await mkdir(dirname(target), { recursive: true });
              await writeFile(target, file.content);
            }
            return join(root, 'rapport.html');
          },
        }),
  });
});
