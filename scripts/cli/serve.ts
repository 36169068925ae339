import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { listen } from '../http/listen.ts';
import { serveStatic } from '../http/serve-static.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PORT'] ?? '4321' },
    host: { type: 'string', default: process.env['HOST'] ?? '127.0.0.1' },
    root: { type: 'string', default: 'dist' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port "${values.port}": give a number from 0 to 65535.`);
  process.exit(2);
}
const { url } = await listen(serveStatic(resolve(values.root)), port, values.host);
console.log(`Binôme is running at ${url} (Ctrl+C to stop).`);
