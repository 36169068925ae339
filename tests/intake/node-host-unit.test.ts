import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRoutes } from '../../schemas/form-routes.ts';
import { aMenteeForm, personalStrings } from '../../scripts/dev/application-forms.ts';
import { securityHeaders } from '../../scripts/intake/security-headers.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { hostSettings } from '../helpers/intake-hosts.ts';

// The Node host started exactly as its systemd unit (deploy/node/binome.service) starts it: its
// ExecStart split into words (no shell), its working directory, and an environment made of its
// Environment= lines and its EnvironmentFile= alone (nothing inherited). The unit's folders are
// mapped onto temporary ones: /opt/binome is this checkout, /etc/binome and /var/lib/binome
// folders of the test's.

const unitFile = 'deploy/node/binome.service';
const run = promisify(execFile);
const publicUrl = 'https://mentorat.example.org';

interface Unit {
  execStart: string[];
  workingDirectory: string;
  environment: Record<string, string>;
  environmentFile: string;
  directives: Map<string, string[]>;
}

/** The [Service] directives of a unit file, each with every value it is given. */
function parseUnit(text: string): Unit {
  const directives = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      section = line;
      continue;
    }
    if (section !== '[Service]') continue;
    const at = line.indexOf('=');
    const key = line.slice(0, at);
    directives.set(key, [...(directives.get(key) ?? []), line.slice(at + 1)]);
  }
  const environment: Record<string, string> = {};
  for (const assignment of directives.get('Environment') ?? []) {
    const at = assignment.indexOf('=');
    environment[assignment.slice(0, at)] = assignment.slice(at + 1);
  }
  return {
    execStart: directives.get('ExecStart')![0]!.split(/\s+/),
    workingDirectory: directives.get('WorkingDirectory')![0]!,
    environment,
    environmentFile: directives.get('EnvironmentFile')![0]!,
    directives,
  };
}

/** An environment file as systemd reads it: KEY=value lines, comments and blanks ignored. */
function parseEnvironmentFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const at = line.indexOf('=');
    values[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return values;
}

let unit: Unit;
let etc: string;
let state: string;
let server: ChildProcess;
let url: string;
const output: string[] = [];

beforeAll(async () => {
  unit = parseUnit(await readFile(unitFile, 'utf8'));
  etc = await mkdtemp(join(tmpdir(), 'binome-etc-'));
  state = await mkdtemp(join(tmpdir(), 'binome-var-lib-'));
  const paths = (value: string) =>
    value
      .replace('/opt/binome', resolve('.'))
      .replace('/etc/binome', etc)
      .replace('/var/lib/binome', state);
  // The structure's settings: its public address, and Caddy on this machine as the proxy.
  const settings = hostSettings();
  settings.site.url = publicUrl;
  settings.intake.trustedProxies = ['127.0.0.1'];
  settings.intake.minFillSeconds = 0;
  await writeFile(join(etc, 'programme.yaml'), JSON.stringify(settings));
  // The secrets' file, as the example says to fill it in (a local data repository).
  const example = await readFile('deploy/node/intake.env.example', 'utf8');
  await writeFile(
    paths(unit.environmentFile),
    example.replace(/^BINOME_INTAKE_SECRET=$/m, `BINOME_INTAKE_SECRET=${'s'.repeat(64)}`),
    { mode: 0o600 },
  );
  const environment: Record<string, string> = {
    // What systemd gives every service, and nothing of this test's environment.
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ...Object.fromEntries(Object.entries(unit.environment).map(([k, v]) => [k, paths(v)])),
    ...parseEnvironmentFile(await readFile(paths(unit.environmentFile), 'utf8')),
    // The one value changed: a free port instead of 4321.
    PORT: '0',
  };
  const [program, ...args] = unit.execStart.map(paths);
  server = spawn(program!, args, {
    cwd: paths(unit.workingDirectory),
    env: environment,
    shell: false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const lines = createInterface({ input: server.stdout! });
  url = await new Promise<string>((done, fail) => {
    lines.on('line', (line) => {
      output.push(line);
      const running = /Binôme is running at (http:\/\/[^ ]+)/.exec(line);
      if (running) done(running[1]!.replace(/\/$/, ''));
    });
    server.once('exit', (code) => fail(new Error(`The server stopped (${code}): ${output}`)));
  });
}, 60_000);

afterAll(() => {
  server?.kill();
});

/** A form sent through Caddy: the public origin, the client's address added by the proxy. */
const throughProxy = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${formRoutes.mentee}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      origin: publicUrl,
      'x-forwarded-for': '203.0.113.7',
      ...headers,
    },
    body,
  });

describe('the Node host started as its systemd unit starts it', () => {
  it('is hardened: a user of its own, the file system read-only but the data folder', () => {
    const one = (key: string) => unit.directives.get(key)?.[0];
    expect(one('User')).toBe('binome');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('ReadWritePaths')).toBe('/var/lib/binome');
    expect(one('NoNewPrivileges')).toBe('yes');
    expect(one('ProtectHome')).toBe('yes');
    expect(one('PrivateTmp')).toBe('yes');
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(unit.environment['HOST']).toBe('127.0.0.1');
    expect(unit.environment['BINOME_DATA_DIR']).toMatch(/^\/var\/lib\/binome\//);
  });

  // The tools come with .ci/run; a machine without them says « skipped », never « passed ».
  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))(
    'passes systemd’s own check, with its timer, every directive known and every program there',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'binome-units-'));
      const files = ['binome.service', 'binome-rebuild.service', 'binome-rebuild.timer'];
      for (const file of files)
        await writeFile(
          join(folder, file),
          (await readFile(join('deploy/node', file), 'utf8'))
            .replaceAll('/opt/binome', resolve('.'))
            .replaceAll('/etc/binome', etc),
        );
      const { stdout, stderr } = await run('systemd-analyze', [
        'verify',
        '--man=no',
        ...files.map((file) => join(folder, file)),
      ]);
      // Unknown keys and bad values are only warned about: any line at all is a defect.
      expect(stdout + stderr).toBe('');
    },
  );

  it.skipIf(!existsSync('/usr/bin/caddy'))(
    'has a Caddyfile Caddy reads: HTTPS to this port, no access log, no error lines',
    async () => {
      const { stdout } = await run('caddy', [
        'adapt',
        '--config',
        'deploy/node/Caddyfile',
        '--adapter',
        'caddyfile',
      ]);
      const config = JSON.parse(stdout) as {
        logging: { logs: { default: { exclude: string[] } } };
        apps: { http: { servers: Record<string, { listen: string[]; logs?: unknown }> } };
      };
      expect(config.logging.logs.default.exclude.sort()).toEqual([
        'http.handlers.reverse_proxy',
        'http.log.error',
      ]);
      const [server] = Object.values(config.apps.http.servers);
      expect(server!.listen).toEqual([':443']);
      expect(server!.logs).toBeUndefined();
      expect(stdout).toContain(`"dial":"127.0.0.1:${unit.environment['PORT']}"`);
    },
  );

  it('serves the site and the challenge with the security headers', async () => {
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    const challenge = await fetch(`${url}/api/altcha/challenge`);
    expect(challenge.status).toBe(200);
    for (const [name, value] of Object.entries(securityHeaders))
      expect(challenge.headers.get(name), name).toBe(value);
    // Its public address is https: browsers are told to keep to it.
    expect(challenge.headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });

  it('stores an application sent through the proxy in the data folder, and nowhere else', async () => {
    const response = await throughProxy(new URLSearchParams(aMenteeForm()).toString());
    expect(response.status).toBe(201);
    const { reference, receiptUrl } = (await response.json()) as {
      reference: string;
      receiptUrl: string;
    };
    expect(receiptUrl).toBe(`${publicUrl}/api/candidatures/recu?reference=${reference}`);
    const store = new LocalGitStore(join(state, 'data'));
    expect(await store.readFile(`applications/mentees/${reference}.json`)).toBeDefined();
  });

  it('refuses as the intake must: malformed, unwanted or from elsewhere, and keeps running', async () => {
    const cases: [Promise<Response>, number][] = [
      [throughProxy('identity.lastName=%FF%FE'), 400],
      [throughProxy('x', { 'content-type': 'text/plain' }), 415],
      [throughProxy(`words=${'a'.repeat(40_000)}`), 413],
      // Behind the proxy, the server's own loopback address is no longer an origin forms come from.
      [throughProxy(new URLSearchParams(aMenteeForm()).toString(), { origin: url }), 403],
      [fetch(`${url}${formRoutes.mentee}`), 405],
    ];
    for (const [sent, status] of cases) expect((await sent).status).toBe(status);
    // A request that is not HTTP at all: a 400, and the server is still there.
    const raw = await new Promise<string>((done) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () =>
        socket.write('GET nowhere HTTP/1.1\r\nHost: \r\n\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('close', () => done(answer));
      socket.on('error', () => done(answer));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${url}/api/altcha/challenge`)).status).toBe(200);
  });

  it('logs no personal data and no secret', () => {
    const logged = output.join('\n');
    expect(logged).toContain('"event":"intake.accepted"');
    for (const personal of personalStrings()) expect(logged).not.toContain(personal);
    expect(logged).not.toContain('s'.repeat(64));
    expect(logged).not.toContain('203.0.113.7');
  });
});
