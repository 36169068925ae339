import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folders } from '../../schemas/data-layout.ts';
import { demoPeople } from '../../scripts/demo/demo-people.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { readRecords } from '../../scripts/store/read-records.ts';
import { runCommand } from '../helpers/run-command.ts';

// Issue 16, « Must show »: the demo, at a small size, ends with applications, pairs,
// conventions, follow-up records and a report in its repository, and the site answering; two
// demos of the same options give the same content.

const size = { mentors: 8, mentees: 10 };
// The site is built already (npm test builds it first): a demo's own build would replace dist/
// under the other test files' feet.
const options = [
  '--no-build',
  '--mentors',
  String(size.mentors),
  '--mentores',
  String(size.mentees),
];

interface Run {
  out: string;
  stdout: string;
  stderr: string;
  code: number | null;
  url?: string;
  stop(): void;
}

/** `npm run demo`'s script, until it serves the site (or ends, with --no-serve). */
function demo(out: string, extra: string[]): Promise<Run> {
  const child = spawn(
    process.execPath,
    ['scripts/cli/demo.ts', ...options, '--out', out, ...extra],
    {
      env: { ...process.env, PORT: '0' },
    },
  );
  const run: Run = { out, stdout: '', stderr: '', code: null, stop: () => child.kill('SIGTERM') };
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      const served = /Le site de la démonstration\s:\s(http:\/\/\S+)/.exec(run.stdout);
      // The desk's line comes last: the demo is ready once it is printed.
      if (served && /code à usage unique\s:\s\S+/.test(run.stdout) && !run.url) {
        run.url = served[1]!;
        resolve(run);
      }
    });
    child.on('exit', (code) => {
      run.code = code;
      resolve(run);
    });
  });
}

const fingerprintOf = (run: Run) =>
  /Empreinte du contenu du dépôt\s:\s([0-9a-f]{16})/.exec(run.stdout)?.[1];

let root: string;
let served: Run;
let again: Run;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'binome-demo-'));
  [served, again] = await Promise.all([
    demo(join(root, 'first'), ['--port', '0']),
    demo(join(root, 'second'), ['--no-serve']),
  ]);
}, 240_000);

afterAll(() => served?.stop());

describe('npm run demo', () => {
  it('tells each step in a CI log, then serves the site and the desk', async () => {
    expect(served.stderr).toBe('');
    expect(served.url).toBeDefined();
    const steps = [...served.stdout.matchAll(/^\[(\d)\/9\] /gm)].map((m) => Number(m[1]));
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Readable in a log: one complete line a step, no line redrawn in place.
    expect(served.stdout).not.toMatch(/\r|\u001b\[/);
    expect(served.stdout).toContain(
      `Candidatures\u00a0: ${size.mentors + size.mentees}/${size.mentors + size.mentees}`,
    );
    expect(served.stdout).toMatch(
      /Espace coordination\s:\shttp:\/\/\S+\/coordination\/\s;\scode à usage unique\s:\s[A-Z0-9]{4}-[A-Z0-9]{4}/,
    );
    const home = await fetch(served.url!);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('mentor');
    expect((await fetch(new URL('coordination/', served.url))).status).toBe(200);
    expect((await fetch(new URL('devenir-mentor/', served.url))).status).toBe(200);
  });

  it('serves the desk on the demo’s calendar: a command records its step after the half-year', async () => {
    const code = /code à usage unique\s:\s([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(served.stdout)![1]!;
    const origin = new URL(served.url!).origin;
    const post = (path: string, body: unknown, session?: string) =>
      fetch(new URL(`api/coordination/${path}`, served.url), {
        method: 'POST',
        headers: {
          origin,
          'content-type': 'application/json',
          ...(session ? { authorization: `Bearer ${session}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const opened = await post('session', { code });
    expect(opened.status).toBe(201);
    const { session } = (await opened.json()) as { session: string };
    const store = new LocalGitStore(join(served.out, 'data'));
    const active = (await readRecords(store, { folders: ['pairs'] })).pairs.find(
      (p) => p.status === 'active',
    )!;
    const answer = await post('commande', { line: `/contact ${active.id}` }, session);
    expect(answer.status).toBe(200);
    const steps = (await readRecords(store, { folders: ['followups'] })).followUps.get(active.id)!;
    const contact = steps.at(-1)!;
    expect(contact).toMatchObject({ type: 'contact', role: 'coordinator' });
    // The day the demo ended (30 June 2027), not this machine's: never before the pair's history.
    expect(contact.submittedAt.slice(0, 10)).toBe('2027-06-30');
    const lastCommit = execFileSync(
      'git',
      ['-C', join(served.out, 'data'), 'log', '-1', '--format=%as'],
      {
        encoding: 'utf8',
      },
    ).trim();
    expect(lastCommit).toBe('2027-06-30');
  });

  it('ends with applications, pairs, conventions, follow-up records and a report in its repository', async () => {
    const store = new LocalGitStore(join(served.out, 'data'));
    const records = await readRecords(store);
    expect(records.unreadable).toEqual([]);
    expect(records.applications).toHaveLength(size.mentors + size.mentees);
    expect(records.decisions.size).toBeGreaterThan(size.mentors + size.mentees - 3);
    const pairs = records.pairs;
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    expect(pairs.filter((p) => p.status === 'active').length).toBeGreaterThan(0);
    expect(pairs.filter((p) => p.status === 'closed')).toHaveLength(1);
    const checkIns = [...records.followUps.values()].flat();
    expect(checkIns.length).toBeGreaterThan(pairs.length);
    expect(records.followUpCodes.size).toBe(2 * pairs.length);
    const conventions = (await readdir(join(served.out, 'conventions'))).filter((f) =>
      f.endsWith('.pdf'),
    );
    expect(conventions.sort()).toEqual(pairs.map((p) => `${p.id}.pdf`).sort());
    const report = await store.listFiles(`${folders.reports}/2026-2027`);
    expect(report).toEqual(
      expect.arrayContaining([
        'reports/2026-2027/rapport.html',
        'reports/2026-2027/chiffres.csv',
        'reports/2026-2027/README.md',
      ]),
    );
    // The weekly follow-up flags the pair that went silent.
    const followUp = (await readdir(served.out)).find((f) =>
      /^suivi-\d{4}-\d{2}-\d{2}\.md$/.test(f),
    )!;
    expect(await readFile(join(served.out, followUp), 'utf8')).toMatch(
      /Aucune rencontre signalée depuis \d+ jours/,
    );
    // The French guide is in the repository, as the setup command writes it.
    expect((await store.readFiles(['README.md']))[0]).toContain(
      '# Données du programme de mentorat',
    );
    // History runs on the demo's calendar, from the applications to the report.
    const dates = execFileSync(
      'git',
      ['-C', join(served.out, 'data'), 'log', '--format=%as', 'main'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean);
    expect(dates.at(-1)! < '2026-11-02').toBe(true);
    expect(dates[0]! >= '2027-06-28').toBe(true);
  });

  it('gives the same repository content when run twice, and its conventions byte for byte', async () => {
    expect(again.code).toBe(0);
    expect(fingerprintOf(served)).toBeDefined();
    expect(fingerprintOf(again)).toBe(fingerprintOf(served));
    for (const file of await readdir(join(served.out, 'conventions')))
      expect(await readFile(join(again.out, 'conventions', file))).toEqual(
        await readFile(join(served.out, 'conventions', file)),
      );
  });

  it('never writes a person into its log, a commit message, a branch or a file name', async () => {
    const people = demoPeople({
      ...size,
      seed: 2026,
      applicationsOpen: '2026-11-02',
      applicationsClose: '2026-12-11',
      commune: 'Issy-les-Moulineaux',
    });
    const identifying = [...people.mentors, ...people.mentees].flatMap((person) =>
      person.entries
        .filter(([name]) =>
          /^identity\.(firstName|lastName|email|phone)$|^identity\.legalRepresentative\./.test(
            name,
          ),
        )
        .map(([, value]) => value),
    );
    expect(identifying.length).toBeGreaterThan(4 * (size.mentors + size.mentees) - 1);
    const data = join(served.out, 'data');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', data, ...args], { encoding: 'utf8' });
    const exposed = [
      served.stdout,
      served.stderr,
      again.stdout,
      git('log', '--all', '--format=%s%n%b'),
      git('for-each-ref', '--format=%(refname)'),
      git('log', '--all', '--name-only', '--format='),
    ].join('\n');
    for (const value of identifying)
      expect(exposed, 'a person in what the demo exposes').not.toContain(value);
  });

  it('has a French --help, refuses a wrong option, and never empties a folder that is not a demo’s', async () => {
    const help = await runCommand('demo', join(root, 'unused'), ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('crée un programme de démonstration complet');
    const wrong = await runCommand('demo', join(root, 'unused'), ['--mentors', 'beaucoup']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--mentors doit être un nombre entier');
    const precious = join(root, 'precious');
    await mkdir(precious);
    await writeFile(join(precious, 'notes.txt'), 'à garder\n');
    const refused = await runCommand('demo', join(root, 'unused'), [
      '--no-build',
      '--out',
      precious,
      '--no-serve',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('n’est pas celui d’une démonstration');
    expect(await readFile(join(precious, 'notes.txt'), 'utf8')).toBe('à garder\n');
    // A demo's marker beside someone's own file: still not the demo's to empty.
    await writeFile(join(precious, '.binome-demo'), '');
    const mixed = await runCommand('demo', join(root, 'unused'), [
      '--no-build',
      '--out',
      precious,
      '--no-serve',
    ]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('contient d’autres fichiers que ceux d’une démonstration');
    expect(await readFile(join(precious, 'notes.txt'), 'utf8')).toBe('à garder\n');
    const file = await runCommand('demo', join(root, 'unused'), [
      '--no-build',
      '--out',
      join(precious, 'notes.txt'),
      '--no-serve',
    ]);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('n’est pas un dossier');
    // A port already taken is said before anything runs.
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = String((taken.address() as AddressInfo).port);
    const busy = await runCommand('demo', join(root, 'unused'), [
      '--no-build',
      '--port',
      port,
      '--out',
      join(root, 'busy'),
    ]);
    taken.close();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`Le port ${port} est déjà utilisé`);
    expect(busy.stdout).not.toContain('[1/9]');
  });
});
