// Runs before `npm start` and `npm test` on whatever Node the machine has (even Node 20),
// so it must stay plain JavaScript. It installs the locked dependencies when they are
// missing or stale; those include Node 24 itself (the node-<platform> packages), whose
// `node_modules/.bin/node` then runs every npm script that follows.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const REQUIRED = [24, 12];

const atLeast = (version) => {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1]);
};
// Node 24 comes from the npm registry only where a `node-<platform>-<arch>` package exists
// (Linux x64 and arm64: there is none for macOS). Elsewhere say so first, before installing.
const packaged = Object.keys(
  JSON.parse(readFileSync('package.json', 'utf8')).optionalDependencies ?? {},
).includes(`node-${process.platform}-${process.arch}`);
if (!packaged && !atLeast(process.version)) {
  console.error(
    `Binôme needs Node ${REQUIRED.join('.')} or newer, and the npm registry has no Node 24 ` +
      `package for ${process.platform}-${process.arch} (on macOS, none exists). The system Node ` +
      `is ${process.version}: install Node 24 LTS (nodejs.org, or your package manager), then ` +
      `run the command again. Nothing was installed.`,
  );
  process.exit(1);
}
const stamp = 'node_modules/.binome-lock-sha256';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';

if (installed !== lockHash) {
  console.log('Installing the locked dependencies (npm ci), Node 24 included…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm ci failed: see the messages above. Nothing was started.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, lockHash + '\n');
}

const candidates = ['node_modules/.bin/node', process.execPath];
const usable = candidates.find((bin) => {
  if (!existsSync(bin)) return false;
  return atLeast(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim());
});
if (!usable) {
  console.error(
    `Binôme needs Node ${REQUIRED.join('.')} or newer. No Node 24 package exists for ` +
      `${process.platform}-${process.arch} in this project's optional dependencies, and the ` +
      `system Node is ${process.version}. Install Node 24 LTS, then run the command again.`,
  );
  process.exit(1);
}
