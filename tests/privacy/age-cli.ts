import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The reference `age` tool (Debian's `age` package, which `.ci/run` installs) run on `input`:
 * its exit code and output. The input goes in a file named last on the command line, not on
 * standard input, which age may close unread when it refuses its arguments. Missing, the tool
 * fails the test with what to install, never a skip: the interoperability the issue asks for is
 * proved only by the real tool.
 */
export function ageCli(
  command: 'age' | 'age-keygen',
  args: readonly string[],
  input?: string,
): { code: number; stdout: string; stderr: string } {
  const inputFile = input === undefined ? [] : [keyFile('input', input)];
  const result = spawnSync(command, [...args, ...inputFile], { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(
      `The reference ${command} tool is not installed: install Debian's « age » package (apt-get install age), as .ci/run does.`,
    );
  if (result.error) throw result.error;
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** `age -d -i <file>` on `armoured`; its plain text, or the test fails with age's own message. */
export function ageDecrypt(identityFile: string, armoured: string): string {
  const { code, stdout, stderr } = ageCli('age', ['-d', '-i', identityFile], armoured);
  if (code !== 0) throw new Error(`age -d failed: ${stderr.trim()}`);
  return stdout;
}

/** A file holding `text` in a fresh private folder, for `age -i`, `--key` and age's input. */
export function keyFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'binome-keys-test-')), name);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** An identity in the format `age-keygen` writes, comments included. */
export const keyFileText = (key: { identity: string; recipient: string }) =>
  `# created: 2026-11-23T10:00:00Z\n# public key: ${key.recipient}\n${key.identity}\n`;
