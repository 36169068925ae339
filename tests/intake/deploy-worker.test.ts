import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostSettings } from '../helpers/intake-hosts.ts';

// `npm run deploy:worker -- --dry-run`: everything but the upload, with the real wrangler.

const intakeSecret = 'a'.repeat(20) + 'secret-never-shown-0123456789';

let folder: string;
let keyFile: string;
let keyLine: string;
let settingsFile: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'binome-deploy-test-'));
  // The key as GitHub hands it out: PKCS#1, converted by the command.
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();
  keyLine = pem.split('\n')[2]!;
  keyFile = join(folder, 'app.pem');
  await writeFile(keyFile, pem, { mode: 0o600 });
  const settings = hostSettings();
  settings.site.url = 'https://mentorat.example.org';
  settingsFile = join(folder, 'programme.json');
  await writeFile(settingsFile, JSON.stringify(settings));
});

function deploy(args: string[], env: Record<string, string>, onStart?: (pid: number) => void) {
  return new Promise<{ code: number | null; output: string; tmp: string }>((done) => {
    void mkdtemp(join(folder, 'tmp-')).then((tmp) => {
      const child = spawn(process.execPath, ['scripts/cli/deploy-worker.ts', ...args], {
        env: { PATH: process.env['PATH']!, HOME: folder, TMPDIR: tmp, ...env },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      onStart?.(child.pid!);
      child.on('exit', (code) => done({ code, output, tmp }));
    });
  });
}

const appEnvironment = () => ({
  BINOME_SETTINGS_FILE: settingsFile,
  BINOME_GITHUB_REPOSITORY: 'clavim/mentorat-donnees',
  BINOME_GITHUB_APP_ID: '424242',
  BINOME_GITHUB_INSTALLATION_ID: '77',
  BINOME_GITHUB_APP_PRIVATE_KEY_FILE: keyFile,
  BINOME_INTAKE_SECRET: intakeSecret,
});

describe('npm run deploy:worker', () => {
  it('checks a deployment with wrangler, secrets hidden, nothing of them left behind', async () => {
    const out = join(folder, 'out');
    const { code, output, tmp } = await deploy(['--dry-run', '--out', out], appEnvironment());
    expect(code, output).toBe(0);
    expect(output).toContain('env.CLIENT_BUDGETS (ClientBudgetObject)');
    expect(output).toMatch(/env\.BINOME_GITHUB_APP_PRIVATE_KEY \("\(hidden\)"\)/);
    expect(output).toMatch(/env\.BINOME_INTAKE_SECRET \("\(hidden\)"\)/);
    expect(output).toContain('Vérification terminée');
    for (const secret of [intakeSecret, keyLine]) expect(output).not.toContain(secret);
    expect(await readdir(tmp)).toEqual([]);

    const config = JSON.parse(await readFile(join(out, 'wrangler.json'), 'utf8'));
    expect(config.vars).toEqual({
      BINOME_GITHUB_REPOSITORY: 'clavim/mentorat-donnees',
      BINOME_GITHUB_APP_ID: '424242',
      BINOME_GITHUB_INSTALLATION_ID: '77',
    });
    expect(config.routes).toEqual([{ pattern: 'mentorat.example.org', custom_domain: true }]);
    expect(config.workers_dev).toBe(false);
    expect(config.observability.logs.invocation_logs).toBe(false);
    expect(config.assets).toMatchObject({
      run_worker_first: ['/api/*'],
      not_found_handling: '404-page',
    });
    const written = JSON.stringify(config) + (await readFile(join(out, 'worker.js'), 'utf8'));
    for (const secret of [intakeSecret, keyLine]) expect(written).not.toContain(secret);
    expect(await readFile(join(out, 'site', '_headers'), 'utf8')).toContain(
      'strict-transport-security: max-age=31536000; includeSubDomains',
    );
  });

  it('leaves no secret behind when stopped with Ctrl+C', async () => {
    let tmpOfRun = '';
    const run = deploy(
      ['--dry-run', '--out', join(folder, 'out-stopped')],
      appEnvironment(),
      (pid) => {
        const poll = setInterval(async () => {
          const tmp = (await readdir(folder))
            .filter((f) => f.startsWith('tmp-'))
            .map((f) => join(folder, f));
          for (const dir of tmp) {
            for (const sub of await readdir(dir).catch(() => [] as string[])) {
              if (existsSync(join(dir, sub, 'secrets.json'))) {
                tmpOfRun = dir;
                clearInterval(poll);
                process.kill(pid, 'SIGINT');
              }
            }
          }
        }, 5);
      },
    );
    const { code, tmp } = await run;
    expect(tmpOfRun).toBe(tmp);
    expect(code).not.toBe(0);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('refuses, in French, an address that is not https, and a missing repository', async () => {
    const wrong = await deploy(['--dry-run'], {
      ...appEnvironment(),
      BINOME_PUBLIC_URL: 'mentorat.example.org',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain('BINOME_PUBLIC_URL doit être une adresse https://');
    const withoutRepository: Record<string, string> = appEnvironment();
    delete withoutRepository['BINOME_GITHUB_REPOSITORY'];
    const missing = await deploy(['--dry-run'], withoutRepository);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('Indiquez le dépôt de données dans BINOME_GITHUB_REPOSITORY');
  });

  it('says what it does with --help', async () => {
    const { code, output } = await deploy(['--help'], {});
    expect(code).toBe(0);
    expect(output).toContain(
      'Déploie la réception des formulaires et le site sur Cloudflare Workers',
    );
  });
});
