import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every command a person runs (an npm script that runs `node scripts/….ts`) answers `--help` with
// plain French: what it does, exit 0, and nothing else: no data repository created, no browser
// started, no file written. The scripts are read from package.json, so a command added later is
// checked without touching this file.

/** npm scripts that are not commands of Binôme, each with why it is left out. */
const notCommands: Record<string, string> = {
  prestart: 'installs the locked dependencies before `npm start`: a step, not a command',
  pretest: 'installs the locked dependencies before `npm test`: a step, not a command',
  test: 'runs every test, this one included',
  check: 'Prettier, ESLint, tsc and astro check: their own tools',
  format: 'Prettier’s own command',
  dev: 'Astro’s development server (`astro dev`), after two build steps',
  build:
    'the site’s build writes the shared dist/; `npm run build -- --production` is documented in the README',
  fuzz: 'a Vitest run of the intake’s fuzzing test',
};

/**
 * Commands whose `--help` still creates the data repository before printing the usage: their
 * entry point (scripts/cli/) opens the store before the command reads its arguments. Their
 * owner fixes them; each is then expected to leave the data folder empty, and its entry here
 * must go (the test says so).
 */
const createsDataBeforeHelp = new Set<string>([]);

/**
 * Commands whose usage lists the syntax without a sentence saying what the command does (its
 * text is in scripts/commands/). Same rule: once fixed, the entry must go.
 */
const saysTooLittle = new Set<string>([]);

const scripts = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts;

/** Every `node scripts/….ts` of a script, a chain's included (`npm run build && node …`). */
const entryPoints = (command: string): string[] =>
  [...command.matchAll(/(?:^|&&|;)\s*(?:[A-Z_]+=\S*\s+)*node\s+(scripts\/\S+\.ts)\b/g)].map(
    (m) => m[1]!,
  );

/** Each entry point, with the npm scripts that run it. */
const commands = new Map<string, string[]>();
for (const [name, command] of Object.entries(scripts)) {
  if (name in notCommands) continue;
  for (const file of entryPoints(command))
    commands.set(file, [...(commands.get(file) ?? []), name]);
}

/** Six words or more in a row: a sentence, not only a syntax. */
const sentence = /\p{L}{2,}(?:[ \u00a0’'-]+\p{L}+){5,}/u;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the command left in the folders it was given: its data folder, home and temp. */
  leftovers: string[];
}

const scratch = mkdtempSync(join(tmpdir(), 'binome-help-'));
const runs = new Map<string, Run>();

function runHelp(file: string, index: number): Promise<Run> {
  const root = join(scratch, String(index));
  const folders = { data: join(root, 'data'), home: join(root, 'home'), tmp: join(root, 'tmp') };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BINOME_DATA_DIR: folders.data,
    HOME: folders.home,
    TMPDIR: folders.tmp,
    NO_COLOR: '1',
  };
  // Never GitHub: a --help must not need it, and a test must not reach it.
  for (const name of Object.keys(env)) if (name.startsWith('BINOME_GITHUB_')) delete env[name];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, '--help'],
      { env, timeout: 60_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const leftovers = Object.entries(folders).flatMap(([label, folder]) =>
          readdirSync(folder).map((entry) => `${label}/${entry}`),
        );
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
          leftovers,
        });
      },
    );
  });
}

beforeAll(async () => {
  // All at once: each is a Node process that prints a few lines, or should.
  const files = [...commands.keys()];
  const results = await Promise.all(files.map((file, i) => runHelp(file, i)));
  files.forEach((file, i) => runs.set(file, results[i]!));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--help of every command', () => {
  it('finds the commands in package.json, and every script is either one or left out for a reason', () => {
    expect(commands.size).toBeGreaterThanOrEqual(20);
    for (const name of ['start', 'setup-data-repo', 'match', 'bench:report', 'screenshots'])
      expect([...commands.values()].flat(), name).toContain(name);
    // npm's own hooks (`predemo` before `demo`) are steps of their command, not commands.
    const isHook = (name: string) => {
      const base = /^(?:pre|post)(.+)$/.exec(name)?.[1];
      return base !== undefined && base in scripts;
    };
    for (const [name, command] of Object.entries(scripts))
      expect(
        name in notCommands || isHook(name) || entryPoints(command).length > 0,
        `npm run ${name} runs no node scripts/….ts: give it a --help, or say in notCommands why not`,
      ).toBe(true);
    for (const name of Object.keys(notCommands))
      expect(Object.keys(scripts), `notCommands names ${name}, which is gone`).toContain(name);
  });

  it.each([...commands].map(([file, names]) => ({ file, names: names.join(', ') })))(
    'node $file --help ($names) says what it does, exits 0 and writes nothing',
    ({ file }) => {
      const run = runs.get(file)!;
      const output = `${run.stdout}${run.stderr}`;
      const context = `${file}:\n${output}`;
      expect(run.code, context).toBe(0);
      // A stack trace, or the short French message that stands for our bug.
      expect(output, context).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(output, context).not.toMatch(
        /\b(?:TypeError|ReferenceError|SyntaxError|ERR_[A-Z_]+)\b/,
      );
      expect(output, context).not.toContain('La commande a échoué');
      // The usage comes first: « Utilisation » or the command itself.
      const names = commands.get(file)!;
      const starts = ['Utilisation', `node ${file}`, ...names.map((n) => `npm run ${n}`)];
      if (names.includes('start')) starts.push('npm start');
      expect(
        starts.some((start) => output.trimStart().startsWith(start)),
        context,
      ).toBe(true);
      // And says what the command does: at least a sentence of French words, not only options.
      if (!saysTooLittle.has(file)) expect(output, context).toMatch(sentence);
      if (createsDataBeforeHelp.has(file))
        expect(
          run.leftovers.filter((entry) => !entry.startsWith('data/')),
          context,
        ).toEqual([]);
      else expect(run.leftovers, context).toEqual([]);
    },
  );

  it('keeps its lists of commands still waiting for a fix true', () => {
    for (const file of createsDataBeforeHelp) {
      const run = runs.get(file);
      expect(
        run,
        `${file} is no longer a command: remove it from createsDataBeforeHelp`,
      ).toBeDefined();
      expect(
        run!.leftovers.some((entry) => entry.startsWith('data/')),
        `${file} --help no longer creates the data repository: remove it from createsDataBeforeHelp`,
      ).toBe(true);
    }
    for (const file of saysTooLittle)
      expect(
        runs.get(file)?.stdout ?? '',
        `${file} --help now says what it does: remove it from saysTooLittle`,
      ).not.toMatch(sentence);
  });
});
