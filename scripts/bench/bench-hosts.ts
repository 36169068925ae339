// The intake on its two production hosts, side by side in one run: the Node host (`node
// scripts/cli/serve.ts`, as its systemd unit starts it) and the Cloudflare Worker bundle in
// workerd (Miniflare), each a process of its own writing to a GitHub stand-in of its own (also
// processes of their own), so that each host's CPU is read apart, from /proc, before and after
// a batch of requests: its whole process (HTTP, TLS-free loopback, JavaScript, garbage
// collection). For the Worker this is an upper bound of what Cloudflare bills as CPU time, which
// counts the isolate's JavaScript only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';
import { readSettings } from '../../schemas/read-settings.ts';
import { buildWorker, compatibilityDate } from '../dev/build-worker.ts';
import { application, kinds, post } from './intake-requests.ts';
import { median } from './median.ts';

const root = resolve(import.meta.dirname, '..', '..');
const secret = crypto.randomUUID() + crypto.randomUUID();
const ticksPerSecond = 100;

/** User and system CPU of a process so far, in milliseconds (/proc/<pid>/stat, in ticks). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5), counted from the state (field 3) here.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** The first line a child prints, once it prints it. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', done);
    child.once('exit', (code) => fail(new Error(`A child process stopped (status ${code}).`)));
  });
}

function node(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** A GitHub stand-in in its own process, and the environment that names its repository. */
async function standIn() {
  const child = node(['tests/github-stand-in/serve-stand-in.ts'], { PATH: process.env['PATH']! });
  const [url, repository] = (await firstLine(child)).split(' ');
  return {
    child,
    env: {
      BINOME_GITHUB_REPOSITORY: repository!,
      BINOME_GITHUB_TOKEN: 'github_pat_bench_0000',
      BINOME_GITHUB_API_URL: url!,
    },
  };
}

/** The workerd process Miniflare started: a child of this process. */
function workerdPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (name.startsWith('workerd') && ppid === process.pid) return Number(entry);
    } catch {
      // A process that ended meanwhile.
    }
  }
  throw new Error('No workerd process found under this one.');
}

interface Host {
  name: string;
  url: string;
  pid: number;
  close(): Promise<unknown>;
}

async function measure(host: Host, rounds: number) {
  const results: Record<string, number> = {};
  for (const [kind, spec] of Object.entries(kinds)) {
    const perRequest: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const bodies = await Promise.all(
        Array.from({ length: spec.perRound }, (_, i) => spec.prepare(host.url, round * 1000 + i)),
      );
      const before = cpuMs(host.pid);
      for (const body of bodies) {
        const response = await spec.send(host.url, body);
        await response.arrayBuffer();
        if (response.status !== spec.status)
          throw new Error(`${host.name}: ${kind} answered ${response.status}.`);
      }
      perRequest.push((cpuMs(host.pid) - before) / spec.perRound);
    }
    results[kind] = median(perRequest);
  }
  return results;
}

/** The bundle's figures, from measure-worker-bundle.ts in a process of its own. */
async function bundleFigures(script: string, env: Record<string, string>, rounds: number) {
  const child = spawn(
    process.execPath,
    ['scripts/bench/measure-worker-bundle.ts', script, String(rounds)],
    {
      cwd: root,
      env: { PATH: process.env['PATH']!, BENCH_WORKER_ENV: JSON.stringify(env) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`measure-worker-bundle.ts stopped (status ${code}).`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as {
    startupMs: number;
    firstMs: number;
    results: Record<string, number>;
  };
}

export async function benchHosts(options: { rounds: number }): Promise<void> {
  const settings = readSettings(await readFile(join(root, 'content/programme.yaml'), 'utf8'));
  settings.encryption.recipients = await Promise.all(
    ['Coordination', 'Sauvegarde'].map(async (name) => ({
      name,
      key: await identityToRecipient(await generateX25519Identity()),
    })),
  );
  // The highest limits the settings allow: the benchmark is one client.
  settings.intake.rateLimit = {
    applicationsPerHour: 10_000,
    submissionsPerHour: 100_000,
    challengesPerHour: 100_000,
  };
  settings.intake.minFillSeconds = 0;
  const folder = await mkdtemp(join(tmpdir(), 'binome-bench-hosts-'));
  const settingsFile = join(folder, 'programme.json');
  await writeFile(settingsFile, JSON.stringify(settings));
  const built = await buildWorker({ settings, outDir: join(folder, 'worker') });

  const children: ChildProcess[] = [];
  const stopChildren = () => children.forEach((child) => child.kill());
  process.once('exit', stopChildren);
  const [forNode, forWorker, forBundle] = await Promise.all([standIn(), standIn(), standIn()]);
  children.push(forNode.child, forWorker.child, forBundle.child);
  const server = node(['scripts/cli/serve.ts', '--port', '0'], {
    PATH: process.env['PATH']!,
    BINOME_SETTINGS_FILE: settingsFile,
    BINOME_INTAKE_SECRET: secret,
    ...forNode.env,
  });
  children.push(server);
  const nodeUrl = /http:\/\/[^ ]+/.exec(await firstLine(server))![0].replace(/\/$/, '');
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: 0,
      scriptPath: built.script,
      modules: true,
      modulesRoot: built.outDir,
      compatibilityDate,
      bindings: { BINOME_INTAKE_SECRET: secret, ...forWorker.env },
      durableObjects: { CLIENT_BUDGETS: 'ClientBudgetObject' },
      handleStructuredLogs: () => {},
    }),
  );
  const workerUrl = (await miniflare.ready).origin;
  const hosts: Host[] = [
    { name: 'Node', url: nodeUrl, pid: server.pid!, close: async () => server.kill() },
    {
      name: 'Worker (workerd)',
      url: workerUrl,
      pid: workerdPid(),
      close: () => miniflare.dispose(),
    },
  ];
  try {
    // Warmed up first: the first requests compile the code.
    for (const host of hosts) {
      for (let i = 0; i < 3; i += 1)
        await (await post(host.url, await application(host.url, -i))).arrayBuffer();
    }
    // Both hosts at once: each waits on GitHub's pace (writes a second apart), not on the other.
    const [onNode, onWorker] = await Promise.all([
      measure(hosts[0]!, options.rounds),
      measure(hosts[1]!, options.rounds),
    ]);
    // The bundle in this process alone: nothing else here may spend CPU while it is measured.
    const bundle = await bundleFigures(
      built.script,
      { BINOME_INTAKE_SECRET: secret, ...forBundle.env },
      options.rounds,
    );
    console.log(
      `\nThe intake on its two hosts, against the GitHub stand-in: CPU per request of each host's whole process (from /proc, median of ${options.rounds} rounds), and of the Worker's own JavaScript (the same bundle called in this process under V8's sampling profiler, Node's HTTP client and streams left out as workerd's are native; median of its requests after the first two):\n`,
    );
    console.log(
      "| request | Node host (process) | Worker in workerd (process) | Worker's own JavaScript |",
    );
    console.log('|---|---:|---:|---:|');
    for (const kind of Object.keys(kinds))
      console.log(
        `| ${kind} | ${onNode[kind]!.toFixed(1)} ms | ${onWorker[kind]!.toFixed(1)} ms | ${bundle.results[kind]!.toFixed(1)} ms |`,
      );
    console.log(
      `\nThe Worker's start: its module evaluated in ${bundle.startupMs.toFixed(0)} ms of CPU (Cloudflare allows 1 s at startup, apart from the requests' CPU); its first request (a challenge) ${bundle.firstMs.toFixed(1)} ms of its own JavaScript.`,
    );
    console.log(
      `\nWorker bundle: ${(built.bytes / 1024).toFixed(0)} KiB, ${(built.gzipBytes / 1024).toFixed(0)} KiB gzip (Cloudflare's limit after compression: 3 MiB free, 10 MiB paid).`,
    );
  } finally {
    for (const host of hosts) await host.close();
    stopChildren();
  }
}
