// Intake benchmark on the embedded default store (a local Git repository): throughput and
// latency of valid submissions over HTTP, with identities sealed (the default: each one
// encrypted with age to a data key of its own, itself encrypted to the programme's keys) and,
// in the same run, stored in plain text, so that the cost of encryption per application is
// stated; then the JavaScript each form page costs; then the intake on its two production hosts
// (bench-hosts.ts): the Node host and the Cloudflare Worker, CPU per request and bundle size.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { isSealed } from '../../schemas/sealed-identity.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { aMenteeForm } from '../dev/application-forms.ts';
import { launchChromium } from '../dev/browser.ts';
import { serveBuiltSite } from '../dev/built-site.ts';
import { sealIdentity } from '../privacy/seal-identity.ts';
import { LocalKeyStore } from '../store/local-key-store.ts';
import { measureFormScripts } from './measure-form-scripts.ts';
import { median } from './median.ts';
import { scriptArguments } from '../dev/script-arguments.ts';

const usage = `Utilisation : npm run bench:intake [-- --requests 200] [-- --concurrency 8] [-- --host-rounds 5]
    mesure la réception des formulaires sur un dépôt local temporaire : candidatures
    par seconde et temps de réponse, identités chiffrées ou non (--requests par tour,
    --concurrency clients à la fois), le JavaScript des formulaires, puis le temps de calcul par
    requête sur l’hôte Node et sur le Worker Cloudflare (--host-rounds tours). Personnes fictives.`;
const values = scriptArguments(usage, {
  requests: { type: 'string', default: '200' },
  concurrency: { type: 'string', default: '8' },
  'host-rounds': { type: 'string', default: '5' },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

const settingsFor = async (identities: 'sealed' | 'plain') => {
  const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
  settings.intake.rateLimit = {
    applicationsPerHour: 1e6,
    submissionsPerHour: 1e6,
    challengesPerHour: 1e6,
  };
  settings.encryption.identities = identities;
  return settings;
};
// Sealed as in production: to two fresh keys (the coordinators' and an offline backup), the
// settings' placeholders being skipped.
const programmeKeys = await Promise.all(
  [1, 2].map(async () => identityToRecipient(await generateX25519Identity())),
);
const sites = {
  plain: await serveBuiltSite({ settings: await settingsFor('plain') }),
  sealed: await serveBuiltSite({
    settings: await settingsFor('sealed'),
    recipients: programmeKeys,
    minimumRecipients: 2,
  }),
};
const url = sites.sealed.url;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function round(
  site: string,
  count: number,
  parallel: number,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < count; i = next++) {
        const body = new URLSearchParams([
          ...aMenteeForm({ 'identity.lastName': `Bench ${i}` }),
          ['idempotencyKey', crypto.randomUUID()],
        ]);
        const t = performance.now();
        const response = await fetch(new URL('/api/candidatures/mentee', site), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 201)
          throw new Error(`Submission ${i} answered ${response.status}.`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return {
    latencies: latencies.sort((a, b) => a - b),
    seconds: (performance.now() - started) / 1000,
  };
}

console.log(
  `Intake on the local Git store: ${total} valid applications per round, each one commit; identities sealed (age, 2 recipients) or plain.\n`,
);
// Both stores warmed up first, then each round run plain and sealed back to back, so that both
// see the same machine.
for (const site of Object.values(sites)) await round(site.url, 20, 1);
console.log('| identities | clients at once | throughput | p50 latency | p99 latency |');
console.log('|---|---:|---:|---:|---:|');
const measured: Record<string, { p50: number; perApplication: number }> = {};
for (const parallel of [1, concurrency]) {
  for (const [mode, site] of Object.entries(sites)) {
    const { latencies, seconds } = await round(site.url, total, parallel);
    measured[`${mode} ${parallel}`] = {
      p50: median(latencies),
      perApplication: (seconds * 1000) / total,
    };
    console.log(
      `| ${mode} | ${parallel} | ${(total / seconds).toFixed(1)} applications/s | ${median(latencies).toFixed(0)} ms | ${percentile(latencies, 99).toFixed(0)} ms |`,
    );
  }
}

// Each store holds what its mode says, or the figures would compare nothing.
for (const [mode, site] of Object.entries(sites)) {
  const [path] = await site.store.listFiles('applications/mentees');
  const { identity } = JSON.parse((await site.store.readFile(path!))!) as { identity: unknown };
  if (isSealed(identity) !== (mode === 'sealed'))
    throw new Error(
      `The ${mode} round stored its identities ${mode === 'sealed' ? 'in clear' : 'sealed'}.`,
    );
}

// The two parts of that cost, out of the HTTP path: sealing (a data key, two encryptions), and
// storing the wrapped key (a file written, synced to disk and linked into place).
const identity = { firstName: 'Zéphyrine', lastName: 'Testaccio', email: 'z@exemple.fr' };
const sealTimes: number[] = [];
const keyTimes: number[] = [];
const keys = new LocalKeyStore(await mkdtemp(join(tmpdir(), 'binome-bench-keys-')));
for (let i = 0; i < total; i++) {
  let t = performance.now();
  const { wrappedKey } = await sealIdentity(identity, programmeKeys);
  sealTimes.push(performance.now() - t);
  t = performance.now();
  await keys.create(`mentee-${String(i).padStart(6, '0')}`, wrappedKey);
  keyTimes.push(performance.now() - t);
}
const signed = (ms: number) => `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(1)} ms`;
console.log('\nCost of encryption per application (sealed − plain, same run):');
for (const parallel of [1, concurrency]) {
  const plain = measured[`plain ${parallel}`]!;
  const sealed = measured[`sealed ${parallel}`]!;
  console.log(
    `- ${parallel} client${parallel > 1 ? 's' : ''} at once: median latency ${plain.p50.toFixed(1)} ms plain, ${sealed.p50.toFixed(1)} ms sealed (${signed(sealed.p50 - plain.p50)}); wall time per application ${plain.perApplication.toFixed(1)} ms plain, ${sealed.perApplication.toFixed(1)} ms sealed (${signed(sealed.perApplication - plain.perApplication)}).`,
  );
}
console.log(
  `- of which sealIdentity (data key, identity and wrapped key, 2 recipients): median ${median(sealTimes).toFixed(2)} ms; storing the wrapped key (local key store): median ${median(keyTimes).toFixed(2)} ms (${total} each).`,
);

const browser = await launchChromium();
console.log('\n| form page | JavaScript (gzip, as served) | decoded | files |');
console.log('|---|---:|---:|---:|');
for (const path of ['/devenir-mentor/', '/trouver-un-mentor/']) {
  const page = await (await browser.newContext()).newPage();
  const size = await measureFormScripts(page, new URL(path, url).href);
  console.log(
    `| ${path} | ${(size.gzip / 1024).toFixed(1)} KB | ${(size.decoded / 1024).toFixed(1)} KB | ${size.files} |`,
  );
}
await browser.close();
for (const site of Object.values(sites)) await site.close();

// The intake on its production hosts, against GitHub (its stand-in): the Node host and the
// Cloudflare Worker. Loaded only now: Miniflare, once imported, makes every error of this
// process dearer (its source-map support), which would weigh on the figures above.
const { benchHosts } = await import('./bench-hosts.ts');
await benchHosts({ rounds: Number(values['host-rounds']) });
