import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run simulate:national` end to end, at a small size: a country of 20 structures and 3,000
// mentorés, run in worker processes, aggregated, printed.

interface Outcome {
  code: number | null;
  pid: number;
  stdout: string;
  stderr: string;
}

function simulate(...args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/cli/simulate-national.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, pid: child.pid!, stdout, stderr }));
  });
}

const small = ['--programmes', '20', '--total', '3000', '--seed', '5'];
const tableOf = (stdout: string) => stdout.slice(stdout.indexOf('Tableau national'));
const number = (text: string) => Number(text.replace(/[\s\u202f\u00a0]/g, ''));

describe('npm run simulate:national', () => {
  const first = simulate(...small, '--jobs', '2');
  const second = simulate(...small, '--jobs', '3');

  it('runs every programme in worker processes of its own and adds up to the country asked', async () => {
    const run = await first;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Pays simulé \(graine 5\)\u00a0: 20 programmes, 3\u202f000 mentorés/,
    );
    const shards = [
      ...run.stdout.matchAll(
        /Processus [0-9]+ \(pid ([0-9]+)\)\u00a0: ([0-9]+) programmes, ([0-9\u202f]+) mentorés/g,
      ),
    ];
    expect(shards).toHaveLength(2);
    const pids = shards.map((m) => Number(m[1]));
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(run.pid);
    expect(shards.reduce((s, m) => s + Number(m[2]), 0)).toBe(20);
    expect(shards.reduce((s, m) => s + number(m[3]!), 0)).toBe(3000);
    // Not a terminal: one complete line a batch, readable in a CI log.
    expect(run.stdout).not.toContain('\r');
    expect(
      run.stdout.match(/^Programmes simulés\u00a0: [0-9]+\/[0-9]+ — processus/gm)!.length,
    ).toBe(10);
    expect(run.stdout).toMatch(/Temps total\u00a0: [0-9,]+ (s|ms)/);
    expect(run.stdout).toMatch(/Programme le plus lent\u00a0: programme-[0-9]{3} \(/);
    expect(run.stdout).toMatch(/Mémoire maximale\u00a0: processus principal [0-9]+ Mo/);
    // Every structure publishes its total of mentorés' applications: the nation's is exact.
    expect(tableOf(run.stdout)).toMatch(
      /Total\u00a0: Mentors [0-9\u202f]+\u202f; Mentorés 3\u202f000/,
    );
  });

  it('prints the same national table for the same seed, however it is split', async () => {
    const [a, b] = await Promise.all([first, second]);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('Processus 3 (pid');
    expect(tableOf(a.stdout).length).toBeGreaterThan(2000);
    expect(tableOf(b.stdout)).toBe(tableOf(a.stdout));
  });

  it('shows no small national count: never a number under 5, ranges where structures hid counts', async () => {
    const table = tableOf((await first).stdout);
    const cells = [
      ...table.matchAll(
        / (?:[^;:\n]+?) ((?:entre |au plus |au moins )?[0-9][0-9\u202f]*)(?: et ([0-9\u202f]+))?(?=\u202f;|\n)/g,
      ),
    ];
    expect(cells.length).toBeGreaterThan(100);
    for (const [, first] of cells) {
      const value = number(first!.replace(/^(entre|au plus|au moins) /, ''));
      if (!/^au plus/.test(first!)) expect(value, first).toBeGreaterThanOrEqual(5);
    }
    expect(table).toMatch(/ entre [0-9\u202f]+ et [0-9\u202f]+/);
  });

  it('explains itself in French with --help, and refuses a wrong argument in French (exit 2)', async () => {
    const help = await simulate('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Simule un programme national de mentorat');
    expect(help.stdout).toContain('--jobs <n>');
    const wrong = await simulate('--jobs', 'deux');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '--jobs attend un nombre entier de 1 à 64 (reçu\u00a0: «\u00a0deux\u00a0»)',
    );
    const unknown = await simulate('--vite');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Utilisation\u00a0: npm run simulate:national');
    const tooSmall = await simulate('--programmes', '10', '--total', '100');
    expect(tooSmall.code).toBe(2);
    expect(tooSmall.stderr).toContain('au moins 50 mentorés par programme');
    // More processes than a machine holds, or a country beyond reason, is refused before it runs.
    const tooMany = await simulate('--jobs', '1000');
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--jobs attend un nombre entier de 1 à 64');
    const huge = await simulate('--total', '9007199254740991', '--programmes', '1');
    expect(huge.code).toBe(2);
    for (const outcome of [wrong, unknown, tooSmall, tooMany, huge])
      expect(outcome.stderr).not.toMatch(/ at /);
  });

  it('says in French which process stopped when one is killed, stops the others and publishes nothing', async () => {
    const child = spawn(
      process.execPath,
      ['scripts/cli/simulate-national.ts', '--programmes', '40', '--total', '40000', '--jobs', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let shards: string[] = [];
    let killedAt = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killed = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        // Once the shards are at work, one of them is killed as an out-of-memory killer would.
        if (!stdout.includes('Programmes simulés') || stdout.includes('[killed]')) return;
        stdout += '[killed]';
        shards = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
          .split('\n')
          .filter(Boolean);
        process.kill(Number(shards[0]), 'SIGKILL');
        killedAt = performance.now();
        resolve();
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await killed;
    // It stops at once (tens of milliseconds), rather than when the other shard is done (seconds).
    expect(performance.now() - killedAt).toBeLessThan(1000);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /La simulation s’est arrêtée\s:\sle processus \d s’est arrêté \(signal SIGKILL\)/,
    );
    expect(stderr).not.toMatch(/ at /);
    expect(stdout).not.toContain('Tableau national');
    // The other shard was stopped too: no process left working for nothing.
    expect(shards).toHaveLength(2);
    await new Promise((done) => setTimeout(done, 200));
    const alive = (pid: string) => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(shards.filter(alive)).toEqual([]);
  }, 60_000);
});
