// The Worker bundle's own JavaScript per request, measured in a process of its own (one that
// never loads Miniflare, whose source-map support makes every error dearer): the bundle imported
// and called one request at a time under V8's sampling profiler. Run by bench-hosts.ts:
//   node scripts/bench/measure-worker-bundle.ts <worker.js> <rounds>   (environment: BENCH_WORKER_ENV)
// It prints its figures as one line of JSON.
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { kinds } from './intake-requests.ts';
import { median } from './median.ts';

export async function measureBundle(script: string, env: Record<string, string>, rounds: number) {
  // The Worker's log lines kept, as Cloudflare keeps them, off this benchmark's output.
  const logged: unknown[] = [];
  const print = console.log;
  console.log = (...line: unknown[]) => void logged.push(line);
  try {
    return await measureBundleLogged(script, env, rounds);
  } finally {
    console.log = print;
  }
}

/** A V8 CPU profile, as the inspector gives it. */
interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

// What Node does natively in workerd: its HTTP client and streams, written in JavaScript here.
const nodeHttp =
  /undici|node:internal\/(?:webstreams|streams|http|net|tls|dns)|node:(?:net|http|stream)/;
const nodeIo = new Set([
  'writev',
  'writeLatin1String',
  'writeUtf8String',
  'writeBuffer',
  'onStreamRead',
]);

/**
 * The milliseconds a profile spent in the bundle's own code: samples with a frame of the bundle
 * on their stack and none of Node's HTTP client or streams (workerd's are native, and Cloudflare
 * counts them apart from nothing: this leaves them out of the estimate, said in the README).
 */
function bundleMs(profile: Profile, script: string): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const bundle = pathToFileURL(script).href;
  let total = 0;
  profile.samples.forEach((sample, i) => {
    let inBundle = false;
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const { url, functionName } = byId.get(id)!.callFrame;
      if (nodeHttp.test(url) || nodeIo.has(functionName)) return;
      if (url === bundle) inBundle = true;
    }
    if (inBundle) total += profile.timeDeltas[i]! / 1000;
  });
  return total;
}

async function measureBundleLogged(script: string, env: Record<string, string>, rounds: number) {
  const started = process.threadCpuUsage();
  const worker = (await import(pathToFileURL(script).href)) as {
    default: { fetch(request: Request, env: Record<string, string>): Promise<Response> };
  };
  const startupMs = cpuOf(process.threadCpuUsage(started));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  const url = 'https://intake.test';
  const call = async (request: Request) => {
    await session.post('Profiler.start');
    const response = await worker.default.fetch(request, env);
    await response.arrayBuffer();
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    return { status: response.status, ms: bundleMs(profile, script) };
  };
  const asRequest = (path: string, body?: string) =>
    new Request(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        origin: url,
      },
      ...(body === undefined ? {} : { body }),
    });
  try {
    const first = await call(asRequest('/api/altcha/challenge'));
    const results: Record<string, number> = {};
    for (const [kind, spec] of Object.entries(kinds)) {
      const times: number[] = [];
      for (let i = 0; i < rounds * Math.min(spec.perRound, 20); i += 1) {
        const entries = await spec.prepare(url, i, (request) => worker.default.fetch(request, env));
        const request =
          spec.status === 200
            ? asRequest('/api/altcha/challenge')
            : spec.status === 400
              ? asRequest('/api/candidatures/mentee', 'identity.lastName=%FF%FE')
              : asRequest('/api/candidatures/mentee', new URLSearchParams(entries).toString());
        const { status, ms } = await call(request);
        if (status !== spec.status) throw new Error(`Worker bundle: ${kind} answered ${status}.`);
        // The first requests of a kind compile its code: the steady state is what repeats.
        if (i >= 2) times.push(ms);
      }
      results[kind] = median(times);
    }
    return { startupMs, firstMs: first.ms, results };
  } finally {
    session.disconnect();
  }
}

const cpuOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

if (import.meta.main) {
  const [script, rounds] = process.argv.slice(2);
  const env = JSON.parse(process.env['BENCH_WORKER_ENV'] ?? '{}') as Record<string, string>;
  const figures = await measureBundle(script!, env, Number(rounds));
  process.stdout.write(JSON.stringify(figures) + '\n');
}
