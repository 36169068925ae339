import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readSettings } from '../../schemas/read-settings.ts';
import { createLocalApp } from '../http/create-local-app.ts';
import { listen } from '../http/listen.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';

// `npm start`: the built site and the intake on one local port, storing applications in the
// embedded default data repository (a local Git repository, ./data unless told otherwise).
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
  process.exit(2);
}

const store = storeFromEnvironment({ ...process.env, BINOME_DATA_DIR: values.data });
if (store instanceof LocalGitStore) await store.ready();
const app = await createLocalApp({
  root: values.root,
  store,
  settings: readSettings(await readFile('content/programme.yaml', 'utf8')),
  ...(process.env['BINOME_INTAKE_SECRET'] ? { secret: process.env['BINOME_INTAKE_SECRET'] } : {}),
});
const { url } = await listen(app, port, values.host);
console.log(`Binôme is running at ${url} (Ctrl+C to stop).`);
console.log(
  store instanceof LocalGitStore
    ? `Applications are committed to the Git repository in ${store.directory}.`
    : `Applications are committed to the GitHub repository ${process.env['BINOME_GITHUB_REPOSITORY']}.`,
);
