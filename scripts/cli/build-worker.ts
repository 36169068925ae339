import { parseArgs } from 'node:util';
import { UsageError } from '../commands/usage-error.ts';
import { buildWorker } from '../dev/build-worker.ts';
import { programmeSettings } from './programme-settings.ts';
import { runCli } from './run-cli.ts';

const help = `npm run build:worker [-- --out <dossier>] [-- --name <nom>]

Construit le module Cloudflare Worker de la réception des formulaires (dist-worker/worker.js),
avec le site construit comme fichiers statiques (dist-worker/site/) et la configuration de
wrangler qui déploie les deux (dist-worker/wrangler.json). Les réglages viennent de
content/programme.yaml (ou du fichier BINOME_SETTINGS_FILE). Pour déployer : npm run deploy:worker.`;

// `npm run build:worker`: see scripts/dev/build-worker.ts.
await runCli(async () => {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        out: { type: 'string', default: 'dist-worker' },
        name: { type: 'string', default: 'binome-intake' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch {
    throw new UsageError(`Arguments non reconnus.\n\n${help}`);
  }
  if (values.help) {
    console.log(help);
    return;
  }
  const { settings } = await programmeSettings();
  const built = await buildWorker({ settings, outDir: values.out, name: values.name });
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} Kio`;
  console.log(
    `Worker construit : ${built.script} (${kib(built.bytes)}, ${kib(built.gzipBytes)} compressé).`,
  );
});
