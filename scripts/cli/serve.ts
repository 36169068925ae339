import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readSettings } from '../../schemas/read-settings.ts';
import { serveLocalApp } from '../http/create-local-app.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';
import { runCli } from './run-cli.ts';

// `npm start`: the built site and the intake on one local port, storing applications in the
// data repository the environment names (the embedded default: a local Git repository, ./data
// unless told otherwise).
await runCli(async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env['PORT'] ?? '4321' },
      host: { type: 'string', default: process.env['HOST'] ?? '127.0.0.1' },
      root: { type: 'string', default: 'dist' },
      data: { type: 'string', default: process.env['BINOME_DATA_DIR'] ?? 'data' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid --port "${values.port}": give a number from 0 to 65535.`);
    process.exitCode = 2;
    return;
  }
  const store = storeFromEnvironment({ ...process.env, BINOME_DATA_DIR: values.data });
  const { location } = await store.ready();
  const { url } = await serveLocalApp({
    root: values.root,
    store,
    settings: readSettings(await readFile('content/programme.yaml', 'utf8')),
    port,
    host: values.host,
    ...(process.env['BINOME_INTAKE_SECRET'] ? { secret: process.env['BINOME_INTAKE_SECRET'] } : {}),
  });
  console.log(`Binôme is running at ${url} (Ctrl+C to stop).`);
  console.log(`Applications are committed to the data repository ${location}.`);
});
