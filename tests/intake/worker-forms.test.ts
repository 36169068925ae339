import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApplication } from '../../schemas/validators.ts';
import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import {
  hostSettings,
  standInApi,
  startNodeHost,
  startWorkerHost,
  type IntakeHost,
} from '../helpers/intake-hosts.ts';
import { fillByKeyboard } from '../helpers/keyboard-form.ts';
import { openedRecord } from '../helpers/opened-record.ts';

// Both forms, filled in Chromium with and without JavaScript, sent to the Worker bundle in
// workerd (which also serves the site, as Cloudflare does) and to the Node host: each lands as
// one commit in its GitHub stand-in, and both hosts store the same record.

/** People type fast here: the minimum fill time is the contract's and the intake's tests'. */
const settings = hostSettings();
settings.intake.minFillSeconds = 0;

interface Side {
  standIn: GitHubStandIn;
  store: ReturnType<typeof gitHubHarness>['store'];
  host: IntakeHost;
  close: () => Promise<void>;
}

async function side(start: (env: Record<string, string>) => Promise<IntakeHost>): Promise<Side> {
  const standIn = new GitHubStandIn();
  const { store } = gitHubHarness(standIn, { checkedByCaller: true });
  const api = await standInApi(standIn);
  const host = await start(api.env);
  return {
    standIn,
    store,
    host,
    close: async () => {
      await host.close();
      await api.close();
    },
  };
}

let browser: Browser;
let worker: Side;
let node: Side;

beforeAll(async () => {
  [browser, worker, node] = await Promise.all([
    launchChromium(),
    side((env) => startWorkerHost(env, { settings })),
    side((env) => startNodeHost(env, settings)),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([worker?.close(), node?.close()]);
});

const forms = [
  { kind: 'mentee' as const, path: '/trouver-un-mentor/', entries: aMenteeForm() },
  { kind: 'mentor' as const, path: '/devenir-mentor/', entries: aMentorForm() },
];

/** Fills the form by keyboard on `side`'s site, sends it, and returns the stored record. */
async function apply(on: Side, path: string, kind: 'mentor' | 'mentee', javaScript: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(`${on.host.url}${path}`);
    await fillByKeyboard(page, forms.find((f) => f.kind === kind)!.entries);
    const before = on.standIn.git.resolve('main')!.sha;
    await Promise.all([
      page.waitForURL(/\/api\/candidatures\/recu\?reference=/, { timeout: 30_000 }),
      page.keyboard.press('Enter'),
    ]);
    const reference = new URL(page.url()).searchParams.get('reference')!;
    expect(await page.locator('.intake-reference').textContent()).toBe(
      `Votre numéro de candidature\u00a0: ${reference}`,
    );
    const main = on.standIn.git.resolve('main')!;
    expect(main.message).toBe(`Add application ${reference}`);
    expect(main.parents).toEqual([before]);
    expect(on.standIn.violations).toEqual([]);
    return openedRecord(on.store, `applications/${kind}s/${reference}.json`);
  } finally {
    await context.close();
  }
}

/** A record without what differs by nature between two submissions: id, time, keys' digests. */
function comparable(record: Record<string, unknown>) {
  const intake = { ...(record['intake'] as Record<string, unknown>) };
  delete intake['idempotencyKeyHash'];
  const rest: Record<string, unknown> = { ...record, intake };
  delete rest['id'];
  delete rest['submittedAt'];
  return rest;
}

describe.each(forms)('the $kind form sent to the Worker in workerd', ({ kind, path }) => {
  it.each([true, false])(
    'with JavaScript %s, lands as one commit, the same record as through the Node host',
    async (javaScript) => {
      const [onWorker, onNode] = await Promise.all([
        apply(worker, path, kind, javaScript),
        apply(node, path, kind, javaScript),
      ]);
      expect(checkApplication(kind, onWorker.stored).ok).toBe(true);
      expect(onWorker.stored['intake']).toMatchObject({
        proofOfWork: javaScript ? 'verified' : 'absent',
      });
      expect(comparable(onWorker.opened)).toEqual(comparable(onNode.opened));
    },
    90_000,
  );
});
