import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A command-line entry point (`scripts/cli/<name>.ts`) as a coordinator runs it, on the data
 * repository in `directory`: its exit code and what it printed.
 */
export function runCommand(
  name: string,
  directory: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [`scripts/cli/${name}.ts`, ...args], {
    env: { ...process.env, BINOME_DATA_DIR: directory, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}
